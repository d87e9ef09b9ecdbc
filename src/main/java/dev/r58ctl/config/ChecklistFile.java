package dev.r58ctl.config;

import dev.r58ctl.R58Exception;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads a checklist: the built-in one ({@code checklist.yml} shipped in the jar) or the file {@code checklist.file}
 * names. Guarantees: every step has a unique id, a known kind, gate and branch, and an action or check names an
 * operation of the given vocabulary with the kind that operation has; the first problem is one line naming the
 * file, line and key, and no checklist is returned half read.
 */
public final class ChecklistFile {
    public static final String RESOURCE = "/checklist.yml";
    public static final List<String> BRANCHES = List.of("tests", "stable", "unstable");
    static final List<String> KINDS = List.of(ChecklistStep.ACTION, ChecklistStep.CHECK, ChecklistStep.MANUAL);
    static final List<String> GATES = List.of("none", "stable", "unstable");
    private static final List<String> STEP_KEYS = List.of("id", "title", "kind", "gate", "branch", "operation");
    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]{0,39}");

    /**
     * A checklist.
     *
     * @param source   the file, or "built-in checklist"
     * @param branches the title of each branch of the decision tree (tests, stable, unstable)
     * @param steps    in order
     */
    public record Checklist(String source, Map<String, String> branches, List<ChecklistStep> steps) {
        public ChecklistStep step(String id) {
            return steps.stream().filter(s -> s.id().equals(id)).findFirst().orElse(null);
        }
    }

    private ChecklistFile() {
    }

    /**
     * Reads {@code file} (null: the built-in checklist).
     *
     * @param operations the vocabulary: each operation's name and the kind it must be used with
     */
    public static Checklist read(Path file, Map<String, String> operations) {
        YamlNode root = file == null ? YamlNode.parse(builtIn(), "built-in checklist")
                : YamlNode.parse(file, file.toString());
        Map<String, YamlNode> top = root.mapOf(List.of("branches", "steps"));
        Map<String, String> branches = new LinkedHashMap<>();
        BRANCHES.forEach(b -> branches.put(b, b));
        if (top.containsKey("branches")) {
            top.get("branches").mapOf(BRANCHES).forEach((k, v) -> branches.put(k, v.string("a title")));
        }
        if (!top.containsKey("steps") || top.get("steps").list().isEmpty()) {
            throw root.error("steps: required, a list of steps (id, title, kind, gate, branch, operation)");
        }
        List<ChecklistStep> steps = new ArrayList<>();
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (YamlNode n : top.get("steps").list()) {
            ChecklistStep s = step(n, operations);
            Integer first = seen.putIfAbsent(s.id(), n.line());
            if (first != null) {
                throw n.map().get("id").error("duplicate step id \"" + s.id() + "\" (first at line " + first + ")");
            }
            steps.add(s);
        }
        return new Checklist(file == null ? "built-in checklist" : file.toString(),
                java.util.Collections.unmodifiableMap(branches),
                List.copyOf(steps));
    }

    private static ChecklistStep step(YamlNode n, Map<String, String> operations) {
        Map<String, YamlNode> f = n.mapOf(STEP_KEYS);
        for (String required : List.of("id", "title", "kind", "branch")) {
            if (!f.containsKey(required)) {
                throw n.error(required + ": required (a step has id, title, kind, branch, and gate, operation)");
            }
        }
        String id = f.get("id").string("a step id").trim();
        if (!ID.matcher(id).matches()) {
            throw f.get("id").error("expected a step id (lower-case letters, digits and -), got " + YamlNode.quote(id));
        }
        String kind = oneOf(f.get("kind"), KINDS);
        String branch = oneOf(f.get("branch"), BRANCHES);
        String gate = f.containsKey("gate") ? oneOf(f.get("gate"), GATES) : "none";
        String operation = null;
        if (f.containsKey("operation") && !f.get("operation").isNull()) {
            YamlNode o = f.get("operation");
            operation = o.string("an operation").trim();
            String opKind = operations.get(operation);
            if (opKind == null) {
                throw o.error("unknown operation " + YamlNode.quote(operation) + "; expected one of "
                        + String.join(", ", operations.keySet()));
            }
            if (!opKind.equals(kind)) {
                throw o.error(operation + " is " + article(opKind) + " step, not " + kind);
            }
        } else if (!kind.equals(ChecklistStep.MANUAL)) {
            throw n.error("operation: required for " + article(kind) + " step (manual steps may go without)");
        }
        return new ChecklistStep(id, f.get("title").string("a title").strip(), kind, gate, branch, operation,
                n.where());
    }

    private static String article(String kind) {
        return (kind.equals(ChecklistStep.ACTION) ? "an " : "a ") + kind;
    }

    private static String oneOf(YamlNode node, List<String> allowed) {
        String v = node.string(String.join(", ", allowed)).trim();
        if (!allowed.contains(v)) {
            throw node.error("expected " + String.join(", ", allowed) + ", got " + YamlNode.quote(v));
        }
        return v;
    }

    private static String builtIn() {
        try (InputStream in = ChecklistFile.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw R58Exception.failed("the built-in checklist is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw R58Exception.failed("cannot read the built-in checklist: " + e.getMessage());
        }
    }
}
