package dev.r58ctl.cli;

import dev.r58ctl.R58Exception;
import dev.r58ctl.config.Config;
import dev.r58ctl.stability.StabilityTest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Option;

/** The options every stability test takes, mapped onto {@link StabilityTest}. */
final class TestOptions {
    private static final Pattern RESOLUTION = Pattern.compile("(\\d{1,5})x(\\d{1,5})");

    @Option(names = "--encoder", paramLabel = "E",
            description = "Encoder element: x264enc, x265enc, mpph264enc, mpph265enc (default: the camera's).")
    String encoder;

    @Option(names = "--camera", paramLabel = "CAM",
            description = "Camera whose bitrate (and encoder) to use; the test always runs a test pattern.")
    String camera;

    @Option(names = "--duration", paramLabel = "D", converter = DurationConverter.class,
            description = "How long the pipeline runs (default: stability.durations in the configuration).")
    Duration duration;

    @Option(names = "--resolution", paramLabel = "WxH", description = "Test source size (default 1920x1080).")
    String resolution;

    @Option(names = "--framerate", paramLabel = "FPS", description = "Test source frames per second (default 30).")
    Integer framerate;

    @Option(names = "--bitrate", paramLabel = "KBPS", description = "Bitrate in kbit/s (default: the camera's).")
    Integer bitrate;

    @Option(names = "--set", paramLabel = "NAME=VALUE",
            description = "An encoder property on top of the configured settings (repeatable); part of the matrix key.")
    Map<String, String> set = new LinkedHashMap<>();

    @Option(names = "--json", description = "Print the result as one JSON document.")
    boolean json;

    /** A test configured from these options. */
    StabilityTest apply(Config config) {
        StabilityTest t = new StabilityTest(config).encoder(encoder).camera(camera);
        if (duration != null) {
            t.duration(duration);
        }
        if (resolution != null) {
            Matcher m = RESOLUTION.matcher(resolution.trim());
            if (!m.matches()) {
                throw R58Exception.badInput("--resolution: expected WIDTHxHEIGHT such as 1280x720, got \""
                        + resolution + "\"");
            }
            t.resolution(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        }
        if (framerate != null) {
            t.framerate(framerate);
        }
        if (bitrate != null) {
            t.bitrate(bitrate);
        }
        set.forEach(t::set);
        return t;
    }
}
