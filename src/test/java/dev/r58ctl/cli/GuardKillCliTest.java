package dev.r58ctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.r58ctl.repo.Rollback;
import dev.r58ctl.testsupport.GitRepos;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * guard boot killed with SIGKILL half way through its rollback (in a child JVM stopped at a journal step): the next
 * guard boot, in the same boot, sees the rollback it started and finishes it from the rollback journal.
 */
class GuardKillCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;
    GuardFixture f;
    Process child;

    @AfterEach
    void tearDown() {
        if (child != null) {
            child.destroyForcibly();
        }
        if (f != null) {
            f.stopService();
        }
    }

    @Test
    void killedAfterTheResetThenTheNextRunFinishes() throws Exception {
        f = new GuardFixture(tmp, 2);
        assertEquals(0, f.run("trial", "arm").exit());
        f.reboot(GuardFixture.OOPS, GuardFixture.CODE);

        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(List.of(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", cp,
                "dev.r58ctl.testsupport.PausingMain", "--config", f.config.toString(), "guard", "boot"));
        pb.environment().put(dev.r58ctl.testsupport.PausingMain.PAUSE_ENV, "reset:done");
        pb.redirectOutput(tmp.resolve("child.out").toFile());
        child = pb.start();
        CompletableFuture.delayedExecutor(180, TimeUnit.SECONDS).execute(child::destroyForcibly);
        try (BufferedReader err = new BufferedReader(new InputStreamReader(child.getErrorStream(), StandardCharsets.UTF_8))) {
            String line;
            StringBuilder seen = new StringBuilder();
            while ((line = err.readLine()) != null && !line.equals("r58ctl: test pause after reset:done")) {
                seen.append(line).append('\n');
            }
            assertTrue(line != null, "the child ended before the pause: " + seen);
            child.destroyForcibly();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        }
        assertEquals(137, child.exitValue(), "killed by SIGKILL");
        assertEquals(f.scenario.good, GitRepos.head(f.repo()));
        assertTrue(Rollback.interrupted(f.state.resolve("rollback")).isPresent());
        CliRun status = f.run("trial", "status");
        assertTrue(status.out().contains("  rolling back (unfinished): the previous boot ended in a kernel panic or "
                + "Oops; `r58ctl guard boot` finishes it\n"), status.out());

        CliRun next = f.run("guard", "boot");
        assertEquals(0, next.exit(), next.toString());
        assertTrue(next.out().contains("; service healthy\n"), next.out());
        assertEquals(f.scenario.good, GitRepos.head(f.repo()));
        assertEquals(0, f.run("health").exit());
        assertFalse(Rollback.interrupted(f.state.resolve("rollback")).isPresent());
        assertFalse(Files.exists(f.state.resolve("guard/trial.json")));
        JsonNode last = JSON.readTree(f.state.resolve("guard/last.json").toFile());
        assertEquals("crash", last.get("reason").asText());
        assertTrue(last.get("evidence").toString().contains("Internal error: Oops"), last.toString());
        assertEquals("nothing", JSON.readTree(f.run("guard", "boot", "--json").out()).get("action").asText());
    }
}
