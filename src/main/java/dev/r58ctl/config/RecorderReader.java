package dev.r58ctl.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/** Reads the {@code recorder:} section: the checkout, its file, the service and how it is run, health and status URLs. */
final class RecorderReader {
    static final List<String> KEYS = List.of(
            "repo", "config", "service", "health_url", "status_url", "fix_log", "service_manager", "service_command",
            "health_timeout_ms");
    private static final Pattern SERVICE = Pattern.compile("[A-Za-z0-9@._-]{1,128}");

    private RecorderReader() {
    }

    static Config.RecorderSettings read(YamlNode node, Function<String, Path> expand) {
        Map<String, YamlNode> m = node == null ? Map.of() : node.mapOf(KEYS);
        Path repo = m.containsKey("repo") ? ConfigLoader.absolute(expand, m.get("repo")) : Path.of("/opt/preke-r58-recorder");
        Path config = m.containsKey("config")
                ? (m.get("config").isNull() ? null : ConfigLoader.absolute(expand, m.get("config")))
                : repo.resolve("config.yml");
        String service = m.containsKey("service") ? ConfigLoader.matching(m.get("service"), SERVICE, "a systemd unit name")
                : "preke-recorder";
        String health = m.containsKey("health_url") ? ConfigLoader.matching(m.get("health_url"), ConfigLoader.URL, "an http:// URL")
                : "http://127.0.0.1:8000/health";
        String status = m.containsKey("status_url") ? ConfigLoader.matching(m.get("status_url"), ConfigLoader.URL, "an http:// URL")
                : health.replaceFirst("/health$", "") + "/status";
        String fixLog = m.containsKey("fix_log") ? m.get("fix_log").string("a path relative to the repository")
                : "docs/fix-log.md";
        if (fixLog.startsWith("/") || fixLog.contains("..")) {
            throw m.get("fix_log").error("expected a path inside the repository, got " + YamlNode.quote(fixLog));
        }
        String manager = m.containsKey("service_manager")
                ? m.get("service_manager").string("systemd or process").trim() : "systemd";
        if (!manager.equals("systemd") && !manager.equals("process")) {
            throw m.get("service_manager").error("expected systemd or process, got " + YamlNode.quote(manager));
        }
        List<String> command = serviceCommand(m.get("service_command"));
        if (manager.equals("process") && command.isEmpty()) {
            throw m.get("service_manager").error("process needs recorder.service_command: [PROGRAM, ARG...]");
        }
        int healthTimeout = m.containsKey("health_timeout_ms")
                ? m.get("health_timeout_ms").integer("milliseconds", 100, 600_000) : 30_000;
        return new Config.RecorderSettings(repo, config, service, health, status, fixLog, manager, command,
                healthTimeout);
    }

    /** An argument list, run without a shell: a single string would need one, so it is refused. */
    private static List<String> serviceCommand(YamlNode node) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isList()) {
            throw node.error("expected an argument list such as [/usr/bin/python3, -m, app], got " + node.describe()
                    + "; r58ctl never runs a shell string");
        }
        List<String> argv = new ArrayList<>();
        for (YamlNode arg : node.list()) {
            String a = arg.string("an argument");
            if (a.isEmpty() || a.indexOf('\0') >= 0) {
                throw arg.error("expected a non-empty argument, got " + YamlNode.quote(a));
            }
            argv.add(a);
        }
        if (argv.isEmpty()) {
            throw node.error("expected at least the program to run");
        }
        if (!argv.get(0).startsWith("/")) {
            throw node.list().get(0).error("expected the program as an absolute path, got " + YamlNode.quote(argv.get(0)));
        }
        return List.copyOf(argv);
    }

}
