package dev.r58ctl.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.r58ctl.testsupport.GitRepos;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 in the middle of a rollback: r58ctl runs in a child JVM that stops at a journal step (test hook), is
 * killed with SIGKILL, and the next run says what was done and finishes or undoes it, leaving the repository whole.
 */
class RepoRollbackKillTest {
    @TempDir
    Path tmp;
    RepoFixture f;
    Process child;

    @BeforeEach
    void setUp() {
        f = new RepoFixture(tmp);
        f.scenario.dirty();
    }

    @AfterEach
    void tearDown() {
        if (child != null) {
            child.destroyForcibly();
        }
        f.stopService();
    }

    /** Starts {@code r58ctl rollback --last-good --yes} in a child JVM, waits for the pause, then kill -9. */
    private void killAt(String pausePoint) throws Exception {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(List.of(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", cp,
                "dev.r58ctl.testsupport.PausingMain", "--config", f.config.toString(), "rollback", "--last-good", "--yes"));
        pb.environment().put(dev.r58ctl.testsupport.PausingMain.PAUSE_ENV, pausePoint);
        pb.redirectOutput(tmp.resolve("child.out").toFile());
        child = pb.start();
        // a child that never reaches the pause must not hang the build
        CompletableFuture.delayedExecutor(180, TimeUnit.SECONDS).execute(child::destroyForcibly);
        try (BufferedReader err = new BufferedReader(new InputStreamReader(child.getErrorStream(), StandardCharsets.UTF_8))) {
            String line;
            StringBuilder seen = new StringBuilder();
            while ((line = err.readLine()) != null && !line.equals("r58ctl: test pause after " + pausePoint)) {
                seen.append(line).append('\n');
            }
            assertTrue(line != null, "the child ended before the pause: " + seen + Files.readString(tmp.resolve("child.out")));
            child.destroyForcibly(); // SIGKILL: no shutdown hooks, no finally blocks
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        }
        assertEquals(137, child.exitValue(), "killed by SIGKILL");
    }

    private static void assertSameFiles(Map<String, byte[]> expected, Map<String, byte[]> actual) {
        assertEquals(expected.keySet(), actual.keySet());
        expected.forEach((k, v) -> assertArrayEquals(v, actual.get(k), k));
    }

    @Test
    void killedAfterTheResetThenFinished() throws Exception {
        assertEquals(0, f.run("service", "start").exit());
        killAt("reset:done");
        assertEquals(f.scenario.good, GitRepos.head(f.repo()));
        assertEquals(1, f.run("service", "status").exit(), "stopped before the reset, not started again");

        CliRun next = f.run("rollback", "--last-good", "--yes");
        assertEquals(1, next.exit(), next.toString());
        assertTrue(next.out().contains("  done         stop-service: stopped recorder-standin\n"), next.out());
        assertTrue(next.out().contains("  done         reset: HEAD is now " + f.scenario.good.substring(0, 7)), next.out());
        assertTrue(next.out().contains("  not started  start-service\n"), next.out());
        assertTrue(next.err().contains("finish it with `r58ctl rollback --finish` or undo it with `r58ctl rollback --undo`"),
                next.err());

        CliRun finish = f.run("rollback", "--finish", "--yes");
        assertEquals(0, finish.exit(), finish.toString());
        assertTrue(finish.out().contains("  ok  start-service"), finish.out());
        assertFalse(finish.out().contains("  ok  reset"), "the reset is not done twice: " + finish.out());
        assertEquals(0, f.run("health").exit());
        assertEquals("?? scratch.txt\n?? src/transport/local-notes.txt\n",
                GitRepos.git(f.repo(), "status", "--porcelain", "--untracked-files=all"));
        GitRepos.git(f.repo(), "fsck", "--no-progress");
    }

    @Test
    void killedWhenTheResetBeganThenUndoneByteForByte() throws Exception {
        Map<String, byte[]> before = GitRepos.files(f.repo());
        String gitBefore = GitRepos.gitState(f.repo());
        assertEquals(0, f.run("service", "start").exit());
        killAt("reset:begin");
        // what a reset cut short by SIGKILL can leave: git's index lock
        Files.writeString(f.repo().resolve(".git/index.lock"), "");

        CliRun undo = f.run("rollback", "--undo", "--yes");
        assertEquals(1, undo.exit(), "back at B the stand-in reports degraded: " + undo);
        assertTrue(undo.out().contains("  interrupted  reset (started, not finished)"), undo.out());
        assertTrue(undo.out().contains("NOT healthy: HTTP 200, status \"degraded\""), undo.out());
        assertFalse(Files.exists(f.repo().resolve(".git/index.lock")));
        assertEquals(f.scenario.migrated, GitRepos.head(f.repo()));
        assertSameFiles(before, GitRepos.files(f.repo()));
        assertEquals(gitBefore, GitRepos.gitState(f.repo()));
        assertEquals(0, f.run("service", "status").exit());
        GitRepos.git(f.repo(), "fsck", "--no-progress");
    }

    @Test
    void killedWhenTheResetBeganThenFinished() throws Exception {
        Map<String, byte[]> before = GitRepos.files(f.repo());
        killAt("reset:begin");
        Files.writeString(f.repo().resolve(".git/index.lock"), "");
        CliRun finish = f.run("rollback", "--finish", "--yes");
        assertEquals(0, finish.exit(), finish.toString());
        assertEquals(f.scenario.good, GitRepos.head(f.repo()));
        for (String untouched : List.of("scratch.txt", "recordings/cam0/recording_20251219_145301.mkv")) {
            assertArrayEquals(before.get(untouched), GitRepos.files(f.repo()).get(untouched), untouched);
        }
        // and the work saved before the kill comes back with an undo
        CliRun undo = f.run("rollback", "--undo", "--yes", "--no-restart");
        assertEquals(0, undo.exit(), undo.toString());
        assertSameFiles(before, GitRepos.files(f.repo()));
    }
}
