package dev.r58ctl.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Reads one camera from the keys gathered for it (from the recorder's file, r58ctl's own file, or both), so that
 * each problem names the file and line the offending value came from. In r58ctl's own file a problem is an error;
 * in the recorder's file it becomes a note on that camera, the value falls back to its default, and the camera is
 * shown but gets no pipeline.
 */
final class CameraReader {
    /** The recorder's own keys; {@code recording_bitrate} replaced {@code bitrate} in January 2026. */
    static final List<String> RECORDER_KEYS = List.of(
            "device", "resolution", "bitrate", "recording_bitrate", "codec", "output_path", "mediamtx_enabled",
            "mediamtx_path", "enabled");
    /** Keys r58ctl adds. */
    static final List<String> OWN_KEYS = List.of(
            "framerate", "encoder", "transport", "source", "format", "rtp_port");
    static final List<String> ALL_KEYS = concat(RECORDER_KEYS, OWN_KEYS);
    /** The containers r58ctl can record, by file name extension. */
    static final List<String> CONTAINERS = List.of("mkv", "mp4", "mov");

    static final Pattern CAMERA_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,15}");
    private static final Pattern DEVICE = Pattern.compile("/[A-Za-z0-9_./+-]+");
    private static final Pattern RESOLUTION = Pattern.compile("(\\d{1,5})x(\\d{1,5})");
    private static final Pattern PIXEL_FORMAT = Pattern.compile("[A-Z0-9_]{2,16}");
    private static final Pattern MEDIAMTX_PATH = Pattern.compile("[A-Za-z0-9_.~-][A-Za-z0-9_./~-]*");
    /** The hdmirx node delivers NV16 and needs mmap I/O; the rkcif bridges deliver NV12. */
    static final String HDMIRX_DEVICE = "/dev/video60";

    /** What a problem costs. */
    enum Mode {
        /** r58ctl's own file: the first problem is thrown. */
        STRICT,
        /** The recorder's file: problems become notes on the camera, values fall back to defaults. */
        LENIENT,
        /** r58ctl's entry for a camera of the recorder's file, checked alone: values only, no cross-checks. */
        VALUES_ONLY
    }

    private final Platform platform;
    private final Map<Platform, Map<Codec, String>> codecs;
    private final Map<Integer, String> rtpPortsUsed = new HashMap<>();

    CameraReader(Platform platform, Map<Platform, Map<Codec, String>> codecs) {
        this.platform = platform;
        this.codecs = codecs;
    }

    Camera read(YamlNode cameraNode, Map<String, YamlNode> keys, int index, Mode mode) {
        return read(cameraNode, keys, index, mode, List.of());
    }

    /** Leniently, {@code found} are problems already found with this camera's entry (a repeated key). */
    Camera read(YamlNode cameraNode, Map<String, YamlNode> keys, int index, Mode mode, List<ConfigProblem> found) {
        One one = new One(cameraNode, keys, mode);
        one.problems.addAll(found);
        return one.read(index);
    }

    /** One camera being read: its keys, its mode and the problems found so far. */
    private final class One {
        private final YamlNode cameraNode;
        private final Map<String, YamlNode> keys;
        private final Mode mode;
        private final List<ConfigProblem> problems = new ArrayList<>();

        One(YamlNode cameraNode, Map<String, YamlNode> keys, Mode mode) {
            this.cameraNode = cameraNode;
            this.keys = keys;
            this.mode = mode;
        }

        /** A problem: thrown in r58ctl's own file, kept as a note otherwise. */
        private void problem(ConfigError e) {
            if (mode == Mode.LENIENT) {
                problems.add(e.problem());
            } else {
                throw e;
            }
        }

        /** A problem found by combining keys (codec and transport...): not checked for an entry read alone. */
        private void conflict(YamlNode at, String message) {
            if (mode != Mode.VALUES_ONLY) {
                problem(at.error(message));
            }
        }

        /** The key's value read by {@code parse}, or {@code fallback} when absent or (leniently) unusable. */
        private <T> T value(String key, Function<YamlNode, T> parse, T fallback) {
            YamlNode node = keys.get(key);
            if (node == null) {
                return fallback;
            }
            try {
                return parse.apply(node);
            } catch (ConfigError e) {
                problem(e);
                return fallback;
            }
        }

        Camera read(int index) {
            String id = cameraNode.path().substring(cameraNode.path().lastIndexOf('.') + 1);
            if (!CAMERA_ID.matcher(id).matches()) {
                problem(cameraNode.error("camera id must be 1-16 letters, digits, _ or -, starting with a letter or "
                        + "digit"));
            }
            SourceKind defaultSource = platform == Platform.R58 ? SourceKind.V4L2 : SourceKind.TEST;
            SourceKind source = value("source", n -> enumValue(n, SourceKind.class, defaultSource), defaultSource);

            String device = value("device", CameraReader::device, null);
            boolean deviceGiven = keys.containsKey("device") && !keys.get("device").isNull();
            if (device == null && !deviceGiven && source == SourceKind.V4L2) {
                conflict(cameraNode, "device: required for a v4l2 source (e.g. /dev/video0)");
            }
            int[] size = value("resolution", CameraReader::resolution, new int[] {1920, 1080});
            int framerate = value("framerate", n -> n.integer("frames per second as a whole number", 1, 120), 30);
            // the recorder's recording_bitrate (January 2026) wins over its older bitrate
            String bitrateKey = keys.containsKey("recording_bitrate") ? "recording_bitrate" : "bitrate";
            int bitrate = value(bitrateKey, n -> n.integer("kbit/s as a whole number", 64, 400_000), 18_000);

            Codec codec = value("codec", n -> enumValue(n, Codec.class, Codec.H264), Codec.H264);
            String encoder = value("encoder", CameraReader::encoder, codecs.get(platform).get(codec));
            KnownEncoder known = KnownEncoder.of(encoder).orElse(null);
            if (known != null && known.codec() != codec) {
                conflict(keys.getOrDefault("encoder", cameraNode), encoder + " encodes " + known.codec().key()
                        + " but the camera's codec is " + codec.key());
            }

            boolean streams = value("mediamtx_enabled", YamlNode::bool, true);
            Transport defaultTransport = streams ? (codec == Codec.H265 ? Transport.RTSP : Transport.RTMP)
                    : Transport.NONE;
            Transport transport = value("transport", n -> enumValue(n, Transport.class, defaultTransport),
                    defaultTransport);
            if (transport == Transport.RTMP && codec == Codec.H265) {
                YamlNode at = keys.containsKey("transport") ? keys.get("transport")
                        : keys.getOrDefault("codec", cameraNode);
                conflict(at, "H.265 cannot go over rtmp: FLV carries H.264 only; use transport: rtsp or rtp");
            }

            String format = value("format", CameraReader::pixelFormat, HDMIRX_DEVICE.equals(device) ? "NV16" : "NV12");
            String outputPath = value("output_path", CameraReader::outputPath, null);
            String mediamtxPath = value("mediamtx_path", CameraReader::mediamtxPath, null);
            boolean enabled = value("enabled", YamlNode::bool, true);

            int rtpPort = value("rtp_port", n -> n.integer("a UDP port", 1, 65534), 5000 + 2 * index);
            if (transport == Transport.RTP && mode != Mode.VALUES_ONLY) {
                String other = rtpPortsUsed.putIfAbsent(rtpPort, id);
                if (other != null) {
                    conflict(keys.getOrDefault("rtp_port", cameraNode),
                            "rtp_port " + rtpPort + " is already used by " + other);
                }
            }
            return new Camera(id, device, size[0], size[1], framerate, bitrate, codec, encoder, transport, source,
                    format, outputPath, mediamtxPath == null ? id : mediamtxPath, enabled, rtpPort, cameraNode.where(),
                    problems);
        }
    }

    private static String device(YamlNode node) {
        if (node.isNull()) {
            return null;
        }
        String device = node.string("a device path such as /dev/video0");
        if (!DEVICE.matcher(device).matches() || device.contains("/../")) {
            throw node.error("expected a device path such as /dev/video0, got " + YamlNode.quote(device));
        }
        return device;
    }

    private static int[] resolution(YamlNode node) {
        String text = node.string("WIDTHxHEIGHT such as 1920x1080");
        var m = RESOLUTION.matcher(text.trim());
        if (!m.matches()) {
            throw node.error("expected WIDTHxHEIGHT such as 1920x1080, got " + YamlNode.quote(text));
        }
        int width = Integer.parseInt(m.group(1));
        int height = Integer.parseInt(m.group(2));
        if (width < 16 || height < 16 || width > 7680 || height > 4320 || width % 2 != 0 || height % 2 != 0) {
            throw node.error("expected even sizes from 16x16 to 7680x4320, got " + text);
        }
        return new int[] {width, height};
    }

    private static String encoder(YamlNode node) {
        String encoder = node.string("an encoder element");
        if (KnownEncoder.of(encoder).isEmpty()) {
            throw node.error("unknown encoder " + YamlNode.quote(encoder) + "; expected one of " + KnownEncoder.names());
        }
        return encoder;
    }

    private static String pixelFormat(YamlNode node) {
        String format = node.string("a raw pixel format such as NV12");
        if (!PIXEL_FORMAT.matcher(format).matches()) {
            throw node.error("expected a raw pixel format such as NV12 or NV16, got " + YamlNode.quote(format));
        }
        return format;
    }

    private static String outputPath(YamlNode node) {
        if (node.isNull()) {
            return null;
        }
        String path = node.string("an absolute file path pattern");
        String problem = outputPathProblem(path);
        if (problem != null) {
            throw node.error(problem);
        }
        return path;
    }

    private static String mediamtxPath(YamlNode node) {
        if (node.isNull()) {
            return null;
        }
        String path = node.string("a MediaMTX path name");
        if (!MEDIAMTX_PATH.matcher(path).matches() || path.contains("..")) {
            throw node.error("expected a MediaMTX path name (letters, digits, _ . ~ - /), got " + YamlNode.quote(path));
        }
        return path;
    }

    /** Null when the file name ends in a container r58ctl records, else what is wrong, naming the extension. */
    static String containerProblem(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(java.util.Locale.ROOT);
        if (CONTAINERS.contains(ext)) {
            return null;
        }
        return (ext.isEmpty() ? "a file name without a container extension" : "container ." + ext)
                + " is not one r58ctl can record (.mkv, .mp4, .mov)";
    }

    /** Null when {@code path} is a recording file pattern r58ctl can use, else one line saying why not. */
    static String outputPathProblem(String path) {
        if (!path.startsWith("/")) {
            return "expected an absolute path, got " + YamlNode.quote(path);
        }
        if (path.contains("/../") || path.endsWith("/..") || path.indexOf('\0') >= 0 || path.contains("\n")) {
            return "expected a plain absolute path without .. or control characters, got " + YamlNode.quote(path);
        }
        String container = containerProblem(path);
        if (container != null) {
            return container;
        }
        String strf = Strftime.problem(path);
        return strf == null ? null : "strftime pattern: " + strf + ", got " + YamlNode.quote(path);
    }

    static <E extends Enum<E>> E enumValue(YamlNode node, Class<E> type, E fallback) {
        if (node == null) {
            return fallback;
        }
        E[] constants = type.getEnumConstants();
        List<String> names = java.util.Arrays.stream(constants).map(c -> c.name().toLowerCase()).toList();
        String text = node.string("one of " + String.join(", ", names));
        for (E c : constants) {
            if (c.name().equalsIgnoreCase(text.trim())) {
                return c;
            }
        }
        throw node.error("expected one of " + String.join(", ", names) + ", got " + YamlNode.quote(text));
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
