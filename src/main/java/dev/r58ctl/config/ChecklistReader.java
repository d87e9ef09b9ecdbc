package dev.r58ctl.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Reads the {@code checklist:} section (the guided migration): which checklist, the encoder migrated to and from, the
 * migration patch and its commit message, the browser URL of the stream check, and the durations of the test and
 * watch steps. Every problem is one line naming the file, line and key.
 */
final class ChecklistReader {
    static final List<String> KEYS = List.of("file", "target_encoder", "current_encoder", "patch", "commit_message",
            "browser_url", "durations");
    static final List<String> DURATIONS = List.of("encode", "soak", "push", "watch", "monitor");
    private static final Pattern BROWSER_URL = Pattern.compile("https?://[^\\s\"'`]+");

    private ChecklistReader() {
    }

    static Config.ChecklistSettings read(YamlNode node, Function<String, Path> expand, Path stateDir,
                                         Config.MediamtxSettings mediamtx, Config.StabilitySettings stability) {
        Map<String, YamlNode> m = node == null || node.isNull() ? Map.of() : node.mapOf(KEYS);
        Path file = null;
        if (m.containsKey("file") && !m.get("file").isNull()) {
            file = ConfigLoader.absolute(expand, m.get("file"));
            if (!java.nio.file.Files.isRegularFile(file)) {
                throw m.get("file").error("no such checklist file " + file);
            }
        }
        String target = encoder(m.get("target_encoder"), "mpph265enc");
        String current = encoder(m.get("current_encoder"), "x264enc");
        Path patch = m.containsKey("patch") && !m.get("patch").isNull()
                ? ConfigLoader.absolute(expand, m.get("patch"))
                : stateDir.resolve("patches/h265_migration_changes.patch");
        String message = "Migrate to H.265 hardware encoding";
        if (m.containsKey("commit_message")) {
            message = m.get("commit_message").string("a commit message").strip();
            if (message.isEmpty()) {
                throw m.get("commit_message").error("expected a commit message, got nothing");
            }
        }
        String browser = "http://" + mediamtx.host() + ":8888/{path}/";
        if (m.containsKey("browser_url") && !m.get("browser_url").isNull()) {
            browser = m.get("browser_url").string("an http:// URL, or none").trim();
            if (browser.equals("none")) {
                browser = null; // no browser view (the demo): the stream is played instead
            } else if (!BROWSER_URL.matcher(browser).matches()) {
                throw m.get("browser_url").error("expected an http:// URL or none, got " + YamlNode.quote(browser));
            }
        }
        Map<String, YamlNode> d = m.containsKey("durations") ? m.get("durations").mapOf(DURATIONS) : Map.of();
        Duration encode = duration(d, "encode", stability.encode());
        Duration soak = duration(d, "soak", stability.soak());
        Duration push = duration(d, "push", stability.push());
        Duration watch = duration(d, "watch", Duration.ofHours(1));
        Duration monitor = duration(d, "monitor", Duration.ofHours(24));
        return new Config.ChecklistSettings(file, target, current, patch, message,
                browser == null ? null : browser.replace("{path}", stability.pushPath()), encode, soak, push, watch,
                monitor);
    }

    private static String encoder(YamlNode node, String fallback) {
        if (node == null) {
            return fallback;
        }
        String element = node.string("an encoder element").trim();
        return KnownEncoder.of(element).map(KnownEncoder::element).orElseThrow(() -> node.error(
                "unknown encoder " + YamlNode.quote(element) + "; expected one of " + KnownEncoder.names()));
    }

    private static Duration duration(Map<String, YamlNode> d, String key, Duration fallback) {
        return d.containsKey(key) ? StabilityReader.duration(d.get(key)) : fallback;
    }
}
