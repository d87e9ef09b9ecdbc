package dev.r58ctl.monitor;

import java.util.List;

/**
 * MediaMTX's answer to {@code GET {api_url}/v3/paths/list}: every path it has, with per-path bitrate measured
 * between polls.
 *
 * @param url        the URL asked
 * @param reachable  a response came back within the timeout
 * @param ok         a 2xx whose body held an {@code items} list
 * @param statusCode the HTTP status, or null when unreachable
 * @param latencyMs  from sending to the answer, or to the failure
 * @param paths      the paths in MediaMTX's order; empty when not ok
 * @param reason     why not ok, one line; null when ok
 */
public record MediamtxStatus(String url, boolean reachable, boolean ok, Integer statusCode, long latencyMs,
                             List<PathStatus> paths, String reason) implements SourceAnswer {

    /** What a source reports before its first answer or when it gave none. */
    public static MediamtxStatus unreachable(String url, long latencyMs, String reason) {
        return new MediamtxStatus(url, false, false, null, latencyMs, List.of(), reason);
    }
}
