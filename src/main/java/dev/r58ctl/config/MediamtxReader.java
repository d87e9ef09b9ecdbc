package dev.r58ctl.config;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Reads the {@code mediamtx:} section: where the cameras publish and where r58ctl reads them back. */
final class MediamtxReader {
    static final List<String> KEYS = List.of("host", "rtsp_port", "rtmp_port", "api_url", "read_url");
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.:\\[\\]-]{1,253}");
    private static final Pattern READ_URL =
            Pattern.compile("(rtsp|rtmp)://[^\\s\"'`]*\\{path}[^\\s\"'`]*|udp://\\d{1,5}");

    private MediamtxReader() {
    }

    static Config.MediamtxSettings read(YamlNode node) {
        Map<String, YamlNode> m = node == null ? Map.of() : node.mapOf(KEYS);
        String host = m.containsKey("host") ? ConfigLoader.matching(m.get("host"), HOST, "a host name or address") : "127.0.0.1";
        int rtsp = m.containsKey("rtsp_port") ? m.get("rtsp_port").integer("a TCP port", 1, 65535) : 8554;
        int rtmp = m.containsKey("rtmp_port") ? m.get("rtmp_port").integer("a TCP port", 1, 65535) : 1935;
        String api = m.containsKey("api_url") ? ConfigLoader.matching(m.get("api_url"), ConfigLoader.URL, "an http:// URL")
                : "http://127.0.0.1:9997";
        // MediaMTX serves a path where it is published; a test server may serve it elsewhere
        String read = m.containsKey("read_url") && !m.get("read_url").isNull()
                ? ConfigLoader.matching(m.get("read_url"), READ_URL, "an rtsp:// or rtmp:// URL with {path}, or udp://PORT")
                : "rtsp://" + host + ":" + rtsp + "/{path}";
        return new Config.MediamtxSettings(host, rtsp, rtmp, api, read);
    }

}
