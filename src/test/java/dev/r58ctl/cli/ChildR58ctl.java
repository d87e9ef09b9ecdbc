package dev.r58ctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * r58ctl in a child JVM through its main (the test tree's PausingMain, which is Main unless told to pause), as the launcher runs it (remote-mode decision, logging set
 * up from nothing): to the end, or stopped at a rollback journal's test pause and killed with SIGKILL.
 */
final class ChildR58ctl {
    private ChildR58ctl() {
    }

    private static ProcessBuilder builder(Map<String, String> env, String... args) {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // signals at their default disposition: the build may run under nohup (an ignored SIGHUP is inherited, and
        // r58ctl leaves an ignored signal ignored, as the JVM does)
        List<String> argv = new ArrayList<>(List.of("/usr/bin/env", "--default-signal=HUP,INT,TERM", java,
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", cp, "dev.r58ctl.testsupport.PausingMain"));
        argv.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(argv);
        pb.environment().putAll(env);
        return pb;
    }

    /** Runs to the end (killed after two minutes, so a hang fails the test instead of the build). */
    static CliRun run(Path dir, String... args) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Path out = Files.createTempFile(dir, "child", ".out");
        Path err = Files.createTempFile(dir, "child", ".err");
        Process p = builder(Map.of(), args).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        p.getOutputStream().close();
        boolean ended = p.waitFor(120, TimeUnit.SECONDS);
        if (!ended) {
            p.destroyForcibly();
            p.waitFor(30, TimeUnit.SECONDS);
        }
        CliRun r = new CliRun(p.exitValue(), Files.readString(out), Files.readString(err));
        assertTrue(ended, "no end in 120 s: " + r);
        return r;
    }

    /** Starts it with stdout and stderr to {@code log}, stdin closed; the caller signals it and waits. */
    static Process start(Path log, String... args) throws IOException {
        Files.createDirectories(log.getParent());
        Process p = builder(Map.of(), args).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        p.getOutputStream().close();
        return p;
    }

    /** Starts it with stdin and stdout as pipes for the caller (a protocol spoken on stdio), stderr to {@code log}. */
    static Process piped(Path log, String... args) throws IOException {
        Files.createDirectories(log.getParent());
        return builder(Map.of(), args).redirectError(log.toFile()).start();
    }

    /** Sends {@code signal} (TERM, HUP, INT) to the child, as kill(1) does. */
    static void signal(Process p, String signal) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid())).inheritIO().start();
        assertEquals(0, kill.waitFor(), "kill -" + signal + " " + p.pid());
    }

    /** Starts it with the journal's test pause at {@code pausePoint}, waits for the pause, then SIGKILL. */
    static void killAt(Path dir, String pausePoint, String... args) throws Exception {
        Files.createDirectories(dir);
        Path out = Files.createTempFile(dir, "child", ".out");
        Process child = builder(Map.of(dev.r58ctl.testsupport.PausingMain.PAUSE_ENV, pausePoint), args)
                .redirectOutput(out.toFile()).start();
        // a child that never reaches the pause must not hang the build
        CompletableFuture.delayedExecutor(180, TimeUnit.SECONDS).execute(child::destroyForcibly);
        try (BufferedReader err = new BufferedReader(new InputStreamReader(child.getErrorStream(),
                StandardCharsets.UTF_8))) {
            String line;
            StringBuilder seen = new StringBuilder();
            while ((line = err.readLine()) != null && !line.equals("r58ctl: test pause after " + pausePoint)) {
                seen.append(line).append('\n');
            }
            assertTrue(line != null, "the child ended before the pause: " + seen + Files.readString(out));
        } finally {
            child.destroyForcibly(); // SIGKILL: no shutdown hooks, no finally blocks
            child.waitFor(30, TimeUnit.SECONDS);
        }
        assertEquals(137, child.exitValue(), "killed by SIGKILL");
    }
}
