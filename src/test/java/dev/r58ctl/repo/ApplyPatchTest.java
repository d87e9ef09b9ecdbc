package dev.r58ctl.repo;

import static dev.r58ctl.testsupport.GitRepos.git;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.r58ctl.R58Exception;
import dev.r58ctl.testsupport.GitRepos;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * patch apply: the same result as {@code git apply --index}, or nothing changed at all (work tree hashed, index
 * file compared byte for byte), and with a message a commit of exactly the patch.
 */
class ApplyPatchTest {
    static final String MESSAGE = "Migrate to H.265 hardware encoding";

    @TempDir
    Path tmp;
    Path repo;
    RepoView view;

    @BeforeEach
    void setUp() {
        repo = GitRepos.cloneTo(tmp.resolve("repo"));
        view = RepoView.open(repo);
    }

    @AfterEach
    void tearDown() {
        view.close();
    }

    /** Runs {@code action}, expects it to fail, and checks that files and index are exactly as before. */
    private R58Exception refusedWithNothingChanged(Runnable action) throws Exception {
        String tree = GitRepos.hashTree(repo);
        byte[] index = Files.readAllBytes(repo.resolve(".git/index"));
        String head = GitRepos.head(repo);
        R58Exception e = assertThrows(R58Exception.class, action::run);
        assertEquals(tree, GitRepos.hashTree(repo), "work tree changed");
        assertArrayEquals(index, Files.readAllBytes(repo.resolve(".git/index")), "index changed");
        assertEquals(head, GitRepos.head(repo));
        assertTrue(!e.getMessage().contains("\n"), e.getMessage());
        return e;
    }

    @Test
    void resultIsWhatGitApplyIndexMakes() throws Exception {
        Path patch = Patches.migration(repo, tmp.resolve("migration.patch"));
        Path other = GitRepos.cloneTo(tmp.resolve("other"));
        git(other, "apply", "--index", patch.toString());

        ApplyPatch.Result r = new ApplyPatch(view).file(patch).call();
        assertNull(r.commit());
        assertEquals(GitRepos.hashTree(other), GitRepos.hashTree(repo));
        assertEquals(GitRepos.gitState(other), GitRepos.gitState(repo));
        assertEquals("degraded\n", Files.readString(repo.resolve("status.txt")));
        assertTrue(!Files.exists(repo.resolve("lib/mod05/file0005.py")));
    }

    @Test
    void withAMessageItCommitsExactlyThePatch() throws Exception {
        Path patch = Patches.migration(repo, tmp.resolve("migration.patch"));
        String before = GitRepos.head(repo);
        GitRepos.write(repo, "src/mixer/core.py", "# local experiment, not part of the patch\n");
        ApplyPatch.Result r = new ApplyPatch(view).file(patch).commit(MESSAGE).call();
        assertEquals(r.commit(), GitRepos.head(repo));
        assertEquals(MESSAGE + "\n", git(repo, "log", "-1", "--format=%B").replaceAll("\n+$", "\n"));
        assertEquals(before, git(repo, "rev-parse", "HEAD~1").strip());
        Path other = GitRepos.cloneTo(tmp.resolve("other"));
        git(other, "apply", "--index", patch.toString());
        assertEquals(git(other, "write-tree").strip(), git(repo, "rev-parse", "HEAD^{tree}").strip());
        assertEquals(" M src/mixer/core.py\n", git(repo, "status", "--porcelain"),
                "the unrelated local change stays uncommitted");
    }

    @Test
    void aConflictInALaterFileLeavesEverythingAsItWas() throws Exception {
        // status.txt sorts after config.yml and src/pipelines.py: make the last file's hunk fail
        Path patch = Patches.migration(repo, tmp.resolve("migration.patch"));
        GitRepos.write(repo, "status.txt", "recovering\n");
        git(repo, "commit", "-q", "-a", "-m", "Status changed meanwhile");
        R58Exception e = refusedWithNothingChanged(() -> new ApplyPatch(view).file(patch).commit(MESSAGE).call());
        assertEquals(R58Exception.FAILED, e.exitCode());
        assertTrue(e.getMessage().startsWith(patch + ": status.txt: hunk 1 of 1 (@@ -1 +1 @@, patch line "),
                e.getMessage());
        assertTrue(e.getMessage().endsWith("): does not match the file; nothing was changed"), e.getMessage());
    }

    @Test
    void refusalsChangeNothing() throws Exception {
        Path md = tmp.resolve("h265_migration_changes.patch");
        Files.copy(ApplyPatchTest.class.getResourceAsStream("/patches/h265_migration_changes.patch"), md);
        assertEquals(R58Exception.BAD_INPUT,
                refusedWithNothingChanged(() -> new ApplyPatch(view).file(md).call()).exitCode());
        Path empty = Patches.save(tmp.resolve("empty.patch"), "");
        refusedWithNothingChanged(() -> new ApplyPatch(view).file(empty).call());
        Path evil = Patches.save(tmp.resolve("evil.patch"),
                "--- a/../outside.txt\n+++ b/../outside.txt\n@@ -0,0 +1 @@\n+owned\n");
        refusedWithNothingChanged(() -> new ApplyPatch(view).file(evil).call());
        assertTrue(!Files.exists(tmp.resolve("outside.txt")));
        Path add = Patches.save(tmp.resolve("abs.patch"),
                "--- /dev/null\n+++ /tmp/r58ctl-abs-test.txt\n@@ -0,0 +1 @@\n+owned\n");
        refusedWithNothingChanged(() -> new ApplyPatch(view).file(add).call());
        assertTrue(!Files.exists(Path.of("/tmp/r58ctl-abs-test.txt")));
        Path migration = Patches.migration(repo, tmp.resolve("migration.patch"));
        GitRepos.write(repo, "src/pipelines.py", "# uncommitted edit\n");
        R58Exception dirty = refusedWithNothingChanged(() -> new ApplyPatch(view).file(migration).call());
        assertTrue(dirty.getMessage().contains("src/pipelines.py"), dirty.getMessage());
        assertTrue(dirty.getMessage().contains("has uncommitted changes"), dirty.getMessage());
    }

    @Test
    void aStagedChangeInATouchedFileAlsoCountsAsDirty() throws Exception {
        Path patch = Patches.edit(repo, tmp.resolve("p.patch"), "config.yml", "h264", "h265");
        GitRepos.write(repo, "config.yml", "cameras: {}\n");
        git(repo, "add", "config.yml");
        GitRepos.write(repo, "config.yml", Files.readString(GitRepos.template().resolve("config.yml")));
        refusedWithNothingChanged(() -> new ApplyPatch(view).file(patch).call());
    }

    @Test
    void anEmptyCommitMessageIsBadInput() {
        R58Exception e = assertThrows(R58Exception.class, () -> new ApplyPatch(view).commit("  "));
        assertEquals(R58Exception.BAD_INPUT, e.exitCode());
    }
}
