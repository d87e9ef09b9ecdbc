package dev.r58ctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.r58ctl.testsupport.GitRepos;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seed's "DO NOT PROCEED until the stability tests pass": a migration step is refused in one line naming the
 * gate while the matrix does not say STABLE, with nothing changed; --force needs --yes without a console and is
 * recorded as forced. Manual and bad input: done refuses actions, a bad checklist file is one line with exit 2.
 */
class ChecklistGateCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> TESTS = List.of("test-encode", "verify-output", "kernel-clean", "test-soak",
            "cpu-report", "test-push", "verify-stream", "system-stable");

    @TempDir
    Path tmp;

    @Test
    void theGateRefusesUntilTheMatrixSaysStableAndForceIsRecorded() throws Exception {
        ChecklistFixture f = new ChecklistFixture(tmp).configure(null, "");
        for (String id : TESTS) {
            CliRun r = f.run("checklist", "skip", id, "--reason", "rtspclientsink missing on the board");
            assertEquals(0, r.exit(), r.toString());
        }
        byte[] before = Files.readAllBytes(f.state.resolve("checklist/current.json"));
        CliRun refused = f.run("checklist", "next", "--yes");
        assertEquals(1, refused.exit());
        assertEquals("", refused.out());
        assertEquals("r58ctl: gate \"stability tests pass\": patch-apply is refused while the stability matrix says "
                + "UNTESTED for x265enc key-int-max=30 speed-preset=ultrafast tune=zerolatency (no runs and no "
                + "evidence "
                + "for x265enc key-int-max=30 speed-preset=ultrafast tune=zerolatency); DO NOT PROCEED until the "
                + "stability tests pass (--force overrides it, asks twice and is recorded)\n", refused.err());
        assertEquals(1, refused.err().lines().count());
        assertEquals(f.good, GitRepos.head(f.repo));
        assertEquals("", GitRepos.git(f.repo, "status", "--porcelain"));
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(f.state.resolve("checklist/current.json"))));

        CliRun noConsole = f.run("checklist", "next", "--force");
        assertEquals(1, noConsole.exit());
        assertEquals("r58ctl: --force without a console needs --force --yes (nothing changed)\n", noConsole.err());

        CliRun forced = f.run("checklist", "next", "--force", "--yes");
        assertEquals(0, forced.exit(), forced.toString());
        assertTrue(forced.out().startsWith("step patch-apply: Apply changes from h265_migration_changes.patch "
                + "(FORCED past its gate)\n"), forced.out());
        assertTrue(forced.out().contains(", FORCED past its gate"), forced.out());
        JsonNode rec = ChecklistFixture.step(f.show(), "patch-apply").get("record");
        assertTrue(rec.get("forced").asBoolean());
        assertEquals("done", rec.get("state").asText());
        assertEquals("M  src/pipelines.py", GitRepos.git(f.repo, "status", "--porcelain").stripTrailing(),
                "applied, in the index, not committed");

        // patch-commit done, then as if r58ctl had been killed after the commit and before its record: running,
        // with a pid that no longer runs; the retry sees HEAD is the migration already
        assertEquals(0, f.run("checklist", "next", "--force", "--yes").exit());
        String head = GitRepos.head(f.repo);
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Path current = f.state.resolve("checklist/current.json");
        ObjectNode doc = (ObjectNode) JSON.readTree(current.toFile());
        for (JsonNode st : doc.get("steps")) {
            if (st.get("id").asText().equals("patch-commit")) {
                ((ObjectNode) st).put("state", "running").put("pid", gone.pid()).put("boot", "boot-a")
                        .remove(List.of("endedAt", "processStart"));
            }
        }
        Files.write(current, JSON.writeValueAsBytes(doc));
        assertEquals("interrupted", ChecklistFixture.step(f.show(), "patch-commit").get("state").asText());
        CliRun retry = f.run("checklist", "next", "--force", "--yes");
        assertEquals(0, retry.exit(), retry.toString());
        assertTrue(retry.out().contains("already done: HEAD " + head.substring(0, 7) + " is \"Migrate to H.265 "
                + "hardware encoding\""), retry.out());
        assertEquals(head, GitRepos.head(f.repo), "not committed twice");

        JsonNode skipped = ChecklistFixture.step(f.show(), "test-push").get("record");
        assertEquals("rtspclientsink missing on the board", skipped.get("note").asText());
        assertEquals("skipped", skipped.get("state").asText());
        assertFalse(skipped.get("forced").asBoolean());
    }

    @Test
    void badInputIsOneLineWithExit2() throws Exception {
        Path list = ChecklistFixture.write(tmp.resolve("my-checklist.yml"),
                "steps:\n  - {id: a, title: A, kind: manual, branch: tests}\n"
                        + "  - {id: b, title: B, kind: action, branch: tests, operation: reboot-board}\n");
        ChecklistFixture f = new ChecklistFixture(tmp).configure(null, "  file: " + list + "\n");
        for (List<String> args : List.of(List.of("checklist"), List.of("checklist", "next", "--yes"))) {
            CliRun r = f.run(args.toArray(String[]::new));
            assertEquals(2, r.exit(), r.toString());
            assertTrue(r.err().startsWith("r58ctl: " + list + ":3: steps[1].operation: unknown operation "
                    + "\"reboot-board\"; expected one of test-encode, "), r.err());
            assertEquals(1, r.err().lines().count());
        }
        assertFalse(Files.exists(f.state.resolve("checklist/current.json")), "nothing changed");
        Files.writeString(list, "steps:\n  - {id: a, title: A, kind: manual, branch: tests}\n");
        CliRun unknown = f.run("checklist", "skip", "zz", "--reason", "x");
        assertEquals(2, unknown.exit());
        assertEquals("r58ctl: no step \"zz\" in the " + list + "; steps: a\n", unknown.err());
        CliRun noNote = f.run("checklist", "done", "a");
        assertEquals(2, noNote.exit());
        assertTrue(noNote.err().startsWith("r58ctl: Missing required option: '--note=TEXT'"), noNote.err());
        assertEquals(0, f.run("checklist", "done", "a", "--note", "seen").exit());
        assertEquals("the checklist is complete (`r58ctl checklist reset --yes` starts a new walk)\n",
                f.run("checklist", "next").out());
        CliRun reset = f.run("checklist", "reset");
        assertEquals(1, reset.exit());
        assertEquals("r58ctl: not confirmed: add --yes to move the current walk to history (nothing changed)\n",
                reset.err());
    }
}
