package dev.r58ctl.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Reads the {@code kernel_log:} section: source, previous boot, boot id file, extra classifier patterns. */
final class KernelLogReader {
    private KernelLogReader() {
    }

    static Config.KernelLogSettings read(YamlNode node, Function<String, Path> expand) {
        Map<String, YamlNode> m = node == null ? Map.of()
                : node.mapOf(List.of("source", "previous_boot", "boot_id_file", "patterns"));
        String source = "auto";
        if (m.containsKey("source")) {
            source = logSource(expand, m.get("source"), List.of("auto", "kmsg", "journalctl", "dmesg"));
        }
        String previous = m.containsKey("previous_boot")
                ? logSource(expand, m.get("previous_boot"), List.of("auto", "none")) : "auto";
        Path bootId = m.containsKey("boot_id_file") ? ConfigLoader.absolute(expand, m.get("boot_id_file"))
                : Path.of("/proc/sys/kernel/random/boot_id");
        List<Config.PatternSetting> patterns = new ArrayList<>();
        if (m.containsKey("patterns")) {
            for (YamlNode p : m.get("patterns").list()) {
                Map<String, YamlNode> f = p.mapOf(List.of("id", "severity", "literal", "regex", "label"));
                for (String required : List.of("id", "severity", "literal")) {
                    if (!f.containsKey(required)) {
                        throw p.error(required + ": required (a pattern has id, severity, literal, optional regex, label)");
                    }
                }
                String severity = f.get("severity").string("warning, error or critical").trim().toLowerCase();
                if (!List.of("warning", "error", "critical").contains(severity)) {
                    throw f.get("severity").error("expected warning, error or critical, got " + YamlNode.quote(severity));
                }
                String regex = f.containsKey("regex") ? f.get("regex").string("a regular expression") : null;
                if (regex != null) {
                    try {
                        java.util.regex.Pattern.compile(regex);
                    } catch (java.util.regex.PatternSyntaxException e) {
                        throw f.get("regex").error("not a valid regular expression: " + e.getDescription());
                    }
                }
                String literal = f.get("literal").string("text the line contains");
                if (literal.isEmpty()) {
                    throw f.get("literal").error("must not be empty");
                }
                patterns.add(new Config.PatternSetting(f.get("id").string("a name"), severity, literal, regex,
                        f.containsKey("label") ? f.get("label").string("a description") : literal));
            }
        }
        return new Config.KernelLogSettings(source, previous, bootId, List.copyOf(patterns));
    }

    private static String logSource(Function<String, Path> expand, YamlNode s, List<String> words) {
        String expected = String.join(", ", words) + " or file:PATH";
        String v = s.string(expected).trim();
        if (words.contains(v)) {
            return v;
        }
        if (v.startsWith("file:") && v.length() > 5) {
            return "file:" + expand.apply(v.substring(5));
        }
        throw s.error("expected " + expected + ", got " + YamlNode.quote(v));
    }
}
