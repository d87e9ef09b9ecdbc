package dev.r58ctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.r58ctl.config.Config;
import dev.r58ctl.demo.DemoSandbox;
import dev.r58ctl.demo.DemoServices;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Every command with a {@code --json} option, found by walking the picocli model (a new command is covered or named
 * here, else this fails), run against the demo's sandbox; every object key of what it prints, and of every JSON file
 * r58ctl wrote under the state directory meanwhile, is snake_case: {@code ^[a-z][a-z0-9_]*$}.
 *
 * <p>Keys that are data, not names r58ctl chose, follow {@link Rule}: GStreamer property names ({@code key-int-max})
 * under {@code settings}, {@code properties} and each of {@code encoders}; the operator's kernel-log mark names at the
 * top of {@code kernel/marks.json} ({@link #DATA_KEYS}). Camera ids, encoder names, test kinds and enum keys must
 * match the snake_case rule like any other key (camera ids are lower-case on the board and in the demo).
 *
 * <p>With {@code -Dr58ctl.json.dump=DIR} each command's output goes to {@code DIR/<command>.json} and the state
 * directory is copied to {@code DIR/state} (how docs/json.md's examples were made).
 */
class JsonKeyStyleTest {
    static final Pattern KEY = Pattern.compile("^[a-z][a-z0-9_]*$");
    private static final ObjectMapper READ = new ObjectMapper();

    /** Files (relative to the state directory) whose top-level keys are names an operator chose. */
    static final Set<String> DATA_KEYS = Set.of("kernel/marks.json");

    /** Commands with --json not run here, and why. */
    static final Map<String, String> EXCLUDED = Map.of();

    @TempDir
    Path tmp;

    /** The runs, in order (each builds on the state the ones before left): command path, then its arguments. */
    private static List<List<String>> runs(Path demo, java.time.Instant recorded) {
        String patch = demo.resolve("state/patches/h265_migration.patch").toString();
        return List.of(
                List.of("config check"),
                List.of("status", "--cpu-window", "0"),
                List.of("status", "--at", recorded.toString()),
                List.of("history", "--since", "10m"),
                List.of("kmsg mark", "json-style"),
                List.of("kmsg"),
                List.of("pipeline show", "cam0"),
                List.of("pipeline preflight"),
                List.of("pipeline run", "cam0", "--duration", "1s"),
                List.of("service status"),
                List.of("health"),
                List.of("repo status"),
                List.of("repo log"),
                List.of("patch check", patch),
                List.of("rollback", "--last-good", "--yes"),
                List.of("repo mark-good"),
                List.of("patch apply", patch, "--commit", "Migrate to H.265 (json style test)"),
                List.of("trial arm"),
                List.of("trial status"),
                List.of("guard boot"),
                List.of("trial commit"),
                List.of("trial arm", "--rollback-to", "HEAD~1"),
                List.of("trial abort"),
                List.of("test encode", "--encoder", "x264enc", "--duration", "1s"),
                List.of("test soak", "--encoder", "x264enc", "--duration", "1s"),
                List.of("test push", "--encoder", "x264enc", "--duration", "1s"),
                List.of("test all", "--encoder", "x265enc", "--duration", "1s"),
                List.of("matrix", "--fix-log"),
                List.of("checklist"),
                List.of("checklist show"),
                List.of("checklist next", "--yes"),
                List.of("checklist skip", "research-mpp", "--reason", "json style test"),
                List.of("checklist done", "verify-stream", "--note", "json style test"),
                List.of("checklist reset", "--yes"),
                List.of("bundle", "-o", demo.resolve("bundle.tar.gz").toString()));
    }

    @Test
    void everyJsonCommandAndEveryStateFileUsesSnakeCaseKeys() throws Exception {
        Path demo = tmp.resolve("demo");
        Config config = DemoSandbox.prepare(demo);
        Path cfg = demo.resolve("config.yml");
        // two rounds of the engine recorded as r58ctl agent records them, for history and status --at
        try (dev.r58ctl.history.HistoryWriter w = dev.r58ctl.history.HistoryWriter.of(config);
             dev.r58ctl.engine.Engine e = new dev.r58ctl.engine.Engine(config)) {
            e.subscribe(w);
            e.tick();
            e.tick();
        }
        List<List<String>> runs = runs(demo, java.time.Instant.now());
        Set<String> covered = new TreeSet<>(EXCLUDED.keySet());
        runs.forEach(r -> covered.add(r.get(0)));
        assertEquals(jsonCommands(), covered, "every command with --json is run here or excluded with a reason");

        Path dump = System.getProperty("r58ctl.json.dump") == null ? null
                : Files.createDirectories(Path.of(System.getProperty("r58ctl.json.dump")));
        List<String> bad = new ArrayList<>();
        Set<String> seen = new TreeSet<>();
        try (DemoServices services = DemoServices.start(config)) {
            for (List<String> r : runs) {
                List<String> args = new ArrayList<>(List.of("--config", cfg.toString()));
                args.addAll(List.of(r.get(0).split(" ")));
                args.addAll(r.subList(1, r.size()));
                args.add("--json");
                CliRun run = CliRun.of(args.toArray(String[]::new));
                assertTrue(run.exit() == 0 || run.exit() == 1, r + ": " + run);
                List<JsonNode> docs = parse(run.out());
                assertFalse(docs.isEmpty(), r + " printed no JSON: " + run);
                for (JsonNode doc : docs) {
                    badKeys(doc, r.get(0), false, bad);
                }
                if (dump != null) {
                    Files.writeString(dump.resolve(r.get(0).replace(' ', '-') + ".json"), run.out());
                }
                stateFiles(demo.resolve("state"), dump, seen, bad);
            }
        }
        for (String expected : List.of("stability/runs/", "guard/trial.json", "checklist/current.json",
                "checklist/history/", "kernel/marks.json", "kernel/incidents.jsonl", "rollback/",
                "stability/fix-log-runs.json")) {
            assertTrue(seen.stream().anyMatch(f -> f.startsWith(expected)), "the runs wrote " + expected + ": " + seen);
        }
        assertEquals(List.of(), bad, "keys that are not snake_case");
    }

    @Test
    void theCheckCatchesCamelCaseAndUpperCaseKeys() throws IOException {
        List<String> bad = new ArrayList<>();
        badKeys(READ.readTree("{\"wall_seconds\": 1, \"frames\": {\"frames_out\": 2}, \"rows\": [{\"measuredAt\": 3}],"
                + " \"by_codec\": {\"H264\": {}}}"), "doc", false, bad);
        assertEquals(List.of("doc: rows[0].measuredAt", "doc: by_codec.H264"), bad);
        List<String> data = new ArrayList<>();
        badKeys(READ.readTree("{\"test-encode-20261126T0130\": {\"log\": \"x\", \"seqNo\": 1}}"), "marks", true, data);
        assertEquals(List.of("marks: test-encode-20261126T0130.seqNo"), data, "data keys pass, the names under them not");
        List<String> gst = new ArrayList<>();
        badKeys(READ.readTree("{\"plan\": {\"settings\": {\"key-int-max\": 30, \"keyIntMax\": 1}, \"key-int\": 2}}"),
                "run", false, gst);
        assertEquals(List.of("run: plan.settings.keyIntMax", "run: plan.key-int"), gst,
                "GStreamer property names under settings only, and never camelCase");
    }

    /** Checks every JSON file under the state directory (once per version: bad keys are listed once). */
    private static void stateFiles(Path state, Path dump, Set<String> seen, List<String> bad) throws IOException {
        List<Path> files;
        try (Stream<Path> all = Files.walk(state)) {
            files = all.filter(p -> p.toString().endsWith(".json") || p.toString().endsWith(".jsonl")).sorted()
                    .toList();
        }
        for (Path f : files) {
            String rel = state.relativize(f).toString();
            seen.add(rel);
            List<String> found = new ArrayList<>();
            for (JsonNode doc : parse(Files.readString(f))) {
                badKeys(doc, rel, DATA_KEYS.contains(rel), found);
            }
            found.stream().filter(b -> !bad.contains(b)).forEach(bad::add);
            if (dump != null) {
                Path to = dump.resolve("state").resolve(rel);
                Files.createDirectories(to.getParent());
                Files.copy(f, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    /** Paths of the commands that have a --json option, found in the whole command tree. */
    static Set<String> jsonCommands() {
        Set<String> out = new TreeSet<>();
        walk(Cli.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter())), "", out);
        return out;
    }

    private static void walk(CommandLine cl, String path, Set<String> out) {
        if (cl.getCommandSpec().findOption("--json") != null && !path.isEmpty()) {
            out.add(path);
        }
        for (Map.Entry<String, CommandLine> sub : new LinkedHashMap<>(cl.getSubcommands()).entrySet()) {
            if (sub.getKey().equals(sub.getValue().getCommandName())) { // aliases once
                walk(sub.getValue(), (path + " " + sub.getKey()).trim(), out);
            }
        }
    }

    /** One JSON document, or JSON Lines. */
    static List<JsonNode> parse(String text) throws IOException {
        if (text.isBlank()) {
            return List.of();
        }
        try {
            return List.of(READ.readTree(text));
        } catch (IOException notOne) {
            List<JsonNode> out = new ArrayList<>();
            for (String line : text.split("\n")) {
                if (!line.isBlank()) {
                    out.add(READ.readTree(line));
                }
            }
            return out;
        }
    }

    /** Adds "where: path.key" for every object key that breaks the rule; the top level's keys are data when told so. */
    static void badKeys(JsonNode doc, String where, boolean topIsData, List<String> bad) {
        check(doc, "", where, topIsData ? Rule.DATA : Rule.NAME, bad);
    }

    /** What a key must look like where it stands. */
    enum Rule {
        /** A name r58ctl chose: snake_case. */
        NAME(KEY),
        /** A GStreamer element property, spelt as gst-launch spells it ("key-int-max"): lower-case, digits, '-'. */
        GST_PROPERTY(Pattern.compile("^[a-z][a-z0-9-]*$")),
        /** A name the operator chose (a kernel-log mark): anything. */
        DATA(Pattern.compile(".+"));

        final Pattern pattern;

        Rule(Pattern pattern) {
            this.pattern = pattern;
        }
    }

    /** The rule for the keys of the object at {@code path}, whose own key is {@code key}. */
    private static Rule ruleFor(String path, String key) {
        if (key.equals("settings") || key.equals("properties") || path.matches("encoders\\.[^.]+")) {
            return Rule.GST_PROPERTY;
        }
        return Rule.NAME;
    }

    private static void check(JsonNode n, String path, String where, Rule rule, List<String> bad) {
        if (n.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String p = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
                if (!rule.pattern.matcher(e.getKey()).matches()) {
                    bad.add(where + ": " + p);
                }
                check(e.getValue(), p, where, ruleFor(p, e.getKey()), bad);
            }
        } else if (n.isArray()) {
            for (int i = 0; i < n.size(); i++) {
                check(n.get(i), path + "[" + i + "]", where, Rule.NAME, bad);
            }
        }
    }
}
