package dev.r58ctl.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The text format's corners, read back by promtool: escaping, NaN and infinities, repeats, empty families. */
class ExpositionTest {
    @Test
    void labelValuesAreEscapedAndOddNumbersWrittenAsPrometheusReadsThem() {
        Exposition e = new Exposition();
        e.family("r58ctl_camera_fps", "gauge", "Frames per second.\nA second line with a \\ in it.")
                .sample(Double.NaN, "camera", "cam \"north\"", "encoder", "x264enc")
                .sample(Double.POSITIVE_INFINITY, "camera", "C:\\cams\\0", "encoder", "x264enc")
                .sample(Double.NEGATIVE_INFINITY, "camera", "two\nlines", "encoder", "x264enc")
                .sample(29.97, "camera", "cam0", "encoder", "x264enc")
                .sample(1, "camera", "cam0", "encoder", "x264enc") // the same series again: the first one stays
                .sample(0.5, "camera", "cam9", "encoder", null); // a null label is left out
        e.family("r58ctl_temperature_celsius", "gauge", "Temperatures.");
        e.family("r58ctl_last_sample_timestamp_seconds", "gauge", "When.").sample(1_765_000_000.25);
        String text = e.text();
        assertEquals("""
                # HELP r58ctl_camera_fps Frames per second.\\nA second line with a \\\\ in it.
                # TYPE r58ctl_camera_fps gauge
                r58ctl_camera_fps{camera="cam \\"north\\"",encoder="x264enc"} NaN
                r58ctl_camera_fps{camera="C:\\\\cams\\\\0",encoder="x264enc"} +Inf
                r58ctl_camera_fps{camera="two\\nlines",encoder="x264enc"} -Inf
                r58ctl_camera_fps{camera="cam0",encoder="x264enc"} 29.97
                r58ctl_camera_fps{camera="cam9"} 0.5
                # HELP r58ctl_last_sample_timestamp_seconds When.
                # TYPE r58ctl_last_sample_timestamp_seconds gauge
                r58ctl_last_sample_timestamp_seconds 1765000000.25
                """, text, "a family with no series (temperatures) writes nothing");
        PrometheusTools.Run check = PrometheusTools.promtool(text, "check", "metrics");
        assertEquals("", check.output(), text);
        assertEquals(0, check.exit());
    }

    @Test
    void aFamilyWrittenTwiceIsAProgrammingError() {
        Exposition e = new Exposition();
        e.family("r58ctl_camera_up", "gauge", "Up.").sample(1, "camera", "cam0");
        assertThrows(IllegalStateException.class, () -> e.family("r58ctl_camera_up", "gauge", "Up."));
        assertThrows(IllegalStateException.class, () -> new Exposition().sample(1));
    }
}
