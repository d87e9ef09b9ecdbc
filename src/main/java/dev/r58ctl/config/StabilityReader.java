package dev.r58ctl.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the {@code stability:} section: test defaults, the push test's path (never a camera's), known evidence and
 * the capacity ceiling. Every problem is one line naming the file, line and key.
 */
final class StabilityReader {
    static final List<String> KEYS = List.of("resolution", "framerate", "durations", "min_frames_percent",
            "kernel_trouble", "push_path", "push_transport", "push_rtp_port", "cpu_ceiling", "evidence",
            "pause_cameras");
    private static final List<String> EVIDENCE_KEYS = List.of(
            "encoder", "settings", "status", "cpu_per_stream", "date", "note", "kernel");
    static final List<String> STATUSES = List.of("stable", "unstable", "partial", "untested");
    private static final Pattern RESOLUTION = Pattern.compile("(\\d{1,5})x(\\d{1,5})");
    private static final Pattern DURATION = Pattern.compile("(\\d{1,9})(ms|s|m|h)?");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    /** MediaMTX path names: letters, digits, {@code _ . ~ -} and {@code /} between segments. */
    static final Pattern PATH = Pattern.compile("[A-Za-z0-9_.~-]+(/[A-Za-z0-9_.~-]+)*");

    private StabilityReader() {
    }

    static Config.StabilitySettings read(YamlNode node, Map<String, Map<String, Object>> encoders,
                                         List<Camera> cameras) {
        Map<String, YamlNode> m = node == null ? Map.of() : node.mapOf(KEYS);
        int width = 1920;
        int height = 1080;
        if (m.containsKey("resolution")) {
            YamlNode res = m.get("resolution");
            String text = res.string("WIDTHxHEIGHT such as 1920x1080");
            Matcher r = RESOLUTION.matcher(text.trim());
            if (!r.matches() || Integer.parseInt(r.group(1)) % 2 != 0 || Integer.parseInt(r.group(2)) % 2 != 0
                    || Integer.parseInt(r.group(1)) < 16 || Integer.parseInt(r.group(2)) < 16
                    || Integer.parseInt(r.group(1)) > 7680 || Integer.parseInt(r.group(2)) > 4320) {
                throw res.error("expected even WIDTHxHEIGHT from 16x16 to 7680x4320, got " + YamlNode.quote(text));
            }
            width = Integer.parseInt(r.group(1));
            height = Integer.parseInt(r.group(2));
        }
        int framerate = m.containsKey("framerate") ? m.get("framerate").integer("frames per second", 1, 120) : 30;
        Map<String, YamlNode> d = m.containsKey("durations")
                ? m.get("durations").mapOf(List.of("encode", "soak", "push")) : Map.of();
        Duration encode = d.containsKey("encode") ? duration(d.get("encode")) : Duration.ofSeconds(30);
        Duration soak = d.containsKey("soak") ? duration(d.get("soak")) : Duration.ofMinutes(5);
        Duration push = d.containsKey("push") ? duration(d.get("push")) : Duration.ofSeconds(10);
        int minFrames = m.containsKey("min_frames_percent")
                ? m.get("min_frames_percent").integer("a percentage", 1, 100) : 95;
        String trouble = "warning";
        if (m.containsKey("kernel_trouble")) {
            trouble = m.get("kernel_trouble").string("warning, error or critical").trim().toLowerCase();
            if (!List.of("warning", "error", "critical").contains(trouble)) {
                throw m.get("kernel_trouble").error("expected warning, error or critical, got "
                        + YamlNode.quote(trouble));
            }
        }
        String pushPath = "r58ctl_test";
        if (m.containsKey("push_path")) {
            YamlNode p = m.get("push_path");
            pushPath = p.string("a MediaMTX path name").trim();
            if (!PATH.matcher(pushPath).matches() || pushPath.contains("..")) {
                throw p.error("expected a MediaMTX path name (letters, digits, _ . ~ - and /), got "
                        + YamlNode.quote(pushPath));
            }
        }
        for (Camera c : cameras) {
            if (c.mediamtxPath().equals(pushPath)) {
                YamlNode at = m.containsKey("push_path") ? m.get("push_path") : node;
                String message = "push_path " + pushPath + " is camera " + c.id()
                        + "'s live path; the push test must publish elsewhere";
                throw at == null ? dev.r58ctl.R58Exception.badInput("stability.push_path: " + message)
                        : at.error(message);
            }
        }
        Transport transport = CameraReader.enumValue(m.get("push_transport"), Transport.class, Transport.RTSP);
        if (transport != Transport.RTSP && transport != Transport.RTP) {
            throw m.get("push_transport").error("expected rtsp or rtp, got " + transport.key());
        }
        int rtpPort = m.containsKey("push_rtp_port") ? m.get("push_rtp_port").integer("a UDP port", 1, 65534) : 5010;
        for (Camera c : cameras) {
            // a push to a camera's port would mix into its live stream at MediaMTX
            if (transport == Transport.RTP && c.transport() == Transport.RTP && c.rtpPort() == rtpPort) {
                YamlNode at = m.getOrDefault("push_rtp_port", node);
                String message = "push_rtp_port " + rtpPort + " is camera " + c.id() + "'s RTP port";
                throw at == null ? dev.r58ctl.R58Exception.badInput("stability.push_rtp_port: " + message)
                        : at.error(message);
            }
        }
        int ceiling = m.containsKey("cpu_ceiling") ? m.get("cpu_ceiling").integer("% of all cores", 1, 100) : 80;
        List<Config.Evidence> evidence = new ArrayList<>();
        if (m.containsKey("evidence")) {
            for (YamlNode e : m.get("evidence").list()) {
                evidence.add(evidence(e, encoders));
            }
        }
        boolean pause = m.containsKey("pause_cameras") && m.get("pause_cameras").bool();
        return new Config.StabilitySettings(width, height, framerate, encode, soak, push, minFrames, trouble,
                pushPath, transport, rtpPort, ceiling, List.copyOf(evidence), pause);
    }

