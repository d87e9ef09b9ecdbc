package dev.r58ctl.engine;

import dev.r58ctl.config.Camera;
import dev.r58ctl.pipeline.CameraStats;

/**
 * One row of the cameras table: what is configured, who runs it, and how it is doing.
 *
 * @param id        camera id
 * @param device    device node, or "test pattern"
 * @param encoder   encoder element with its key settings
 * @param transport none, rtsp, rtmp or rtp
 * @param runBy     "r58ctl" when this process runs its pipeline, "recorder" when the recorder service reports it,
 *                  or "-" when nobody does
 * @param state     what the runner or the recorder says (RUNNING, STOPPED, FAILED, recording, idle, no signal...)
 * @param stats     live figures when r58ctl runs it, else null
 * @param lastError the last error, or null
 */
public record CameraView(String id, String device, String encoder, String transport, String runBy, String state,
                         CameraStats stats, String lastError) {

    static String deviceOf(Camera c) {
        return c.source() == dev.r58ctl.config.SourceKind.TEST ? "test pattern" : c.device();
    }
}
