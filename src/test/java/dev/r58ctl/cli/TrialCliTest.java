package dev.r58ctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.r58ctl.testsupport.GitRepos;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** trial arm, status, commit and abort through the command line, against a real repository. */
class TrialCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void armingWithoutAKnownGoodMarkIsRefusedInOneLine() {
        GuardFixture f = new GuardFixture(tmp, 2);
        f.unmarkAll();
        CliRun r = f.run("trial", "arm");
        assertEquals(1, r.exit(), r.toString());
        assertEquals("r58ctl: no known-good mark to return to: mark one with `r58ctl repo mark-good` or give "
                + "--rollback-to REF (nothing armed)\n", r.err());
        assertEquals("", r.out());
        assertFalse(Files.exists(f.state.resolve("guard/trial.json")));
        assertEquals("no trial armed\n", f.run("trial", "status").out());
        CliRun explicit = f.run("trial", "arm", "--rollback-to", "HEAD~1", "--max-boots", "3", "--window", "2h");
        assertEquals(0, explicit.exit(), explicit.toString());
        assertTrue(explicit.out().contains("(HEAD~1) after a panic or Oops, after 3 boots or 2h"), explicit.out());
    }

    @Test
    void armRecordsTheTrialAndCommitMarksItGoodAndDisarms() throws Exception {
        GuardFixture f = new GuardFixture(tmp, 2);
        assertEquals(0, f.run("trial", "arm").exit());
        CliRun twice = f.run("trial", "arm");
        assertEquals(1, twice.exit());
        assertTrue(twice.err().startsWith("r58ctl: a trial of " + f.scenario.migrated.substring(0, 7)
                + " is already armed"), twice.err());
        JsonNode st = JSON.readTree(f.run("trial", "status", "--json").out());
        JsonNode trial = st.get("trial");
        assertEquals(f.scenario.migrated, trial.get("under_test").asText());
        assertEquals(f.scenario.good, trial.get("return_to").asText());
        assertEquals("boot-0", trial.get("armed_boot").asText());
        assertEquals(86400, trial.get("window_seconds").asLong());
        assertEquals(2, trial.get("max_boots").asInt());
        assertTrue(st.get("last").isNull());
        assertFalse(Files.exists(f.state.resolve("guard/trial.json.tmp")));

        String tree = GitRepos.hashTree(f.repo());
        CliRun c = f.run("trial", "commit");
        assertEquals(0, c.exit(), c.toString());
        assertTrue(c.out().startsWith("committed: " + f.scenario.migrated.substring(0, 7)), c.out());
        assertTrue(c.out().endsWith("; trial disarmed\n"), c.out());
        JsonNode log = JSON.readTree(f.run("repo", "log", "--json").out());
        assertTrue(log.toString().contains(f.scenario.migrated), log.toString());
        assertEquals("no trial armed\n", f.run("trial", "status").out());
        assertEquals(tree, GitRepos.hashTree(f.repo()));
        // the new mark is what the next trial returns to
        CliRun next = f.run("trial", "arm", "--json");
        assertEquals(f.scenario.migrated, JSON.readTree(next.out()).get("return_to").asText());
        CliRun a = f.run("trial", "abort");
        assertEquals(0, a.exit(), a.toString());
        assertEquals("no trial armed\n", f.run("trial", "status").out());
        CliRun none = f.run("trial", "commit");
        assertEquals(1, none.exit());
        assertEquals("r58ctl: no trial is armed (`r58ctl trial arm` arms one)\n", none.err());
        assertEquals(f.scenario.migrated, GitRepos.head(f.repo()));
    }
}
