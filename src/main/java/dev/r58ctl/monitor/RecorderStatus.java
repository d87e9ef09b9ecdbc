package dev.r58ctl.monitor;

import java.util.Map;

/**
 * The recorder's answer to {@code GET status_url}: {@code {"cameras": {"cam1": {"status": "recording", ...}}}}.
 * An answer without a {@code cameras} object is reachable but not ok, with the reason.
 *
 * @param url        the URL asked
 * @param reachable  a response came back within the timeout
 * @param ok         a 2xx whose body held a {@code cameras} object
 * @param statusCode the HTTP status, or null when unreachable
 * @param latencyMs  from sending to the answer, or to the failure
 * @param cameras    per camera id, in the recorder's order; empty when not ok
 * @param reason     why not ok, one line; null when ok
 */
public record RecorderStatus(String url, boolean reachable, boolean ok, Integer statusCode, long latencyMs,
                             Map<String, CameraStatus> cameras, String reason) implements SourceAnswer {

    /** What a source reports before its first answer or when it gave none. */
    public static RecorderStatus unreachable(String url, long latencyMs, String reason) {
        return new RecorderStatus(url, false, false, null, latencyMs, Map.of(), reason);
    }
}
