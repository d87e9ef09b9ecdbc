package dev.r58ctl.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.r58ctl.testsupport.GitRepos;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seed's incident, end to end through the command line: the migrated recorder reports "degraded", rollback
 * --last-good stops it, resets, starts it and waits until it is healthy; --undo brings back the migration and the
 * operator's uncommitted work, and says the service is unhealthy again.
 */
class RepoRollbackCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;
    RepoFixture f;

    @BeforeEach
    void setUp() {
        f = new RepoFixture(tmp);
    }

    @AfterEach
    void tearDown() {
        f.stopService();
    }

    @Test
    void rollbackToLastGoodRestartsTheServiceAndEndsHealthy() throws Exception {
        f.scenario.dirty();
        Map<String, byte[]> before = GitRepos.files(f.repo());
        String gitBefore = GitRepos.gitState(f.repo());
        assertEquals(0, f.run("service", "start").exit());
        CliRun sick = f.awaitAnswer();
        assertEquals(1, sick.exit(), sick.toString());
        assertTrue(sick.out().startsWith("NOT healthy: HTTP 200, status \"degraded\""), sick.out());

        CliRun r = f.run("rollback", "--last-good", "--yes");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains("  from      " + f.scenario.migrated.substring(0, 7) + " Migrate to H.265"), r.out());
        assertTrue(r.out().contains("  to        " + f.scenario.good.substring(0, 7)), r.out());
        assertTrue(r.out().contains("6 uncommitted changes as refs/r58ctl/backup/"), r.out());
        for (String step : new String[] {"backup-head", "backup-wip", "stop-service", "reset", "start-service", "health"}) {
            assertTrue(r.out().contains("  ok  " + step), step + "\n" + r.out());
        }
        assertTrue(r.out().endsWith("; service healthy\n"), r.out());
        assertEquals(f.scenario.good, GitRepos.head(f.repo()));
        assertEquals(0, f.run("health").exit());

        CliRun undo = f.run("rollback", "--undo", "--yes", "--json");
        assertEquals(1, undo.exit(), undo.toString());
        JsonNode doc = JSON.readTree(undo.out());
        assertEquals("unhealthy", doc.get("result").get("outcome").asText());
        assertEquals("undo", doc.get("plan").get("kind").asText());
        assertEquals(f.scenario.migrated, GitRepos.head(f.repo()));
        Map<String, byte[]> after = GitRepos.files(f.repo());
        assertEquals(before.keySet(), after.keySet());
        before.forEach((k, v) -> assertArrayEquals(v, after.get(k), k));
        assertEquals(gitBefore, GitRepos.gitState(f.repo()));
    }

    @Test
    void withoutYesOrATerminalNothingHappens() {
        String head = GitRepos.head(f.repo());
        String tree = GitRepos.hashTree(f.repo());
        CliRun r = f.run("rollback", "--to", f.scenario.good, "--no-restart");
        assertEquals(1, r.exit(), r.toString());
        assertTrue(r.out().contains("  service   left alone\n"), r.out());
        assertEquals("r58ctl: not confirmed: add --yes to go ahead without a question (nothing was changed)\n", r.err());
        CliRun dry = f.run("rollback", "--to", f.scenario.good, "--dry-run");
        assertEquals(0, dry.exit(), dry.toString());
        assertTrue(dry.out().contains("stop recorder-standin, reset, start recorder-standin, wait up to 10.0 s"), dry.out());
        assertTrue(dry.out().endsWith("dry run: nothing was changed\n"), dry.out());
        assertEquals(head, GitRepos.head(f.repo()));
        assertEquals(tree, GitRepos.hashTree(f.repo()));
    }

    @Test
    void badRequestsExitTwo() {
        CliRun none = f.run("rollback", "--yes");
        assertEquals(2, none.exit(), none.toString());
        CliRun both = f.run("rollback", "--to", "HEAD~1", "--undo");
        assertEquals(2, both.exit(), both.toString());
        CliRun unknown = f.run("rollback", "--to", "v9.9", "--yes");
        assertEquals(2, unknown.exit());
        assertEquals("r58ctl: unknown revision \"v9.9\" in " + f.repo() + "\n", unknown.err());
        CliRun noUndo = f.run("rollback", "--undo", "--yes", "--no-restart");
        assertEquals(2, noUndo.exit());
        assertTrue(noUndo.err().startsWith("r58ctl: no rollback to undo in "), noUndo.err());
    }

    @Test
    void serviceCommandsDriveTheProcess() throws Exception {
        CliRun stopped = f.run("service", "status");
        assertEquals(1, stopped.exit());
        assertEquals("recorder-standin: stopped (not started)\n", stopped.out());
        assertEquals(0, f.run("service", "start").exit());
        JsonNode st = JSON.readTree(f.run("service", "status", "--json").out());
        assertTrue(st.get("running").asBoolean());
        GitRepos.git(f.repo(), "reset", "-q", "--hard", f.scenario.good);
        assertEquals(0, f.run("service", "restart").exit());
        JsonNode h = JSON.readTree(f.run("health", "--wait", "--json").out());
        assertEquals(200, h.get("http_status").asInt());
        assertEquals("HTTP 200, status \"healthy\"", h.get("detail").asText());
        CliRun stop = f.run("service", "stop");
        assertEquals(0, stop.exit(), stop.toString());
        CliRun down = f.run("health");
        assertEquals(1, down.exit());
        assertTrue(down.out().startsWith("NOT healthy: connection refused"), down.out());
    }
}
