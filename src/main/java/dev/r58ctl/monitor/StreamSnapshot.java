package dev.r58ctl.monitor;

/**
 * Everything the stream-status poller knows at one moment: recorder health, per-camera recorder status and
 * MediaMTX paths, each with the time of its latest attempt and success.
 *
 * @param health   {@code GET health_url}
 * @param recorder {@code GET status_url}
 * @param mediamtx {@code GET {api_url}/v3/paths/list}
 * @param polling  a round was under way when this was taken; the results are those of earlier answers
 * @param rounds   rounds completed so far
 */
public record StreamSnapshot(LatestAnswer<HealthStatus> health, LatestAnswer<RecorderStatus> recorder,
                             LatestAnswer<MediamtxStatus> mediamtx, boolean polling, long rounds) {
}
