package dev.r58ctl.pipeline;

/**
 * A snapshot of one running camera pipeline.
 *
 * @param camera       camera id
 * @param state        runner state
 * @param uptimeMs     time since the pipeline reached PLAYING
 * @param framesIn     frames that left the source
 * @param framesOut    encoded frames that left the encoder
 * @param bytesOut     encoded bytes that left the encoder
 * @param fps          encoded frames per second over the last interval
 * @param bitrateKbps  encoder output in kbit/s over the last interval
 * @param dropped      buffers dropped for lateness, as reported by QoS messages
 * @param behind       frames the source is behind real time (expected from the framerate minus produced)
 * @param cpuPercent   CPU of the pipeline's threads over the last interval, in % of one core
 * @param lastError    the last error with the element that raised it, or null
 */
public record CameraStats(String camera, CameraRunner.State state, long uptimeMs, long framesIn, long framesOut,
                          long bytesOut, double fps, double bitrateKbps, long dropped, long behind,
                          double cpuPercent, String lastError) {
}
