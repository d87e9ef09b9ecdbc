package dev.r58ctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.r58ctl.repo.Scenario;
import dev.r58ctl.testsupport.GitRepos;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The recorder's own config.yml in every shape it had, and broken ones, committed in the recorder's checkout: every
 * command of the incident path runs (exit 0 or 1, never a stack trace), and a command that needs one camera's
 * pipeline refuses that camera only, in one line naming the file, the line and the key.
 */
class RecorderCorpusCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;
    GuardFixture f;
    Path repo;
    Path config;
    Scenario scenario;

    @AfterEach
    void stopService() {
        if (f != null) {
            f.stopService();
        }
    }

    /** The checkout with the corpus file committed as its config.yml (or none, for "missing"), and r58ctl's file. */
    private void setUp(String name) throws IOException {
        f = new GuardFixture(tmp, 2, true);
        scenario = f.scenario;
        repo = f.repo();
        config = f.config;
        if (name.equals("missing")) {
            GitRepos.git(repo, "rm", "-q", "--ignore-unmatch", "config.yml");
            GitRepos.git(repo, "commit", "-q", "--allow-empty", "-m", "Recorder configuration removed");
        } else {
            try (InputStream in = getClass().getResourceAsStream("/recorder/" + name + ".yml")) {
                Files.write(repo.resolve("config.yml"), in.readAllBytes());
            }
            GitRepos.git(repo, "add", "config.yml");
            GitRepos.git(repo, "commit", "-q", "-m", "Recorder configuration (" + name + ")");
        }
        Files.writeString(tmp.resolve("kmsg.log"), "<6>[    1.000000] usb 1-1: new high-speed USB device\n");
    }

    /** A command of the incident path: runs whatever the recorder's file says. */
    private CliRun runs(String... args) {
        CliRun r = CliRun.with(config, args);
        assertTrue(r.exit() == 0 || r.exit() == 1, String.join(" ", args) + ": " + r);
        assertNoTrace(r, args);
        return r;
    }

    private static void assertNoTrace(CliRun r, String... args) {
        String all = r.out() + r.err();
        assertFalse(all.contains("internal error") || all.contains("Exception") || all.contains("\tat "),
                String.join(" ", args) + ": " + r);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2025-11", "2026-01", "not-yaml", "unknown-camera-key", "unknown-container", "empty",
            "missing"})
    void everyCommandOfTheIncidentPathRuns(String name) throws Exception {
        setUp(name);
        assertEquals(0, runs("service", "start").exit());
        CliRun check = CliRun.with(config, "config", "check");
        assertNoTrace(check, "config", "check");

        runs("repo", "log");
        runs("repo", "status");
        Path patch = tmp.resolve("migration.patch");
        Files.writeString(patch, GitRepos.git(repo, "diff", scenario.good, scenario.migrated));
        runs("patch", "check", patch.toString());
        runs("service", "status");
        runs("health");
        runs("kmsg");
        CliRun status = runs("status", "--cpu-window", "50");
        JsonNode statusJson = JSON.readTree(runs("status", "--json", "--cpu-window", "50").out());
        assertTrue(statusJson.get("disks").get("state").get("free_bytes").asLong() > 0, statusJson.toString());
        assertEquals(1, statusJson.get("disks").get("recordings").size(), "every camera records to one disk here");
        assertTrue(status.out().contains("\ndisk        state " + tmp.resolve("state") + ": "), status.out());
        runs("matrix");
        runs("checklist");
        runs("rollback", "--last-good", "--dry-run");
        assertEquals(0, runs("rollback", "--last-good", "--yes").exit(), "A is healthy");
        assertEquals(scenario.good, GitRepos.head(repo));
        runs("rollback", "--undo", "--yes");
        Path bundles = Files.createDirectories(tmp.resolve("bundles"));
        assertEquals(0, runs("bundle", "-o", bundles.toString()).exit());
        Map<String, String> archive;
        try (var files = Files.list(bundles)) {
            archive = BundleArchive.read(files.findFirst().orElseThrow());
        }
        if (!name.equals("missing")) {
            assertEquals(Files.readString(repo.resolve("config.yml")), archive.get("config/recorder-config.yml"),
                    "the bundle keeps the recorder's file as it is");
        }

        switch (name) {
            case "2025-11" -> {
                assertEquals(0, check.exit(), check.toString());
                assertNull(statusJson.get("recorder_file_warning").textValue());
                assertPipelines(List.of("cam0", "cam1", "cam2", "cam3"), List.of());
            }
            case "2026-01", "unknown-camera-key" -> {
                assertEquals(0, check.exit(), check.toString());
                assertTrue(check.out().contains("recording:   mov, fragment 1000 ms, min disk 10 GB, warning below 5 GB"),
                        check.out());
                assertTrue(status.out().contains("configured  cam1   disabled"), status.out());
                assertPipelines(List.of("cam0", "cam1", "cam2", "cam3"), List.of());
                CliRun show = CliRun.with(config, "pipeline", "show", "cam0");
                assertTrue(show.out().contains("qtmux"), show.out());
                assertTrue(show.out().contains("bitrate=18000"), "recording_bitrate: " + show.out());
            }
            case "unknown-container" -> {
                assertEquals(1, check.exit(), check.toString());
                String line = repo.resolve("config.yml") + ":83: cameras.cam2.output_path: container .xyz is not one "
                        + "r58ctl can record (.mkv, .mp4, .mov)";
                assertTrue(check.out().contains("PROBLEM:     cam2: container .xyz is not one r58ctl can record (.mkv, "
                        + ".mp4, .mov) (config.yml:83): pipeline commands unavailable for cam2"),
                        check.out());
                assertTrue(status.out().contains("configured  cam2   UNUSABLE: container .xyz"), status.out());
                JsonNode cam2 = statusJson.get("cameras").get(2);
                assertEquals("cam2", cam2.get("id").asText());
                assertFalse(cam2.get("usable").asBoolean());
                assertPipelines(List.of("cam0", "cam1", "cam3"), List.of("cam2"));
                CliRun refused = CliRun.with(config, "pipeline", "show", "cam2");
                assertEquals("r58ctl: " + line + ": pipeline commands unavailable for cam2\n", refused.err());
                CliRun test = CliRun.with(config, "test", "encode", "--camera", "cam2", "--duration", "1s");
                assertEquals(2, test.exit(), test.toString());
                assertEquals("r58ctl: " + line + ": pipeline commands unavailable for cam2\n", test.err());
            }
            default -> { // no camera could be read from the recorder's file: the built-in ones, and one warning
                assertEquals(1, check.exit(), check.toString());
                String warning = statusJson.get("recorder_file_warning").textValue();
                assertNotNull(warning, statusJson.toString());
                assertTrue(warning.startsWith("the recorder's file " + repo.resolve("config.yml")), warning);
                assertTrue(warning.endsWith("; cameras come from the built-in defaults"), warning);
                assertTrue(warning.contains(switch (name) {
                    case "not-yaml" -> "config.yml:98: not valid YAML";
                    case "empty" -> "config.yml:1: empty file";
                    default -> "config.yml: not found";
                }), warning);
                assertTrue(status.out().contains("WARNING     " + warning), status.out());
                assertTrue(check.out().contains("WARNING:     " + warning), check.out());
                assertPipelines(List.of("cam0", "cam1", "cam2", "cam3"), List.of());
            }
        }
        guardRollsBack();
    }

    /** The trial and the boot guard: an Oops in the next boot rolls back to the good mark, healthy. */
    private void guardRollsBack() throws IOException {
        f.arm();
        runs("trial", "status");
        f.reboot(GuardFixture.CLEAN, GuardFixture.OOPS, GuardFixture.CODE);
        CliRun guard = runs("guard", "boot");
        assertEquals(0, guard.exit(), guard.toString());
        assertEquals(scenario.good, GitRepos.head(repo));
    }

    private void assertPipelines(List<String> usable, List<String> refused) {
        List<String> shown = new ArrayList<>();
        for (String cam : List.of("cam0", "cam1", "cam2", "cam3")) {
            CliRun show = CliRun.with(config, "pipeline", "show", cam);
            assertNoTrace(show, "pipeline", "show", cam);
            if (show.exit() == 0) {
                shown.add(cam);
            } else {
                assertEquals(2, show.exit(), show.toString());
                assertTrue(show.err().startsWith("r58ctl: " + repo.resolve("config.yml") + ":"), show.toString());
                assertEquals(1, show.err().lines().count(), show.toString());
            }
        }
        assertEquals(usable, shown);
        assertEquals(refused, List.of("cam0", "cam1", "cam2", "cam3").stream().filter(c -> !shown.contains(c)).toList());
    }
}
