package dev.r58ctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.r58ctl.Shutdown;
import dev.r58ctl.config.Codec;
import dev.r58ctl.pipeline.MediaProbe;
import dev.r58ctl.testsupport.MatroskaCues;
import dev.r58ctl.testsupport.TestConfigs;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM and SIGHUP to r58ctl in a child JVM, as systemd, kill or a dropped SSH session sends them, while it
 * records or tests: the command stops as Ctrl-C stops it, within the bound. The file is whole (an MP4 cut before EOS
 * has no index and reads back nothing; a Matroska file gets its Cues only at EOS), the result is recorded naming the
 * signal, and nothing in r58ctl's log is SEVERE or a stack trace. Each waits on the file or the state, never on time.
 */
class SignalCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** From the signal to the exit: the bound, and the JVM's own exit. */
    private static final long EXIT_MS = Shutdown.BOUND.toMillis() + 3000;

    @TempDir
    Path dir;
    private Process child;
    private ChecklistFixture checklist;

    @AfterEach
    void tearDown() {
        if (child != null) {
            child.destroyForcibly();
        }
        if (checklist != null) {
            checklist.stopService();
        }
    }

    @Test
    void pipelineRunGivenSigtermFinalisesItsMp4AndPrintsItsStatistics() throws Exception {
        Path file = dir.resolve("rec/cam0.mp4");
        Path cfg = TestConfigs.write(dir, "platform: generic\nstate_dir: " + dir.resolve("state")
                + "\nrecorder: {config: null}\ncameras:\n  cam0: {resolution: 640x360, bitrate: 1000, codec: h264, "
                + "transport: none, output_path: \"" + file + "\"}\n");
        Path out = dir.resolve("child.out");
        child = ChildR58ctl.start(out, "--config", cfg.toString(), "pipeline", "run", "cam0", "--duration", "60s",
                "--json");
        awaitBytes(file, 200_000); // about 1.6 s at 1000 kbit/s
        long ms = signalAndWait("TERM");
        assertEquals(128 + 15, child.exitValue(), Files.readString(out));
        JsonNode doc = JSON.readTree(out.toFile());
        assertEquals("SIGTERM", doc.get("stopped_by").asText(), doc.toString());
        assertFalse(doc.get("ok").asBoolean(), "cut short of its 60 s");
        long frames = doc.get("stats").get("frames_out").asLong();
        MediaProbe.Result r = MediaProbe.file(file, Duration.ofSeconds(20));
        assertNull(r.error(), "an MP4 reads back only when EOS wrote its index: " + r);
        assertTrue(r.isCodec(Codec.H264), r.toString());
        assertEquals(frames, r.frames(), "every frame encoded is in the file");
        assertCleanLog();
        System.out.println("pipeline run: SIGTERM to exit " + ms + " ms, " + r.frames() + " frames read back");
    }

    @Test
    void testEncodeGivenSigtermFinalisesItsFileAndRecordsTheRunStopped() throws Exception {
        Path cfg = StabilityCliTest.config(dir, "");
        child = ChildR58ctl.start(dir.resolve("child.out"), "--config", cfg.toString(), "test", "encode",
                "--encoder", "x264enc", "--duration", "60s");
        Path run = awaitRunningTest();
        long ms = signalAndWait("TERM");
        assertEquals(128 + 15, child.exitValue(), Files.readString(dir.resolve("child.out")));
        JsonNode stored = JSON.readTree(run.toFile());
        assertEquals("INTERRUPTED", stored.get("verdict").asText(), stored.toString());
        assertTrue(stored.get("reason").asText().startsWith("interrupted: stopped by SIGTERM after "),
                stored.get("reason").asText());
        Path file = onlyFile(dir.resolve("state/stability/files"));
        assertTrue(MatroskaCues.written(file), "Cues written at EOS: " + file);
        MediaProbe.Result r = MediaProbe.file(file, Duration.ofSeconds(20));
        assertNull(r.error(), r.toString());
        assertTrue(r.frames() >= 30, "at least a second in the file: " + r);
        assertCleanLog();
        System.out.println("test encode: SIGTERM to exit " + ms + " ms, " + r.frames() + " frames read back");
    }

    @Test
    void checklistNextGivenSighupRecordsItsStepStoppedAndFreesTheChecklist() throws Exception {
        checklist = new ChecklistFixture(dir);
        Path list = ChecklistFixture.write(dir.resolve("watch-only.yml"), "steps:\n"
                + "  - {id: watch, title: Watch the recorder, kind: action, branch: tests, operation: watch}\n");
        checklist.configure(null, "  file: " + list + "\n  durations: {watch: 600s}\n");
        assertEquals(0, checklist.run("service", "start").exit());
        child = ChildR58ctl.start(dir.resolve("child.out"), "--config", checklist.config.toString(), "checklist",
                "next", "--yes");
        Path current = checklist.state.resolve("checklist/current.json");
        awaitTrue(() -> Files.exists(current) && JSON.readTree(current.toFile()).get("steps").get(0).get("state")
                .asText().equals("running"), "the watch step running");
        long ms = signalAndWait("HUP");
        assertEquals(128 + 1, child.exitValue(), Files.readString(dir.resolve("child.out")));
        JsonNode step = ChecklistFixture.step(checklist.show(), "watch");
        assertEquals("failed", step.get("state").asText(), step.toString());
        assertTrue(step.get("record").get("detail").asText().startsWith(
                "stopped by SIGHUP (the terminal hung up) after "), step.toString());
        CliRun again = checklist.run("checklist", "skip", "watch", "--reason", "the session dropped");
        assertEquals(0, again.exit(), "the checklist's lock was let go: " + again);
        assertCleanLog(checklist.state);
        System.out.println("checklist next: SIGHUP to exit " + ms + " ms");
    }

    @Test
    void sighupWhileTheWatchWaitsForHealthRecordsTheStepWithinTheBound() throws Exception {
        // the recorder is not started: the watch step waits for its health (10 s here, 30 s by default), longer than
        // the stop's bound; the wait must end at the signal so that the step is recorded before the bound cuts
        // the process short (CI once saw it left "running", read back as interrupted)
        checklist = new ChecklistFixture(dir);
        Path list = ChecklistFixture.write(dir.resolve("watch-only.yml"), "steps:\n"
                + "  - {id: watch, title: Watch the recorder, kind: action, branch: tests, operation: watch}\n");
        checklist.configure(null, "  file: " + list + "\n  durations: {watch: 600s}\n");
        child = ChildR58ctl.start(dir.resolve("child.out"), "--config", checklist.config.toString(), "checklist",
                "next", "--yes");
        awaitTrue(() -> Files.readString(dir.resolve("child.out")).contains("asking again"),
                "the watch step waiting for the recorder's health");
        long ms = signalAndWait("HUP");
        assertEquals(128 + 1, child.exitValue(), Files.readString(dir.resolve("child.out")));
        JsonNode step = ChecklistFixture.step(checklist.show(), "watch");
        assertEquals("failed", step.get("state").asText(), step.toString());
        assertTrue(step.get("record").get("detail").asText().startsWith(
                "stopped by SIGHUP (the terminal hung up) after "), step.toString());
        System.out.println("checklist next waiting for health: SIGHUP to exit " + ms + " ms");
    }

    /** Sends the signal and waits for the exit; returns the milliseconds it took, failing past the bound. */
    private long signalAndWait(String signal) throws Exception {
        long begun = System.nanoTime();
        ChildR58ctl.signal(child, signal);
        boolean ended = child.waitFor(EXIT_MS, TimeUnit.MILLISECONDS);
        long ms = (System.nanoTime() - begun) / 1_000_000;
        assertTrue(ended, "still running " + EXIT_MS + " ms after SIG" + signal);
        return ms;
    }

    private void assertCleanLog() throws IOException {
        assertCleanLog(dir.resolve("state"));
    }

    private static void assertCleanLog(Path state) throws IOException {
        String log = Files.readString(state.resolve("r58ctl.log"));
        assertTrue(log.contains(": stopping as on q ("), "the signal is named in the log:\n" + log);
        for (String line : log.split("\n")) {
            assertFalse(line.contains("SEVERE") || line.contains("Exception") || line.startsWith("\tat "),
                    "in r58ctl's log: " + line + "\n" + log);
        }
    }

    private Path awaitRunningTest() throws Exception {
        Path runs = dir.resolve("state/stability/runs");
        awaitTrue(() -> Files.isDirectory(runs) && onlyFile(runs) != null
                && JSON.readTree(onlyFile(runs).toFile()).get("series").size() > 0, "a running test with CPU samples");
        return onlyFile(runs);
    }

    private void awaitBytes(Path file, long bytes) throws Exception {
        awaitTrue(() -> Files.exists(file) && Files.size(file) >= bytes, file + " with " + bytes + " bytes");
    }

    private interface Condition {
        boolean holds() throws IOException;
    }

    private void awaitTrue(Condition c, String what) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!c.holds()) {
            assertTrue(child.isAlive(), "the child ended before " + what + ": "
                    + Files.readString(dir.resolve("child.out")));
            assertTrue(System.nanoTime() < deadline, "no " + what + " within 60 s");
            child.waitFor(100, TimeUnit.MILLISECONDS); // wakes at once should the child end
        }
    }

    private static Path onlyFile(Path dir) throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            Path found = null;
            for (Path p : files) {
                found = p;
            }
            return found;
        }
    }
}
