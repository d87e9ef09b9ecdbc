package dev.r58ctl.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.r58ctl.config.Camera;
import dev.r58ctl.config.Config;
import dev.r58ctl.testsupport.MovBoxes;
import dev.r58ctl.testsupport.TestConfigs;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.freedesktop.gstreamer.Gst;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * gst1-java-core delivers bus messages later, on its executor thread. A quit on a fresh machine once logged
 * {@code SEVERE org.freedesktop.gstreamer.Bus: Exception thrown by bus message handler} ({@code Native object has been
 * disposed}): a message was handled while, or after, its pipeline was disposed. Here a slow listener keeps the
 * deliveries of a stopping pipeline queued every time, so the race is not left to chance: once {@code stop} has
 * returned (the pipeline disposed) no handler of it runs any more, nothing gstreamer-java logs is SEVERE, and the
 * recording is finalised all the same.
 */
class BusDisposeTest {
    /** How long the listener holds the executor per state change: longer than a stop takes to dispose. */
    private static final long SLOW_MS = 150;

    @TempDir
    Path dir;

    private final List<LogRecord> severe = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord r) {
            if (r.getLevel().intValue() >= Level.SEVERE.intValue()) {
                severe.add(r);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void listen() {
        Logger.getLogger("org.freedesktop.gstreamer").addHandler(capture);
    }

    @AfterEach
    void stopListening() {
        Logger.getLogger("org.freedesktop.gstreamer").removeHandler(capture);
    }

    @Test
    void noHandlerRunsOnceTheStoppedPipelineIsDisposed() throws Exception {
        Config c = TestConfigs.generic(dir, "  cam0: {resolution: 640x360, bitrate: 1000, codec: h264, transport: none,"
                + " output_path: \"" + dir.resolve("rec/cam0_%Y%m%d_%H%M%S.mov") + "\"}\n");
        Camera cam = c.requireCamera("cam0");
        List<String> late = new CopyOnWriteArrayList<>();
        for (int i = 0; i < 3; i++) {
            Path file = dir.resolve("cam0-" + i + ".mov");
            CameraRunner runner = new CameraRunner(new PipelinePlanner(c).plan(cam, List.of(Output.file(file.toString()))),
                    cam.framerate());
            AtomicBoolean disposed = new AtomicBoolean();
            runner.onEvent(e -> {
                if (disposed.get()) {
                    late.add(e.toString()); // a handler of a disposed pipeline
                }
                if (e.level() == BusEvent.Level.STATE) {
                    slow();
                }
            });
            runner.start();
            awaitFrames(runner);
            runner.stop(Duration.ofSeconds(5));
            disposed.set(true);
            assertEquals(CameraRunner.State.STOPPED, runner.state(), runner.events().toString());
            assertTrue(MovBoxes.finalised(file), "finalised with EOS");
        }
        Gst.getExecutor().submit(() -> { }).get(10, TimeUnit.SECONDS); // every delivery there was is made
        assertEquals(List.of(), late, "delivered after the pipeline was disposed");
        assertTrue(severe.isEmpty(), "SEVERE from gstreamer-java: " + severe.stream()
                .map(r -> r.getMessage() + " " + r.getThrown()).toList());
    }

    private static void slow() {
        try {
            Thread.sleep(SLOW_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void awaitFrames(CameraRunner runner) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (runner.totals().framesOut() < 30 && System.nanoTime() < deadline) {
            runner.awaitEnd(Duration.ofMillis(50)); // returns early only if the pipeline ends, which fails below
        }
        assertTrue(runner.totals().framesOut() >= 30, "a second of frames: " + runner.events());
    }
}
