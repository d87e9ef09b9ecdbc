package dev.r58ctl.stability;

import java.util.Map;

/**
 * Exactly what a test runs, resolved from the options and configuration before anything starts.
 *
 * @param test        which test
 * @param encoder     the encoder element
 * @param settings    its settings (the {@code encoders:} entry with {@code --set} on top): the matrix key's part
 * @param key         the normalised matrix key, encoder plus settings
 * @param properties  every property the element gets, bitrate and keyframe interval included
 * @param camera      the camera whose bitrate was taken, or null when {@code --bitrate} gave it
 * @param bitrateKbps the bitrate in kbit/s
 * @param width       test source width
 * @param height      test source height
 * @param framerate   test source frames per second
 * @param durationMs  how long the pipeline runs
 * @param description the exact pipeline description that runs
 * @param output      the file written, or the URL (or host:port) published to
 * @param readUrl     where a push is read back; null for other tests
 * @param path        the MediaMTX path of a push; null for other tests
 */
public record TestPlan(TestKind test, String encoder, Map<String, Object> settings, String key,
                       Map<String, Object> properties, String camera, int bitrateKbps, int width, int height,
                       int framerate, long durationMs, String description, String output, String readUrl,
                       String path) {

    /** Frames the duration implies at the framerate. */
    public long framesExpected() {
        return durationMs * framerate / 1000;
    }

    public String resolution() {
        return width + "x" + height;
    }
}
