package dev.r58ctl.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.r58ctl.R58Exception;
import dev.r58ctl.config.Config;
import dev.r58ctl.stability.TestKind;
import dev.r58ctl.testsupport.MovBoxes;
import dev.r58ctl.testsupport.TestConfigs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Quitting while pipelines still start, and starting while quitting, with real pipelines at 640x360: whatever the
 * order, nothing runs once {@link Engine#close} has returned, every recording is finalised (EOS), and nothing is
 * logged SEVERE. The orders are made with latches and barriers, never with sleeps.
 */
class EngineQuitTest {
    private static final long CLOSE_BOUND_MS = 10_000;

    @TempDir
    Path dir;

    private final List<String> severe = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord r) {
            if (r.getLevel().intValue() >= Level.SEVERE.intValue()) {
                severe.add(r.getLoggerName() + ": " + r.getMessage() + " " + r.getThrown());
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
        Logger.getLogger("").addHandler(capture);
    }

    @AfterEach
    void nothingSevere() {
        Logger.getLogger("").removeHandler(capture);
        assertEquals(List.of(), severe, "logged SEVERE");
    }

    private Config config(String extra) {
        StringBuilder cameras = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            cameras.append("  cam").append(i).append(": {resolution: 640x360, bitrate: 800, codec: h264, transport: none,")
                    .append(" output_path: \"").append(dir.resolve("rec/cam" + i + "_%Y%m%d_%H%M%S.mov")).append("\"}\n");
        }
        return TestConfigs.load(dir, "platform: generic\nstate_dir: " + dir.resolve("state")
                + "\nrecorder: {config: null}\n" + extra + "cameras:\n" + cameras);
    }

    @Test
    void quitRightAfterStartingCamerasStartsNothingLeftRunning() throws Exception {
        Engine engine = new Engine(config(""));
        engine.startEnabledCameras(); // queued on the worker: the first may be starting, the others waiting
        closeWithinBound(engine);
        assertNothingRuns(engine);
        assertEveryRecordingFinalised();
    }

    @Test
    void startsAskedWhileTheEngineQuitsAreDropped() throws Exception {
        Engine engine = new Engine(config(""));
        engine.startCamera("cam0");
        awaitStates(engine, List.of("RUNNING", "STOPPED", "STOPPED"));
        CompletableFuture<Void> closing = CompletableFuture.runAsync(() -> closeWithinBound(engine));
        int asked = 0;
        do { // as keys, or a laptop's commands, keep coming during the quit
            engine.startCamera("cam" + (1 + asked++ % 2));
        } while (!done(closing) && asked < 1000);
        closing.get(30, TimeUnit.SECONDS);
        engine.startCamera("cam1");
        assertNothingRuns(engine);
        assertEveryRecordingFinalised();
    }

    @Test
    void aStartRacingTheFinalStopIsRefusedOrStoppedAgain() throws Exception {
        Config c = config("");
        for (int round = 0; round < 4; round++) {
            String id = "cam" + (round % 3);
            Cameras cameras = new Cameras(c, e -> { });
            CyclicBarrier together = new CyclicBarrier(2);
            CompletableFuture<String> start = CompletableFuture.supplyAsync(() -> {
                await(together);
                try {
                    cameras.start(id);
                    return "started";
                } catch (R58Exception e) {
                    return e.getMessage();
                }
            });
            await(together);
            cameras.stopAll();
            String outcome = start.get(30, TimeUnit.SECONDS);
            assertTrue(outcome.equals("started") || outcome.contains("r58ctl is quitting"), outcome);
            List<String> live = cameras.views(null).stream().filter(v -> live(v.state()))
                    .map(v -> v.id() + " " + v.state()).toList();
            // "started" means it began before the stop: stopAll then stopped it (it waits for a start under way)
            assertEquals(List.of(), live, "round " + round + ": " + outcome);
            assertThrowsQuitting(() -> cameras.start("cam0"));
        }
        assertEveryRecordingFinalised();
    }

    @Test
    void camerasPausedForATestStayStoppedWhenQuittingEndsTheTest() throws Exception {
        Engine engine = new Engine(config("stability: {pause_cameras: true}\n"));
        engine.startCamera("cam0");
        engine.startCamera("cam1");
        awaitStates(engine, List.of("RUNNING", "RUNNING", "STOPPED"));
        CountDownLatch testRuns = new CountDownLatch(1);
        CountDownLatch testMayEnd = new CountDownLatch(1);
        CompletableFuture<Void> test = CompletableFuture.runAsync(() -> engine.aside(TestKind.ENCODE, "x264enc",
                line -> { }, () -> {
                    testRuns.countDown();
                    await(testMayEnd); // a test still running when the operator quits
                    return null;
                }));
        assertTrue(testRuns.await(30, TimeUnit.SECONDS), "the test did not begin");
        assertEquals(List.of("PAUSED", "PAUSED", "STOPPED"), states(engine), "paused for the test");
        closeWithinBound(engine);
        testMayEnd.countDown(); // the test ends after the quit: its cameras must not start again
        test.get(30, TimeUnit.SECONDS);
        assertNothingRuns(engine);
        assertEveryRecordingFinalised();
        assertEquals(2, recordings().size(), "one recording each, none started after the test");
    }

    /** Waits until the camera rows show {@code expected}, each row as the engine draws it after a task or tick. */
    private static void awaitStates(Engine engine, List<String> expected) throws InterruptedException {
        java.util.concurrent.BlockingQueue<EngineEvent> events = new java.util.concurrent.LinkedBlockingQueue<>();
        engine.subscribe(events::add);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!states(engine).equals(expected) && System.nanoTime() < deadline) {
            events.poll(1, TimeUnit.SECONDS); // every camera task ends with its rows
        }
        assertEquals(expected, states(engine));
    }

    private static void closeWithinBound(Engine engine) {
        long begun = System.nanoTime();
        engine.close();
        long ms = (System.nanoTime() - begun) / 1_000_000;
        assertTrue(ms < CLOSE_BOUND_MS, "close took " + ms + " ms");
    }

    private static boolean done(CompletableFuture<Void> f) {
        try {
            f.get(5, TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException e) {
            return false;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean live(String state) {
        return state.equals("RUNNING") || state.equals("STARTING") || state.equals("STOPPING");
    }

    private static List<String> states(Engine engine) {
        return engine.cameraViews().stream().map(CameraView::state).toList();
    }

    private static void assertNothingRuns(Engine engine) {
        List<String> live = engine.cameraViews().stream().filter(v -> live(v.state()))
                .map(v -> v.id() + " " + v.state()).toList();
        assertEquals(List.of(), live, "running after close");
    }

    private List<Path> recordings() throws IOException {
        Path rec = dir.resolve("rec");
        if (!Files.isDirectory(rec)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(rec)) {
            return files.filter(f -> f.toString().endsWith(".mov")).sorted().toList();
        }
    }

    private void assertEveryRecordingFinalised() throws IOException {
        List<String> cut = new ArrayList<>();
        for (Path f : recordings()) {
            if (!MovBoxes.finalised(f)) {
                cut.add(f.getFileName() + " (" + Files.size(f) + " bytes)");
            }
        }
        assertEquals(List.of(), cut, "recordings not finalised with EOS");
    }

    private static void assertThrowsQuitting(Runnable r) {
        try {
            r.run();
        } catch (R58Exception e) {
            assertTrue(e.getMessage().contains("r58ctl is quitting"), e.getMessage());
            return;
        }
        throw new AssertionError("a start after the final stop was not refused");
    }

    private static void await(CyclicBarrier b) {
        try {
            b.await(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void await(CountDownLatch l) {
        try {
            l.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
