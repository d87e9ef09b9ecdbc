package dev.r58ctl.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the {@code agent:} section: sampling interval, history retention, metrics address, control socket. */
final class AgentReader {
    static final List<String> KEYS = List.of("interval", "retention", "metrics", "socket");
    /** A port of r58ctl's own: beside node_exporter's 9100, free in Prometheus's list of default ports. */
    static final int DEFAULT_METRICS_PORT = 9258;
    private static final Pattern HOST_PORT = Pattern.compile("(\\[[0-9A-Fa-f:.]+\\]|[A-Za-z0-9_.-]*):(\\d{1,5})");

    private AgentReader() {
    }

    static Config.AgentSettings read(YamlNode node, Function<String, Path> expand, Path stateDir, boolean root) {
        Map<String, YamlNode> m = node == null ? Map.of() : node.mapOf(KEYS);
        Duration interval = m.containsKey("interval") ? StabilityReader.duration(m.get("interval")) : Duration.ofSeconds(1);
        if (interval.toMillis() < 250 || interval.toMillis() > 60_000) {
            throw m.get("interval").error("expected an interval between 250ms and 60s, got " + interval.toMillis() + " ms");
        }
        Duration retention = m.containsKey("retention") ? StabilityReader.duration(m.get("retention"))
                : Duration.ofHours(48);
        if (retention.toMinutes() < 10 || retention.toDays() > 31) {
            throw m.get("retention").error("expected a retention between 10m and 744h, got " + retention.toMinutes()
                    + " minutes");
        }
        String host = "127.0.0.1";
        int port = DEFAULT_METRICS_PORT;
        if (m.containsKey("metrics")) {
            YamlNode n = m.get("metrics");
            String text = n.isNull() ? "off" : n.string("HOST:PORT or off").trim();
            if (text.equals("off") || text.equals("false")) {
                host = null;
                port = 0;
            } else {
                Matcher hp = HOST_PORT.matcher(text);
                if (!hp.matches() || Integer.parseInt(hp.group(2)) > 65_535) {
                    throw n.error("expected HOST:PORT (e.g. 127.0.0.1:" + DEFAULT_METRICS_PORT + ") or off, got "
                            + YamlNode.quote(text));
                }
                host = hp.group(1).isEmpty() ? "0.0.0.0" : hp.group(1).replace("[", "").replace("]", "");
                port = Integer.parseInt(hp.group(2));
            }
        }
        Path socket;
        if (m.containsKey("socket") && !m.get("socket").isNull()) {
            socket = ConfigLoader.absolute(expand, m.get("socket"));
        } else {
            socket = root ? Path.of("/run/r58ctl/agent.sock") : stateDir.resolve("agent.sock");
        }
        return new Config.AgentSettings(interval, retention, host, port, socket);
    }
}
