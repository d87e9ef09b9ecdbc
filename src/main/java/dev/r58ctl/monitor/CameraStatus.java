package dev.r58ctl.monitor;

import java.util.Map;

/**
 * One camera as the recorder's status endpoint reports it. Fields r58ctl does not know are kept, so a newer
 * recorder loses nothing on the way to {@code --json}.
 *
 * @param id     the camera id, the key in the recorder's {@code cameras} object
 * @param status {@code recording}, {@code preview}, {@code idle} or whatever the recorder said; null when absent
 * @param extra  the camera's other fields, in the recorder's order
 */
public record CameraStatus(String id, String status, Map<String, Object> extra) {
}
