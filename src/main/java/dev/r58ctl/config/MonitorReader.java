package dev.r58ctl.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Reads the {@code monitor:} section: sampling interval, history, watched processes, thermal and VPU files. */
final class MonitorReader {
    private MonitorReader() {
    }

    static Config.MonitorSettings read(YamlNode node, Function<String, Path> expand) {
        Map<String, YamlNode> m = node == null ? Map.of() : node.mapOf(List.of("interval_ms", "history",
                "recorder_process", "mediamtx_process", "thermal_dir", "vpu_load", "http_timeout_ms", "stream_poll_ms"));
        int interval = m.containsKey("interval_ms") ? m.get("interval_ms").integer("milliseconds", 250, 60_000) : 1000;
        int history = m.containsKey("history") ? m.get("history").integer("a number of samples", 60, 86_400) : 900;
        String recorderProcess = m.containsKey("recorder_process") && !m.get("recorder_process").isNull()
                ? m.get("recorder_process").string("a process name") : null;
        String mediamtxProcess = m.containsKey("mediamtx_process")
                ? m.get("mediamtx_process").string("a process name") : "mediamtx";
        Path thermal = m.containsKey("thermal_dir") ? ConfigLoader.absolute(expand, m.get("thermal_dir")) : Path.of("/sys/class/thermal");
        Path vpu = m.containsKey("vpu_load") ? ConfigLoader.absolute(expand, m.get("vpu_load")) : Path.of("/proc/mpp_service/load");
        int timeout = m.containsKey("http_timeout_ms")
                ? m.get("http_timeout_ms").integer("milliseconds", 100, 60_000) : 2000;
        int poll = m.containsKey("stream_poll_ms")
                ? m.get("stream_poll_ms").integer("milliseconds", 500, 600_000) : 5000;
        return new Config.MonitorSettings(interval, history, recorderProcess, mediamtxProcess, thermal, vpu, timeout,
                poll);
    }
}
