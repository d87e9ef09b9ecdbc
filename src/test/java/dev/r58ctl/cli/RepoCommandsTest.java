package dev.r58ctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.r58ctl.testsupport.GitRepos;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** repo log, repo status, repo mark-good and patch check/apply as an operator runs them: output and exit codes. */
class RepoCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;
    RepoFixture f;

    @BeforeEach
    void setUp() {
        f = new RepoFixture(tmp);
    }

    @Test
    void everyNewCommandHasHelp() {
        for (String[] cmd : new String[][] {{"repo", "log", "--help"}, {"repo", "status", "--help"},
                {"repo", "mark-good", "--help"}, {"patch", "check", "--help"}, {"patch", "apply", "--help"},
                {"rollback", "--help"}, {"service", "--help"}, {"service", "status", "--help"},
                {"service", "restart", "--help"}, {"health", "--help"}}) {
            CliRun r = CliRun.of(cmd);
            assertEquals(0, r.exit(), String.join(" ", cmd) + "\n" + r);
            assertTrue(r.out().startsWith("Usage: r58ctl " + cmd[0]), r.out());
        }
    }

    @Test
    void logShowsHeadAndTheGoodMark() throws Exception {
        CliRun r = f.run("repo", "log", "-n", "3");
        assertEquals(0, r.exit(), r.toString());
        String[] lines = r.out().split("\n");
        assertEquals(3, lines.length, r.out());
        assertEquals(f.scenario.migrated.substring(0, 7) + " (HEAD -> main) Migrate to H.265 hardware encoding", lines[0]);
        assertTrue(lines[1].startsWith(f.scenario.good.substring(0, 7) + " (origin/main, good "), lines[1]);
        JsonNode doc = JSON.readTree(f.run("repo", "log", "-n", "2", "--json").out());
        assertEquals(f.scenario.migrated, doc.get("commits").get(0).get("id").asText());
        assertEquals(2, doc.get("commits").size());
        assertEquals(2, f.run("repo", "log", "-n", "0").exit());
    }

    @Test
    void statusListsUncommittedChanges() throws Exception {
        f.scenario.dirty();
        CliRun r = f.run("repo", "status");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains("branch:    main\n"), r.out());
        assertTrue(r.out().contains("HEAD:      " + f.scenario.migrated.substring(0, 7)
                + " Migrate to H.265 hardware encoding\n"), r.out());
        assertTrue(r.out().contains("  modified        src/mixer/core.py\n"), r.out());
        assertTrue(r.out().contains("untracked: 2 (scratch.txt, src/transport/local-notes.txt)\n"), r.out());
        JsonNode doc = JSON.readTree(f.run("repo", "status", "--json").out());
        assertFalse(doc.get("status").get("clean").asBoolean());
        assertEquals(f.scenario.good, doc.get("last_good").get("commit").asText());
    }

    @Test
    void markGoodTagsTheCommit() {
        CliRun r = f.run("repo", "mark-good", "HEAD");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().startsWith("marked " + f.scenario.migrated.substring(0, 7)
                + " Migrate to H.265 hardware encoding as known good (r58ctl/good/"), r.out());
        assertTrue(GitRepos.git(f.repo(), "tag", "-l", "r58ctl/good/*").strip().split("\n").length == 2);
        CliRun bad = f.run("repo", "mark-good", "no-such-commit");
        assertEquals(2, bad.exit());
        assertEquals("r58ctl: unknown revision \"no-such-commit\" in " + f.repo() + "\n", bad.err());
    }

    @Test
    void aMissingRepositoryIsBadInput() throws Exception {
        Path cfg = dev.r58ctl.testsupport.TestConfigs.write(tmp.resolve("other"), "platform: generic\nstate_dir: "
                + tmp.resolve("s") + "\nrecorder: {config: null, repo: " + tmp.resolve("nowhere") + "}\n");
        CliRun r = CliRun.of("--config", cfg.toString(), "repo", "status");
        assertEquals(2, r.exit());
        assertEquals("r58ctl: " + tmp.resolve("nowhere") + ": no such directory (recorder.repo)\n", r.err());
    }

    @Test
    void patchCheckAndApplyWithTheSeedsMessage() throws Exception {
        GitRepos.git(f.repo(), "reset", "-q", "--hard", f.scenario.good);
        Path patch = tmp.resolve("migration.patch");
        java.nio.file.Files.writeString(patch, GitRepos.git(f.repo(), "diff", "-M", f.scenario.good, f.scenario.migrated));
        CliRun check = f.run("patch", "check", patch.toString());
        assertEquals(0, check.exit(), check.toString());
        assertTrue(check.out().contains("  modify  src/pipelines.py"), check.out());
        assertTrue(check.out().contains("  rename  lib/mod06/file0006.py -> lib/mod06/renamed0006.py"), check.out());
        assertTrue(check.out().endsWith(patch + ": applies to " + f.repo() + "\n"), check.out());
        JsonNode doc = JSON.readTree(f.run("patch", "check", patch.toString(), "--json").out());
        assertTrue(doc.get("applies").asBoolean());
        assertEquals(6, doc.get("files").size());

        CliRun apply = f.run("patch", "apply", patch.toString(), "--commit", "Migrate to H.265 hardware encoding");
        assertEquals(0, apply.exit(), apply.toString());
        assertTrue(apply.out().contains("committed "), apply.out());
        assertEquals(GitRepos.git(f.repo(), "rev-parse", f.scenario.migrated + "^{tree}"),
                GitRepos.git(f.repo(), "rev-parse", "HEAD^{tree}"));
        assertEquals("Migrate to H.265 hardware encoding\n", GitRepos.git(f.repo(), "log", "-1", "--format=%s"));

        CliRun again = f.run("patch", "check", patch.toString());
        assertEquals(1, again.exit(), again.toString());
        assertTrue(again.out().contains(": does NOT apply: "), again.out());
        CliRun refused = f.run("patch", "apply", patch.toString());
        assertEquals(1, refused.exit());
        assertTrue(refused.err().startsWith("r58ctl: " + patch + ": "), refused.err());
        assertTrue(refused.err().endsWith("; nothing was changed\n"), refused.err());
        assertEquals(1, refused.err().split("\n").length, "one line, no stack trace");
    }

    @Test
    void theMarkdownPatchIsOneLineExitTwo() throws Exception {
        Path md = tmp.resolve("h265_migration_changes.patch");
        java.nio.file.Files.copy(RepoCommandsTest.class.getResourceAsStream("/patches/h265_migration_changes.patch"), md);
        for (String cmd : new String[] {"check", "apply"}) {
            CliRun r = f.run("patch", cmd, md.toString());
            assertEquals(2, r.exit(), r.toString());
            assertEquals("", r.out());
            assertEquals(1, r.err().split("\n").length, r.err());
            assertTrue(r.err().contains("not a unified diff but a Markdown document"), r.err());
        }
    }
}
