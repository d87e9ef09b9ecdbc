package dev.r58ctl.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.r58ctl.config.Camera;
import dev.r58ctl.config.Codec;
import dev.r58ctl.config.Config;
import dev.r58ctl.testsupport.MovBoxes;
import dev.r58ctl.testsupport.TestConfigs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A recording cut as a crash or a power cut cuts it: the camera's pipeline exactly as r58ctl plans it runs in
 * gst-launch-1.0 in a child process, which gets SIGKILL once the file holds what is being checked; then r58ctl's
 * MediaProbe reads the file back. A .mov (fragmented) and a .mkv keep what was written; an .mp4 keeps nothing,
 * which is why preflight warns about it. Each waits on the file, never on a fixed time.
 */
class CutRecordingTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final int SIGKILL_EXIT = 128 + 9;
    /** At 1000 kbit/s about 2 s of video: enough for the unfragmented containers to hold frames. */
    private static final long SOME_BYTES = 250_000;

    @TempDir
    Path dir;

    private Config config(String codec, String extension) {
        return TestConfigs.generic(dir, "  cam0: {resolution: 640x360, bitrate: 1000, codec: " + codec
                + ", transport: none, output_path: \"" + dir.resolve("rec/cam0_%Y%m%d_%H%M%S." + extension) + "\"}\n");
    }

    private interface FileCondition {
        boolean holds(Path file) throws IOException;
    }

    /** Runs the camera's recording in gst-launch-1.0 until {@code ready}, kills it with SIGKILL, returns the file. */
    private Path recordAndKill(Config c, FileCondition ready) throws Exception {
        Camera cam = c.requireCamera("cam0");
        PipelineSpec spec = new PipelinePlanner(c).plan(cam, ZonedDateTime.now());
        Path file = Path.of(spec.outputs().get(0).target());
        Files.createDirectories(file.getParent());
        List<String> command = new ArrayList<>(List.of("gst-launch-1.0", "-q"));
        command.addAll(spec.tokens()); // gst-launch joins its arguments into the same description
        Path log = dir.resolve("gst-launch.log");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (p.isAlive() && !(Files.exists(file) && ready.holds(file)) && System.nanoTime() < deadline) {
                p.waitFor(50, TimeUnit.MILLISECONDS);
            }
            assertTrue(p.isAlive(), "gst-launch-1.0 ended by itself: " + Files.readString(log));
            assertTrue(Files.exists(file) && ready.holds(file), "not ready within " + WAIT + ": "
                    + (Files.exists(file) ? Files.size(file) + " bytes" : "no file"));
            p.destroyForcibly(); // SIGKILL on Linux: no EOS, no flush, as in a crash
            assertTrue(p.waitFor(10, TimeUnit.SECONDS), "gst-launch-1.0 survived SIGKILL");
            assertEquals(SIGKILL_EXIT, p.exitValue(), "killed by SIGKILL");
        } finally {
            p.destroyForcibly();
        }
        return file;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h264", "h265"})
    void aQuickTimeRecordingCutByKill9ReadsBackToItsLastFragment(String codec) throws Exception {
        Config c = config(codec, "mov");
        // qtmux writes a moov after the first fragment and a moof after each one: wait for five whole fragments
        // (a fragment ends at each keyframe, at the latest after the fragment duration)
        Path file = recordAndKill(c, f -> MovBoxes.count(f, "moov", "moof") >= 5);
        MediaProbe.Result r = MediaProbe.file(file, Duration.ofSeconds(20));
        assertNull(r.error(), "a cut .mov reads back without error: " + r);
        assertTrue(r.isCodec(Codec.valueOf(codec.toUpperCase())), "read back " + r.mediaType());
        int fps = c.requireCamera("cam0").framerate();
        assertTrue(r.frames() >= 2L * fps, "at least the first two seconds are in the cut file: " + r.frames()
                + " frames, " + Files.size(file) + " bytes");
    }

    @Test
    void aMatroskaRecordingCutByKill9ReadsBack() throws Exception {
        Path file = recordAndKill(config("h264", "mkv"), f -> Files.size(f) >= SOME_BYTES);
        MediaProbe.Result r = MediaProbe.file(file, Duration.ofSeconds(20));
        assertNull(r.error(), r.toString());
        assertTrue(r.isCodec(Codec.H264), "read back " + r.mediaType());
        assertTrue(r.frames() >= 30, "at least the first second is in the cut file: " + r.frames() + " frames");
    }

    /** The control: mp4mux writes its moov only at EOS, so the same cut leaves nothing readable. */
    @Test
    void anMp4RecordingCutByKill9IsUnreadable() throws Exception {
        Path file = recordAndKill(config("h264", "mp4"), f -> Files.size(f) >= SOME_BYTES);
        MediaProbe.Result r = MediaProbe.file(file, Duration.ofSeconds(20));
        assertEquals(0, r.frames(), "no frame of a cut .mp4 can be read: " + r);
        assertTrue(r.error() != null, "reading a cut .mp4 fails: " + r);
        assertEquals(0, MovBoxes.count(file, "moov"), "no moov was written");
    }
}