    private static Config.Evidence evidence(YamlNode node, Map<String, Map<String, Object>> encoders) {
        Map<String, YamlNode> f = node.mapOf(EVIDENCE_KEYS);
        for (String required : List.of("encoder", "status")) {
            if (!f.containsKey(required)) {
                throw node.error(required + ": required (evidence has encoder, status, and optional settings, "
                        + "cpu_per_stream, date, note, kernel)");
            }
        }
        YamlNode enc = f.get("encoder");
        KnownEncoder known = KnownEncoder.of(enc.string("an encoder element").trim()).orElseThrow(() -> enc.error(
                "unknown encoder " + YamlNode.quote(enc.string("")) + "; expected one of " + KnownEncoder.names()));
        Map<String, Object> settings = encoders.getOrDefault(known.element(), Map.of());
        YamlNode s = f.get("settings");
        if (s != null && !s.isMap() && !s.isNull() && s.string("a mapping or unknown").trim().equals("unknown")) {
            settings = null;
        } else if (s != null) {
            if (!s.isMap()) {
                throw s.error("expected a mapping of properties, or unknown, got " + s.describe());
            }
            Map<String, Object> props = new LinkedHashMap<>();
            for (Map.Entry<String, YamlNode> p : s.map().entrySet()) {
                String problem = EncoderSettings.propertyProblem(known, p.getKey());
                Object value = p.getValue().plainValue();
                problem = problem != null ? problem : EncoderSettings.valueProblem(value);
                if (problem != null) {
                    throw p.getValue().error(problem);
                }
                props.put(p.getKey(), value);
            }
            settings = Collections.unmodifiableMap(props);
        }
        String status = f.get("status").string("one of " + String.join(", ", STATUSES)).trim().toLowerCase();
        if (!STATUSES.contains(status)) {
            throw f.get("status").error("expected one of " + String.join(", ", STATUSES) + ", got "
                    + YamlNode.quote(status));
        }
        Double cpu = null;
        if (f.containsKey("cpu_per_stream") && !f.get("cpu_per_stream").isNull()) {
            Object v = f.get("cpu_per_stream").plainValue();
            if (!(v instanceof Number n) || n.doubleValue() <= 0 || n.doubleValue() > 100) {
                throw f.get("cpu_per_stream").error("expected % of all cores above 0 and at most 100, got " + v);
            }
            cpu = n.doubleValue();
        }
        String date = null;
        if (f.containsKey("date")) {
            date = f.get("date").string("a date YYYY-MM-DD").trim();
            if (!DATE.matcher(date).matches()) {
                throw f.get("date").error("expected a date YYYY-MM-DD, got " + YamlNode.quote(date));
            }
        }
        String note = f.containsKey("note") ? f.get("note").string("a description") : null;
        List<String> kernel = new ArrayList<>();
        if (f.containsKey("kernel")) {
            for (YamlNode line : f.get("kernel").list()) {
                kernel.add(line.string("a kernel log line"));
            }
        }
        return new Config.Evidence(known.element(), settings, status, cpu, date, note, List.copyOf(kernel),
                node.where());
    }

    /** {@code 500ms}, {@code 30s}, {@code 5m}, {@code 1h}, or plain seconds. */
    static Duration duration(YamlNode node) {
        String text = node.string("a duration such as 30s or 5m").trim();
        Matcher m = DURATION.matcher(text);
        if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
            throw node.error("expected a duration such as 30s, 5m or 1h, got " + YamlNode.quote(text));
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        return switch (unit) {
            case "ms" -> Duration.ofMillis(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofSeconds(n);
        };
    }
}
