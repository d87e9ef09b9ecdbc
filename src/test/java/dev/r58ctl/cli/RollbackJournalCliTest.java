package dev.r58ctl.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.r58ctl.host.HealthCheck;
import dev.r58ctl.host.ProcessService;
import dev.r58ctl.repo.RollbackJournal;
import dev.r58ctl.repo.Rollback;
import dev.r58ctl.testsupport.GitRepos;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * rollback --finish and --undo with r58ctl's own configuration broken: given --state-dir, they work from the
 * rollback journal (its checkout, its service settings), after one warning line; a journal of the previous version,
 * which does not say how to run the service, is refused in one line with nothing changed.
 */
class RollbackJournalCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;
    RepoFixture f;
    String config;
    Path state;

    @BeforeEach
    void setUp() throws Exception {
        f = new RepoFixture(tmp);
        f.scenario.dirty();
        config = Files.readString(f.config);
        state = tmp.resolve("state");
    }

    @AfterEach
    void tearDown() throws Exception {
        Files.writeString(f.config, config);
        f.stopService();
    }

    private void breakConfig() throws Exception {
        Files.writeString(f.config, config + "broken: [\n");
    }

    private boolean healthy() {
        return new HealthCheck("http://127.0.0.1:" + f.port + "/health", Duration.ofSeconds(5)).check().healthy();
    }

    private void assertWarnedFirst(CliRun r) {
        assertTrue(r.err().startsWith("r58ctl: warning: the configuration cannot be read (" + f.config + ":"),
                r.toString());
        assertTrue(r.err().lines().findFirst().orElse("").endsWith("); acting on the rollback journal in "
                + state.resolve("rollback")), r.toString());
    }

    @Test
    void anInterruptedRollbackIsFinishedWithTheJournalsServiceSettings() throws Exception {
        assertEquals(0, f.run("service", "start").exit());
        ChildR58ctl.killAt(tmp.resolve("child"), "reset:done", "--config", f.config.toString(), "rollback",
                "--last-good", "--yes");
        assertEquals(f.scenario.good, GitRepos.head(f.repo()));
        RollbackJournal open = Rollback.interrupted(state.resolve("rollback")).orElseThrow();
        assertEquals("process", open.plan().serviceManager());
        assertEquals(state.resolve("service").toString(), open.plan().serviceDir());
        breakConfig();

        // the same journal as an older r58ctl wrote it: it does not say how to run the service
        String journal = Files.readString(open.file());
        List<String> lines = new ArrayList<>(journal.lines().toList());
        ObjectNode first = (ObjectNode) JSON.readTree(lines.get(0));
        ((ObjectNode) first.get("plan")).remove(List.of("service_manager", "service_command", "service_work_dir",
                "service_dir"));
        lines.set(0, JSON.writeValueAsString(first));
        String older = String.join("\n", lines) + "\n";
        Files.writeString(open.file(), older);
        CliRun refused = f.run("rollback", "--finish", "--yes", "--state-dir", state.toString());
        assertEquals(1, refused.exit(), refused.toString());
        assertWarnedFirst(refused);
        List<String> err = refused.err().lines().toList();
        assertEquals(2, err.size(), refused.err());
        assertEquals("r58ctl: the journal of rollback " + open.id() + " does not say how to run recorder-standin (an "
                + "older r58ctl wrote it) and the configuration cannot be read: fix the configuration, or add "
                + "--no-restart to leave the service alone (nothing changed)", err.get(1));
        assertEquals(older, Files.readString(open.file()));
        assertFalse(standInRunning(), "still stopped");

        Files.writeString(open.file(), journal);
        CliRun finish = f.run("rollback", "--finish", "--yes", "--state-dir", state.toString());
        assertEquals(0, finish.exit(), finish.toString());
        assertWarnedFirst(finish);
        assertEquals(1, finish.err().lines().count(), finish.err());
        assertTrue(finish.out().contains("  ok  start-service"), finish.out());
        assertFalse(finish.out().contains("  ok  reset"), "the reset is not done twice: " + finish.out());
        assertTrue(finish.out().contains("; service healthy\n"), finish.out());
        assertEquals(f.scenario.good, GitRepos.head(f.repo()));
        assertTrue(healthy());
        assertFalse(Rollback.interrupted(state.resolve("rollback")).isPresent());
    }

    @Test
    void undoWorksFromTheJournalWithTheConfigurationBroken() throws Exception {
        Map<String, byte[]> before = GitRepos.files(f.repo());
        CliRun rolled = f.run("rollback", "--last-good", "--yes");
        assertEquals(0, rolled.exit(), rolled.toString());
        assertTrue(healthy());
        breakConfig();

        CliRun undo = f.run("rollback", "--undo", "--yes", "--state-dir", state.toString());
        assertEquals(1, undo.exit(), "back at B the stand-in reports degraded: " + undo);
        assertWarnedFirst(undo);
        assertTrue(undo.out().contains("  ok  start-service"), undo.out());
        assertTrue(undo.out().contains("NOT healthy: HTTP 200, status \"degraded\""), undo.out());
        assertEquals(f.scenario.migrated, GitRepos.head(f.repo()));
        Map<String, byte[]> after = GitRepos.files(f.repo());
        assertEquals(before.keySet(), after.keySet());
        before.forEach((k, v) -> assertArrayEquals(v, after.get(k), k));

        // other modes still need the configuration
        CliRun to = f.run("rollback", "--last-good", "--yes", "--state-dir", state.toString());
        assertEquals(2, to.exit(), to.toString());
        assertTrue(to.err().startsWith("r58ctl: " + f.config + ":"), to.err());
    }

    /** Whether the stand-in runs, asked through its pid file without the configuration. */
    private boolean standInRunning() {
        return new ProcessService("recorder-standin", List.of("/bin/true"), f.repo(), state.resolve("service"))
                .status().running();
    }
}
