package dev.r58ctl.checklist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.r58ctl.R58Exception;
import dev.r58ctl.config.ChecklistFile;
import dev.r58ctl.config.Config;
import dev.r58ctl.testsupport.TestConfigs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The checklist: section (defaults, values, file:line:key errors) and checklist files (built-in, bad lines). */
class ChecklistConfigTest {
    @TempDir
    Path tmp;

    private String fails(String yaml) {
        R58Exception e = assertThrows(R58Exception.class, () -> TestConfigs.load(tmp, yaml));
        assertEquals(R58Exception.BAD_INPUT, e.exitCode());
        return e.getMessage();
    }

    @Test
    void defaultsFollowTheSeed() {
        Config c = TestConfigs.load(tmp, "recorder: {config: null}\nstate_dir: " + tmp.resolve("state") + "\n");
        Config.ChecklistSettings s = c.checklist();
        assertEquals(new Config.ChecklistSettings(null, "mpph265enc", "x264enc",
                tmp.resolve("state/patches/h265_migration_changes.patch"), "Migrate to H.265 hardware encoding",
                "http://127.0.0.1:8888/r58ctl_test/", Duration.ofSeconds(30), Duration.ofMinutes(5),
                Duration.ofSeconds(10), Duration.ofHours(1), Duration.ofHours(24)), s);
        assertEquals("mpph265enc gop=30 rc-mode=cbr", Decision.targetKey(c));
    }

    @Test
    void valuesAndBadValuesNameFileLineAndKey() throws Exception {
        Path list = Files.writeString(tmp.resolve("mine.yml"),
                "steps: [{id: a, title: A, kind: manual, branch: tests}]\n");
        Config c = TestConfigs.load(tmp, "recorder: {config: null}\nchecklist:\n  file: " + list + "\n"
                + "  target_encoder: x265enc\n  durations: {encode: 2s, watch: 3s, monitor: 4s}\n");
        assertEquals(list, c.checklist().file());
        assertEquals("x265enc", c.checklist().targetEncoder());
        assertEquals(Duration.ofSeconds(4), c.checklist().monitor());
        String file = tmp.resolve("config.yml").toString();
        assertEquals(file + ":3: checklist.target_encoder: unknown encoder \"nvenc\"; expected one of x264enc, "
                + "x265enc, mpph264enc, mpph265enc",
                fails("recorder: {config: null}\nchecklist:\n  target_encoder: nvenc\n"));
        assertEquals(file + ":3: checklist.durations.monitor: expected a duration such as 30s, 5m or 1h, got \"long\"",
                fails("recorder: {config: null}\nchecklist:\n  durations: {monitor: long}\n"));
        assertEquals(file + ":3: checklist.file: no such checklist file /nope.yml",
                fails("recorder: {config: null}\nchecklist:\n  file: /nope.yml\n"));
        assertTrue(fails("recorder: {config: null}\nchecklist:\n  steps: []\n").startsWith(
                file + ":3: checklist.steps: unknown key; allowed here: file, target_encoder"));
    }

    @Test
    void theBuiltInChecklistHoldsTheSeedsStepsAndEveryOperation() {
        ChecklistFile.Checklist c = ChecklistFile.read(null, StepOperation.vocabulary());
        assertEquals("built-in checklist", c.source());
        assertEquals(22, c.steps().size());
        for (StepOperation o : StepOperation.values()) {
            assertTrue(c.steps().stream().anyMatch(s -> o.key().equals(s.operation())), o.key());
        }
        assertEquals("Commit with message: \"Migrate to H.265 hardware encoding\"", c.step("patch-commit").title());
        assertEquals("stable", c.step("patch-apply").gate());
    }

    @Test
    void badChecklistLinesAreOneLineWithFileLineAndKey() throws Exception {
        List<List<String>> cases = List.of(
                List.of("steps:\n  - {id: a, title: A, kind: action, branch: tests, operation: frobnicate}\n",
                        ":2: steps[0].operation: unknown operation \"frobnicate\"; expected one of test-encode, "
                                + "verify-output, kernel-clean"),
                List.of("steps:\n  - {title: A, kind: manual, branch: tests}\n",
                        ":2: steps[0]: id: required (a step has id, title, kind, branch, and gate, operation)"),
                List.of("steps:\n  - {id: a, title: A, kind: manual, branch: tests}\n"
                        + "  - {id: b, title: B, kind: manual, "
                        + "branch: tests}\n  - {id: a, title: C, kind: manual, branch: stable}\n",
                        ":4: steps[2].id: duplicate step id \"a\" (first at line 2)"),
                List.of("steps:\n  - {id: a, title: A, kind: chore, branch: tests}\n",
                        ":2: steps[0].kind: expected action, check, manual, got \"chore\""),
                List.of("steps:\n  - {id: a, title: A, kind: check, branch: tests, operation: deploy}\n",
                        ":2: steps[0].operation: deploy is an action step, not check"),
                List.of("steps:\n  - {id: a, title: A, kind: action, branch: tests}\n",
                        ":2: steps[0]: operation: required for an action step (manual steps may go without)"),
                List.of("steps:\n  - {id: a, title: A, kind: manual, branch: sideways}\n",
                        ":2: steps[0].branch: expected tests, stable, unstable, got \"sideways\""));
        for (List<String> c : cases) {
            Path f = Files.writeString(tmp.resolve("list.yml"), c.get(0));
            R58Exception e = assertThrows(R58Exception.class, () -> ChecklistFile.read(f, StepOperation.vocabulary()));
            assertEquals(R58Exception.BAD_INPUT, e.exitCode());
            assertTrue(e.getMessage().startsWith(f + c.get(1)), e.getMessage());
            assertEquals(1, e.getMessage().lines().count());
        }
    }
}
