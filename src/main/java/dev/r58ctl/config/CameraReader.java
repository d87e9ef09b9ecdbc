package dev.r58ctl.config;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Validates one camera from the keys gathered for it (from the recorder's file, r58ctl's own file, or
 * both), so that each error names the file and line the offending value came from.
 */
final class CameraReader {
    /** The recorder's own keys. */
    static final List<String> RECORDER_KEYS = List.of(
            "device", "resolution", "bitrate", "codec", "output_path", "mediamtx_enabled", "mediamtx_path",
            "enabled");
    /** Keys r58ctl adds. */
    static final List<String> OWN_KEYS = List.of(
            "framerate", "encoder", "transport", "source", "format", "rtp_port");
    static final List<String> ALL_KEYS = concat(RECORDER_KEYS, OWN_KEYS);

    static final Pattern CAMERA_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,15}");
    private static final Pattern DEVICE = Pattern.compile("/[A-Za-z0-9_./+-]+");
    private static final Pattern RESOLUTION = Pattern.compile("(\\d{1,5})x(\\d{1,5})");
    private static final Pattern PIXEL_FORMAT = Pattern.compile("[A-Z0-9_]{2,16}");
    private static final Pattern MEDIAMTX_PATH = Pattern.compile("[A-Za-z0-9_.~-][A-Za-z0-9_./~-]*");
    /** The hdmirx node delivers NV16 and needs mmap I/O; the rkcif bridges deliver NV12. */
    static final String HDMIRX_DEVICE = "/dev/video60";

    private final Platform platform;
    private final Map<Platform, Map<Codec, String>> codecs;
    private final Map<Integer, String> rtpPortsUsed = new HashMap<>();

    CameraReader(Platform platform, Map<Platform, Map<Codec, String>> codecs) {
        this.platform = platform;
        this.codecs = codecs;
    }

    Camera read(YamlNode cameraNode, Map<String, YamlNode> keys, int index) {
        String id = cameraNode.path().substring(cameraNode.path().lastIndexOf('.') + 1);
        if (!CAMERA_ID.matcher(id).matches()) {
            throw cameraNode.error("camera id must be 1-16 letters, digits, _ or -, starting with a letter or digit");
        }
        SourceKind source = enumValue(keys.get("source"), SourceKind.class,
                platform == Platform.R58 ? SourceKind.V4L2 : SourceKind.TEST);

        String device = null;
        YamlNode deviceNode = keys.get("device");
        if (deviceNode != null && !deviceNode.isNull()) {
            device = deviceNode.string("a device path such as /dev/video0");
            if (!DEVICE.matcher(device).matches() || device.contains("/../")) {
                throw deviceNode.error("expected a device path such as /dev/video0, got " + YamlNode.quote(device));
            }
        } else if (source == SourceKind.V4L2) {
            throw cameraNode.error("device: required for a v4l2 source (e.g. /dev/video0)");
        }

        int width = 1920;
        int height = 1080;
        YamlNode res = keys.get("resolution");
        if (res != null) {
            String text = res.string("WIDTHxHEIGHT such as 1920x1080");
            var m = RESOLUTION.matcher(text.trim());
            if (!m.matches()) {
                throw res.error("expected WIDTHxHEIGHT such as 1920x1080, got " + YamlNode.quote(text));
            }
            width = Integer.parseInt(m.group(1));
            height = Integer.parseInt(m.group(2));
            if (width < 16 || height < 16 || width > 7680 || height > 4320 || width % 2 != 0 || height % 2 != 0) {
                throw res.error("expected even sizes from 16x16 to 7680x4320, got " + text);
            }
        }

        int framerate = keys.containsKey("framerate")
                ? keys.get("framerate").integer("frames per second as a whole number", 1, 120) : 30;
        int bitrate = keys.containsKey("bitrate")
                ? keys.get("bitrate").integer("kbit/s as a whole number", 64, 400_000) : 18_000;

        Codec codec = enumValue(keys.get("codec"), Codec.class, Codec.H264);
        String encoder = codecs.get(platform).get(codec);
        YamlNode encoderNode = keys.get("encoder");
        if (encoderNode != null) {
            encoder = encoderNode.string("an encoder element");
            KnownEncoder known = KnownEncoder.of(encoder).orElseThrow(() -> encoderNode.error(
                    "unknown encoder " + YamlNode.quote(encoderNode.string("")) + "; expected one of "
                            + KnownEncoder.names()));
            if (known.codec() != codec) {
                throw encoderNode.error(encoder + " encodes " + known.codec().key() + " but the camera's codec is "
                        + codec.key());
            }
        }

        boolean streams = !keys.containsKey("mediamtx_enabled") || keys.get("mediamtx_enabled").bool();
        Transport transport = streams ? (codec == Codec.H265 ? Transport.RTSP : Transport.RTMP) : Transport.NONE;
        YamlNode transportNode = keys.get("transport");
        if (transportNode != null) {
            transport = enumValue(transportNode, Transport.class, transport);
        }
        if (transport == Transport.RTMP && codec == Codec.H265) {
            YamlNode at = transportNode != null ? transportNode : keys.getOrDefault("codec", cameraNode);
            throw at.error("H.265 cannot go over rtmp: FLV carries H.264 only; use transport: rtsp or rtp");
        }

        String format = HDMIRX_DEVICE.equals(device) ? "NV16" : "NV12";
        YamlNode formatNode = keys.get("format");
        if (formatNode != null) {
            format = formatNode.string("a raw pixel format such as NV12");
            if (!PIXEL_FORMAT.matcher(format).matches()) {
                throw formatNode.error("expected a raw pixel format such as NV12 or NV16, got " + YamlNode.quote(format));
            }
        }

        String outputPath = null;
        YamlNode outNode = keys.get("output_path");
        if (outNode != null && !outNode.isNull()) {
            outputPath = outNode.string("an absolute file path pattern");
            String problem = outputPathProblem(outputPath);
            if (problem != null) {
                throw outNode.error(problem + ", got " + YamlNode.quote(outputPath));
            }
        }

        String mediamtxPath = id;
        YamlNode pathNode = keys.get("mediamtx_path");
        if (pathNode != null && !pathNode.isNull()) {
            mediamtxPath = pathNode.string("a MediaMTX path name");
            if (!MEDIAMTX_PATH.matcher(mediamtxPath).matches() || mediamtxPath.contains("..")) {
                throw pathNode.error("expected a MediaMTX path name (letters, digits, _ . ~ - /), got "
                        + YamlNode.quote(mediamtxPath));
            }
        }

        boolean enabled = !keys.containsKey("enabled") || keys.get("enabled").bool();

        int rtpPort = 5000 + 2 * index;
        YamlNode portNode = keys.get("rtp_port");
        if (portNode != null) {
            rtpPort = portNode.integer("a UDP port", 1, 65534);
        }
        if (transport == Transport.RTP) {
            String other = rtpPortsUsed.putIfAbsent(rtpPort, id);
            if (other != null) {
                throw (portNode != null ? portNode : cameraNode).error(
                        "rtp_port " + rtpPort + " is already used by " + other);
            }
        }

        return new Camera(id, device, width, height, framerate, bitrate, codec, encoder, transport, source, format,
                outputPath, mediamtxPath, enabled, rtpPort, cameraNode.where());
    }

    static String outputPathProblem(String path) {
        if (!path.startsWith("/")) {
            return "expected an absolute path";
        }
        if (path.contains("/../") || path.endsWith("/..") || path.indexOf('\0') >= 0 || path.contains("\n")) {
            return "expected a plain absolute path without .. or control characters";
        }
        String lower = path.toLowerCase();
        if (!lower.endsWith(".mkv") && !lower.endsWith(".mp4") && !lower.endsWith(".mov")) {
            return "expected a file ending in .mkv (Matroska), .mp4 or .mov (QuickTime)";
        }
        String strf = Strftime.problem(path);
        return strf == null ? null : "strftime pattern: " + strf;
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
