package dev.r58ctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.r58ctl.repo.RollbackJournal;
import dev.r58ctl.testsupport.GitRepos;
import dev.r58ctl.testsupport.StandIn;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The boot guard acts on its trial record: with r58ctl's own configuration file broken after arming, with the
 * recorder's config.yml in the checkout broken, and with a configuration that changed since; a record of the
 * previous version (without the recorded settings) still works from the configuration.
 */
class GuardRecordCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The keys arming records beside the trial, so the guard needs no configuration. */
    private static final List<String> RECORDED = List.of("repo", "service", "service_manager", "service_command",
            "service_dir", "service_work_dir", "health_url", "health_timeout_ms", "kernel_log_source",
            "kernel_log_previous_boot", "kernel_log_boot_id_file", "kernel_log_patterns");

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
        f.arm();
    }

    private Path trialFile() {
        return f.state.resolve("guard/trial.json");
    }

    @Test
    void armingRecordsEverythingTheGuardActsOn() throws Exception {
        f = new GuardFixture(tmp, 2);
        arm();
        JsonNode t = JSON.readTree(trialFile().toFile());
        assertEquals(f.repo().toString(), t.get("repo").asText());
        assertEquals("recorder-standin", t.get("service").asText());
        assertEquals("process", t.get("service_manager").asText());
        assertEquals(StandIn.PYTHON, t.get("service_command").get(0).asText());
        assertEquals(3, t.get("service_command").size());
        assertEquals(f.state.resolve("service").toString(), t.get("service_dir").asText());
        assertEquals(f.repo().toString(), t.get("service_work_dir").asText());
        assertEquals(f.healthUrl, t.get("health_url").asText());
        assertEquals(10000, t.get("health_timeout_ms").asLong());
        assertEquals("file:" + tmp.resolve("kmsg.log"), t.get("kernel_log_source").asText());
        assertEquals("file:" + f.previousBoot, t.get("kernel_log_previous_boot").asText());
        assertEquals(f.bootId.toString(), t.get("kernel_log_boot_id_file").asText());
        assertEquals(0, t.get("kernel_log_patterns").size());
        // the trial's own fields keep their names
        assertEquals(f.scenario.migrated, t.get("under_test").asText());
        assertEquals(f.scenario.good, t.get("return_to").asText());
    }

    @Test
    void ownConfigurationBrokenAfterArmingTheGuardRollsBackFromTheRecord() throws Exception {
        f = new GuardFixture(tmp, 2);
        arm();
        Files.writeString(f.config, Files.readString(f.config) + "broken: [\n");
        f.reboot(GuardFixture.CLEAN, GuardFixture.OOPS, GuardFixture.CODE);

        // as the unit runs it: a fresh JVM through the launcher's entry, the state directory given
        CliRun g = ChildR58ctl.run(tmp.resolve("child"), "--config", f.config.toString(), "guard", "boot",
                "--state-dir", f.state.toString());
        assertEquals(0, g.exit(), g.toString());
        List<String> lines = g.out().lines().toList();
        assertTrue(lines.get(0).startsWith("rolled back from " + f.scenario.migrated.substring(0, 7) + " to "
                + f.scenario.good.substring(0, 7)), g.out());
        assertTrue(lines.get(0).endsWith("kernel panic or Oops; service healthy"), g.out());
        assertTrue(lines.get(1).startsWith("configuration: " + f.config + ":"), g.out());
        assertTrue(lines.get(1).contains("not valid YAML"), g.out());
        assertTrue(lines.get(1).endsWith("; acted on the trial record"), g.out());
        assertTrue(g.out().contains("\n  Internal error: Oops: 0000000096000005 [#29] SMP\n"), g.out());
        assertEquals("", g.err());
        assertEquals(f.scenario.good, GitRepos.head(f.repo()));
        assertTrue(f.healthy());
        assertFalse(Files.exists(trialFile()));

        JsonNode last = JSON.readTree(f.state.resolve("guard/last.json").toFile());
        assertEquals("ok", last.get("outcome").asText());
        assertTrue(last.get("config_problem").asText().startsWith(f.config + ":"), last.toString());
        String log = Files.readString(f.state.resolve("r58ctl.log"));
        assertTrue(log.contains("acting on the trial record"), "logged in the state directory: " + log);

        // --json names the problem too; in the same boot there is nothing left to do
        CliRun again = f.run("guard", "boot", "--json", "--state-dir", f.state.toString());
        assertEquals(0, again.exit(), again.toString());
        JsonNode doc = JSON.readTree(again.out());
        assertEquals("nothing", doc.get("action").asText());
        assertTrue(doc.get("config_problem").asText().contains("not valid YAML"), again.out());
    }

    @Test
    void recordersConfigBrokenInTheCheckoutTheGuardStillRollsBack() throws Exception {
        f = new GuardFixture(tmp, 2, true);
        arm();
        // the migration's hand edit left the recorder's own file unreadable (uncommitted, so the backup keeps it)
        Files.writeString(f.repo().resolve("config.yml"), "cameras: [\n");
        f.reboot(GuardFixture.OOPS, GuardFixture.CODE);

        CliRun g = f.run("guard", "boot", "--json", "--state-dir", f.state.toString());
        assertEquals(0, g.exit(), g.toString());
        JsonNode doc = JSON.readTree(g.out());
        assertEquals("rolled-back", doc.get("action").asText(), g.out());
        assertEquals("crash", doc.get("reason").asText());
        assertEquals("ok", doc.get("outcome").asText());
        // a strict loader fails on the recorder's file, a lenient one does not: either way the guard acted
        JsonNode problem = doc.get("config_problem");
        assertTrue(problem.isNull() || problem.asText().startsWith(f.repo().resolve("config.yml") + ":"), g.out());
        assertEquals(f.scenario.good, GitRepos.head(f.repo()));
        assertTrue(f.healthy());
        // the broken edit is not lost: the rollback saved it with the rest of the uncommitted work
        String id = RollbackJournal.latest(f.state.resolve("rollback")).orElseThrow().id();
        assertTrue(GitRepos.git(f.repo(), "show", "refs/r58ctl/backup/" + id + "/wip:config.yml")
                .startsWith("cameras: ["), id);
    }

    @Test
    void aRecordOfThePreviousVersionStillWorksFromTheConfiguration() throws Exception {
        f = new GuardFixture(tmp, 2);
        arm();
        ObjectNode t = (ObjectNode) JSON.readTree(trialFile().toFile());
        t.remove(RECORDED);
        Files.writeString(trialFile(), JSON.writeValueAsString(t));
        f.reboot(GuardFixture.OOPS);

        CliRun g = f.run("guard", "boot");
        assertEquals(0, g.exit(), g.toString());
        assertTrue(g.out().startsWith("rolled back from " + f.scenario.migrated.substring(0, 7)), g.out());
        assertTrue(g.out().contains("; service healthy\n"), g.out());
        assertFalse(g.out().contains("configuration:"), g.out());
        assertEquals(f.scenario.good, GitRepos.head(f.repo()));
        assertTrue(f.healthy());
        assertNull(JSON.readTree(f.state.resolve("guard/last.json").toFile()).get("config_problem").textValue());
    }

    @Test
    void aRecordOfThePreviousVersionWithABrokenConfigurationIsOneLineAndChangesNothing() throws Exception {
        f = new GuardFixture(tmp, 2);
        arm();
        ObjectNode t = (ObjectNode) JSON.readTree(trialFile().toFile());
        t.remove(RECORDED);
        Files.writeString(trialFile(), JSON.writeValueAsString(t));
        String record = Files.readString(trialFile());
        Files.writeString(f.config, Files.readString(f.config) + "broken: [\n");
        f.reboot(GuardFixture.OOPS);
        String tree = GitRepos.hashTree(f.repo());

        CliRun g = f.run("guard", "boot", "--state-dir", f.state.toString());
        assertEquals(1, g.exit(), g.toString());
        assertEquals("", g.out());
        assertEquals(1, g.err().lines().count(), g.err());
        assertTrue(g.err().startsWith("r58ctl: guard: the trial record " + trialFile() + " was written by an older "
                + "r58ctl and holds no recorder settings, and the configuration cannot be read (" + f.config + ":"),
                g.err());
        assertTrue(g.err().endsWith("(nothing changed)\n"), g.err());
        assertEquals(f.scenario.migrated, GitRepos.head(f.repo()));
        assertEquals(tree, GitRepos.hashTree(f.repo()));
        assertEquals(record, Files.readString(trialFile()));
    }

    @Test
    void theRecordWinsOverAConfigurationChangedSinceArming() throws Exception {
        f = new GuardFixture(tmp, 2);
        arm();
        // by boot time the configuration names a program that does not exist: the record's command is used
        Files.writeString(f.config, Files.readString(f.config).replace("service_command: [" + StandIn.PYTHON,
                "service_command: [/nonexistent/python3"));
        assertTrue(Files.readString(f.config).contains("/nonexistent/python3"));
        f.reboot(GuardFixture.OOPS);

        CliRun g = f.run("guard", "boot");
        assertEquals(0, g.exit(), g.toString());
        assertTrue(g.out().contains("; service healthy\n"), g.out());
        assertEquals(f.scenario.good, GitRepos.head(f.repo()));
        assertTrue(f.healthy());
    }
}
