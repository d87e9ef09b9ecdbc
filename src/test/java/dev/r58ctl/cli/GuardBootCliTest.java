package dev.r58ctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.r58ctl.kernel.JournalEntry;
import dev.r58ctl.kernel.Severity;
import dev.r58ctl.testsupport.GitRepos;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The panic-safe trial end to end through the command line: B (the migration) is armed with A as the good mark, boots
 * are simulated, and guard boot rolls back to A (stand-in healthy) after an Oops or too many boots, and changes
 * nothing after clean boots inside the window.
 */
class GuardBootCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;
    GuardFixture f;

    @AfterEach
    void tearDown() {
        if (f != null) {
            f.stopService();
        }
    }

    private void arm() {
        CliRun armed = f.arm();
        assertTrue(armed.out().startsWith("armed: trial of " + f.scenario.migrated.substring(0, 7) + ", returns to "
                + f.scenario.good.substring(0, 7) + " (r58ctl/good/"), armed.out());
    }

    @Test
    void oopsInThePreviousBootRollsBackToTheGoodMarkHealthy() throws Exception {
        f = new GuardFixture(tmp, 2);
        arm();
        f.reboot(GuardFixture.CLEAN, GuardFixture.OOPS, GuardFixture.CODE);
        CliRun g = f.run("guard", "boot");
        assertEquals(0, g.exit(), g.toString());
        assertTrue(g.out().startsWith("rolled back from " + f.scenario.migrated.substring(0, 7) + " to "
                + f.scenario.good.substring(0, 7)), g.out());
        assertTrue(g.out().contains("kernel panic or Oops; service healthy\n"), g.out());
        assertTrue(g.out().contains("\n  Internal error: Oops: 0000000096000005 [#29] SMP\n"), g.out());
        assertEquals(f.scenario.good, GitRepos.head(f.repo()));
        assertEquals(0, f.run("health").exit());

        JsonNode last = JSON.readTree(f.state.resolve("guard/last.json").toFile());
        assertEquals("rolled-back", last.get("action").asText());
        assertEquals("crash", last.get("reason").asText());
        assertEquals("ok", last.get("outcome").asText());
        assertEquals("boot-1", last.get("boot").asText());
        assertTrue(last.get("evidence").toString().contains("Internal error: Oops: 0000000096000005 [#29] SMP"), last.toString());

        CliRun status = f.run("trial", "status");
        assertEquals(0, status.exit(), status.toString());
        assertTrue(status.out().startsWith("guard rolled back from "), status.out());
        assertTrue(status.out().endsWith("no trial armed\n"), status.out());
        // the operator arriving after the crash reads it first, in this boot only
        CliRun board = f.run("status", "--cpu-window", "50");
        assertTrue(board.out().startsWith("BOOT GUARD at "), board.out());
        assertTrue(board.out().split("\n")[0].contains("rolled back from " + f.scenario.migrated.substring(0, 7)),
                board.out());
        CliRun boardJson = f.run("status", "--json", "--cpu-window", "50");
        assertEquals("crash", JSON.readTree(boardJson.out()).get("guard").get("reason").asText(), boardJson.out());

        // a second run in the same boot does nothing, although the previous boot's log still holds the Oops
        String tree = GitRepos.hashTree(f.repo());
        CliRun again = f.run("guard", "boot", "--json");
        assertEquals(0, again.exit(), again.toString());
        assertEquals("nothing", JSON.readTree(again.out()).get("action").asText());
        assertEquals(f.scenario.good, GitRepos.head(f.repo()));
        assertEquals(tree, GitRepos.hashTree(f.repo()));
        assertTrue(f.run("status", "--cpu-window", "50").out().startsWith("BOOT GUARD at "), "still this boot");

        f.reboot(GuardFixture.CLEAN);
        CliRun later = f.run("status", "--cpu-window", "50");
        assertFalse(later.out().contains("BOOT GUARD"), "a later boot is not told again: " + later.out());
    }

    @Test
    void cleanBootsInsideTheWindowChangeNothing() {
        f = new GuardFixture(tmp, 2);
        String head = GitRepos.head(f.repo());
        String tree = GitRepos.hashTree(f.repo());
        arm();
        for (int boot = 1; boot <= 2; boot++) {
            f.reboot();
            long t0 = System.nanoTime();
            CliRun g = f.run("guard", "boot");
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertEquals(0, g.exit(), g.toString());
            assertEquals("trial of " + head.substring(0, 7) + ": boot " + boot + " of 2 since arming, previous boot "
                    + "clean; nothing changed\n", g.out());
            assertTrue(ms < 1000, ms + " ms");
        }
        assertEquals(head, GitRepos.head(f.repo()));
        assertEquals(tree, GitRepos.hashTree(f.repo()));
        assertFalse(Files.exists(f.state.resolve("guard/last.json")));
        CliRun status = f.run("trial", "status");
        assertTrue(status.out().startsWith("armed: trial of " + head.substring(0, 7)), status.out());
        assertTrue(status.out().contains("  boots        2 of 2 since arming\n"), status.out());
    }

    @Test
    void moreThanMaxBootsRollsBack() throws Exception {
        f = new GuardFixture(tmp, 2);
        arm();
        for (int boot = 1; boot <= 2; boot++) {
            f.reboot();
            assertEquals(0, f.run("guard", "boot").exit());
            assertEquals(f.scenario.migrated, GitRepos.head(f.repo()));
        }
        f.reboot();
        CliRun g = f.run("guard", "boot", "--json");
        assertEquals(0, g.exit(), g.toString());
        JsonNode doc = JSON.readTree(g.out());
        assertEquals("rolled-back", doc.get("action").asText());
        assertEquals("boots", doc.get("reason").asText());
        assertEquals("ok", doc.get("outcome").asText());
        assertEquals(3, doc.get("evidence").size());
        assertEquals(f.scenario.good, GitRepos.head(f.repo()));
        assertEquals(0, f.run("health").exit());
        assertTrue(f.run("trial", "status").out().startsWith("guard rolled back "));
    }

    @Test
    void aCriticalLineInOwnIncidentJournalFromTheArmedBootRollsBack() throws Exception {
        f = new GuardFixture(tmp, 2);
        arm();
        Path journal = f.state.resolve("kernel/incidents.jsonl");
        Files.createDirectories(journal.getParent());
        Files.writeString(journal, JSON.writeValueAsString(new JournalEntry(Instant.now().toString(), "boot-0", 7,
                494_442_336, Severity.CRITICAL, "oops", "K7", "Internal error: Oops: 0000000096000005 [#29] SMP")) + "\n");
        f.reboot(); // the previous boot's log is clean (as when the journal lost it): r58ctl's own journal tells
        CliRun g = f.run("guard", "boot");
        assertEquals(0, g.exit(), g.toString());
        assertTrue(g.out().contains("  Internal error: Oops: 0000000096000005 [#29] SMP\n"), g.out());
        assertEquals(f.scenario.good, GitRepos.head(f.repo()));
    }

    @Test
    void guardInTheBootItWasArmedInOrTwiceInOneBootDoesNothing() {
        f = new GuardFixture(tmp, 2);
        assertEquals("no trial armed; nothing to do\n", f.run("guard", "boot").out());
        arm();
        String tree = GitRepos.hashTree(f.repo());
        CliRun same = f.run("guard", "boot");
        assertEquals(0, same.exit(), same.toString());
        assertEquals("boot boot-0 already checked; nothing to do\n", same.out());
        f.reboot();
        assertEquals(0, f.run("guard", "boot").exit());
        // the Oops appears only now: a second run in the same boot must not count the boot again nor act
        GuardFixture.write(f.previousBoot, GuardFixture.OOPS + "\n");
        CliRun twice = f.run("guard", "boot");
        assertEquals(0, twice.exit(), twice.toString());
        assertEquals("boot boot-1 already checked; nothing to do\n", twice.out());
        assertEquals(f.scenario.migrated, GitRepos.head(f.repo()));
        assertEquals(tree, GitRepos.hashTree(f.repo()));
        assertTrue(f.run("trial", "status").out().contains("  boots        1 of 2 since arming\n"));
    }

    @Test
    void aWindowPassedWithoutACommitRollsBackAtTheNextBoot() throws Exception {
        f = new GuardFixture(tmp, 5);
        assertEquals(0, f.run("trial", "arm", "--window", "1s").exit());
        Thread.sleep(1200);
        f.reboot();
        CliRun g = f.run("guard", "boot", "--json");
        assertEquals(0, g.exit(), g.toString());
        assertEquals("window", JSON.readTree(g.out()).get("reason").asText());
        assertEquals(f.scenario.good, GitRepos.head(f.repo()));
    }

    @Test
    void aRollbackThatDoesNotEndHealthyExitsOneAndIsRecorded() throws Exception {
        f = new GuardFixture(tmp, 2);
        // the commit to return to is B, where the stand-in reports "degraded"; C on top of it is under test
        GitRepos.write(f.repo(), "notes/trial.txt", "trial\n");
        GitRepos.git(f.repo(), "add", "notes/trial.txt");
        GitRepos.git(f.repo(), "commit", "-q", "-m", "Trial commit");
        assertEquals(0, f.run("trial", "arm", "--rollback-to", f.scenario.migrated).exit());
        f.reboot(GuardFixture.OOPS);
        CliRun g = f.run("guard", "boot");
        assertEquals(1, g.exit(), g.toString());
        assertTrue(g.out().contains("; service NOT healthy: HTTP 200, status \"degraded\""), g.out());
        assertEquals(f.scenario.migrated, GitRepos.head(f.repo()));
        JsonNode last = JSON.readTree(f.state.resolve("guard/last.json").toFile());
        assertEquals("unhealthy", last.get("outcome").asText());
        assertTrue(f.run("trial", "status").out().startsWith("guard rolled back from "));
    }
}
