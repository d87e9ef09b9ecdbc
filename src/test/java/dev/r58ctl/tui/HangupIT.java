package dev.r58ctl.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.r58ctl.Shutdown;
import dev.r58ctl.pipeline.MediaProbe;
import dev.r58ctl.testsupport.MatroskaCues;
import dev.r58ctl.testsupport.MovBoxes;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The demo as an operator runs it over SSH, and what ends it: r58ctl (the launcher and the built jar) on a
 * pseudo-terminal of its own, as sshd gives a login ({@code pty_run.py}), its three cameras recording. Then the
 * terminal is closed under it (the kernel's hang-up: SIGHUP, then I/O errors, as when the SSH session drops), also
 * while a stability test runs with the cameras paused, closed with SIGHUP ignored (only end of input and I/O errors:
 * a terminal that stops answering), or r58ctl gets SIGTERM, SIGHUP, Ctrl-C or q. Each time: the process ends within the bound, every recording reads back whole (finalised by
 * EOS), the stand-in services are gone, the terminal is put back unless it is gone, and r58ctl's log has no SEVERE
 * line or stack trace; a test cut short is recorded INTERRUPTED by the hang-up, its file finalised. Measured before: a hang-up, SIGTERM, SIGHUP and Ctrl-C each left every recording
 * unfinalised and both stand-ins running.
 */
class HangupIT {
    private static final Path HELPER = Path.of("src/test/resources/dev/r58ctl/tui/pty_run.py");
    /** From the fault to the exit: the bound, and the JVM's own exit on a loaded machine. */
    private static final long EXIT_MS = Shutdown.BOUND.toMillis() + 3000;
    private static final Pattern STARTED = Pattern.compile("started (\\S+) as pid (\\d+)");
    private static final Pattern PORT = Pattern.compile("127\\.0\\.0\\.1:(\\d+)");
    private static final ObjectMapper JSON = new ObjectMapper();

    enum Fault {
        HANG_UP(129, true), HANG_UP_DURING_A_TEST(129, true), DEAD_TERMINAL(129, true), SIGTERM(143, false),
        SIGHUP(129, true), CTRL_C(0, false), Q(0, false);

        final int exit;
        /** The terminal is gone (or said to be, by SIGHUP): r58ctl must leave it as it is. */
        final boolean gone;

        Fault(int exit, boolean gone) {
            this.exit = exit;
            this.gone = gone;
        }
    }

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Fault.class)
    void theDemoStopsAsOnQ(Fault fault) throws Exception {
        Path demo = dir.resolve("demo");
        List<String> command = new ArrayList<>(List.of("/usr/bin/python3", HELPER.toString()));
        if (fault == Fault.DEAD_TERMINAL) {
            command.add("--ignore-hup");
        }
        command.addAll(List.of("80", "24", "scripts/r58ctl", "demo", "--dir", demo.toString()));
        ProcessBuilder pb = new ProcessBuilder(command).redirectError(dir.resolve("helper.err").toFile());
        pb.environment().put("TERM", "xterm-256color");
        Process helper = pb.start();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> read(helper, lines), "pty-helper-out");
        reader.setDaemon(true);
        reader.start();
        try (Writer toHelper = new java.io.OutputStreamWriter(helper.getOutputStream(), StandardCharsets.UTF_8)) {
            String first = lines.poll(30, TimeUnit.SECONDS);
            assertNotNull(first, "the helper did not start: " + Files.readString(dir.resolve("helper.err")));
            long pid = Long.parseLong(first.substring("pid ".length()));
            awaitThreeRecordings(helper, demo);
            Path run = null;
            if (fault == Fault.HANG_UP_DURING_A_TEST) {
                say(toHelper, "keys t"); // the encode test of cam0's encoder, the cameras paused for it
                run = awaitRunningTest(helper, demo);
            }

            long begun = System.nanoTime();
            switch (fault) {
                case HANG_UP, HANG_UP_DURING_A_TEST, DEAD_TERMINAL -> say(toHelper, "hangup");
                case SIGTERM -> kill(pid, "TERM");
                case SIGHUP -> kill(pid, "HUP");
                case CTRL_C -> say(toHelper, "keys \\x03");
                case Q -> say(toHelper, "keys q");
            }
            String end = lines.poll(EXIT_MS, TimeUnit.MILLISECONDS);
            long ms = (System.nanoTime() - begun) / 1_000_000;
            assertNotNull(end, fault + ": still running " + EXIT_MS + " ms later\n" + log(demo));
            String[] exit = end.split(" ");
            assertEquals(fault.exit, Integer.parseInt(exit[1]), fault + "\n" + log(demo));
            if (fault == Fault.SIGTERM || fault == Fault.SIGHUP || fault == Fault.CTRL_C || fault == Fault.Q) {
                // a closed terminal is read by nobody
                assertEquals(fault.gone ? "untouched" : "restored", exit[3], fault + ": the terminal");
            }
            List<String> frames = assertRecordingsWhole(demo);
            if (run != null) {
                assertTestStopped(run, demo);
            }
            assertStandInsGone(demo);
            assertCleanLog(demo, fault);
            System.out.println("hangup-it " + fault + ": exit " + exit[1] + " " + ms + " ms after the fault; frames "
                    + frames);
        } finally {
            helper.destroyForcibly();
            helper.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static void read(Process helper, BlockingQueue<String> lines) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(helper.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                lines.add(line);
            }
        } catch (IOException e) {
            // the helper ended
        }
    }

    private static void say(Writer w, String line) throws IOException {
        w.write(line + "\n");
        w.flush();
    }

    private static void kill(long pid, String signal) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start();
        assertEquals(0, kill.waitFor(), "kill -" + signal + " " + pid);
    }

    /** Waits until each of the three cameras' recordings holds two whole fragments after its first. */
    private void awaitThreeRecordings(Process helper, Path demo) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120); // a first run builds the class archive
        while (true) {
            List<Path> files = recordings(demo);
            boolean ready = files.size() == 3;
            for (Path f : files) {
                ready &= MovBoxes.count(f, "moof") >= 2;
            }
            if (ready) {
                return;
            }
            assertTrue(helper.isAlive(), "the demo ended before recording: " + log(demo));
            assertTrue(System.nanoTime() < deadline, "three recordings not under way within 120 s: " + files
                    + "\n" + log(demo));
            helper.waitFor(200, TimeUnit.MILLISECONDS); // wakes at once should it end
        }
    }

    /** Waits until the test's result is on disk with its first CPU samples: it runs, the cameras paused. */
    private static Path awaitRunningTest(Process helper, Path demo) throws Exception {
        Path runs = demo.resolve("state/stability/runs");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            if (Files.isDirectory(runs)) {
                try (Stream<Path> all = Files.list(runs)) {
                    for (Path r : all.toList()) {
                        if (JSON.readTree(r.toFile()).path("series").size() > 0) {
                            return r;
                        }
                    }
                }
            }
            assertTrue(helper.isAlive() && System.nanoTime() < deadline, "no test running: " + log(demo));
            helper.waitFor(200, TimeUnit.MILLISECONDS);
        }
    }

    /** The test cut short by the hang-up is recorded as stopped by it, and its Matroska file has its Cues (EOS). */
    private static void assertTestStopped(Path run, Path demo) throws IOException {
        JsonNode r = JSON.readTree(run.toFile());
        assertEquals("INTERRUPTED", r.get("verdict").asText(), r.toString());
        String reason = r.get("reason").asText();
        assertTrue(reason.startsWith("interrupted: stopped by SIGHUP (the terminal hung up) after ")
                || reason.startsWith("interrupted: stopped by a hang-up (the terminal stopped answering) after "),
                reason);
        try (Stream<Path> files = Files.list(demo.resolve("state/stability/files"))) {
            for (Path f : files.toList()) {
                assertTrue(MatroskaCues.written(f), f + ": no Cues, so no EOS");
            }
        }
    }

    private static List<Path> recordings(Path demo) throws IOException {
        Path rec = demo.resolve("recordings");
        if (!Files.isDirectory(rec)) {
            return List.of();
        }
        try (Stream<Path> all = Files.walk(rec)) {
            return all.filter(f -> f.toString().endsWith(".mov")).sorted().toList();
        }
    }

    /** Every recording finalised by EOS and read back; returns "cam0=NNN" per recording. */
    private static List<String> assertRecordingsWhole(Path demo) throws IOException {
        List<Path> files = recordings(demo);
        assertEquals(3, files.size(), files.toString());
        List<String> frames = new ArrayList<>();
        for (Path f : files) {
            assertTrue(MovBoxes.finalised(f), f + " was not finalised (no EOS): " + Files.size(f) + " bytes");
            MediaProbe.Result r = MediaProbe.file(f, Duration.ofSeconds(30));
            assertNull(r.error(), f + ": " + r);
            assertTrue(r.frames() >= 30, f + ": " + r);
            frames.add(f.getParent().getFileName() + "=" + r.frames());
        }
        return frames;
    }

    /** The stand-ins the demo started (pids from its log) are gone, and their ports no longer answer. */
    private static void assertStandInsGone(Path demo) throws IOException {
        String log = log(demo);
        Matcher m = STARTED.matcher(log);
        int seen = 0;
        while (m.find()) {
            seen++;
            long pid = Long.parseLong(m.group(2));
            assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), m.group(1) + " (pid " + pid
                    + ") still runs");
        }
        assertEquals(2, seen, "the recorder's and MediaMTX's stand-ins: " + log);
        Matcher ports = PORT.matcher(Files.readString(demo.resolve("config.yml")));
        while (ports.find()) {
            int port = Integer.parseInt(ports.group(1));
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 500);
                throw new AssertionError("port " + port + " still answers");
            } catch (IOException refused) {
                // gone, as it should be
            }
        }
    }

    private static void assertCleanLog(Path demo, Fault fault) throws IOException {
        String log = log(demo);
        for (String line : log.split("\n")) {
            assertFalse(line.contains("SEVERE") || line.contains("Exception") || line.startsWith("\tat "),
                    fault + ": in r58ctl's log: " + line);
        }
        if (fault != Fault.Q && fault != Fault.CTRL_C) {
            assertTrue(log.contains(": stopping as on q ("), fault + ": the cause is not in the log:\n" + log);
        }
        assertEquals(fault.gone, log.contains("the terminal is gone: left as it is"), fault + "\n" + log);
    }

    private static String log(Path demo) throws IOException {
        Path log = demo.resolve("state/r58ctl.log");
        return Files.exists(log) ? Files.readString(log) : "(no log)";
    }
}
