package dev.r58ctl.repo;

import static dev.r58ctl.testsupport.GitRepos.git;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.r58ctl.R58Exception;
import dev.r58ctl.testsupport.GitRepos;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** patch check: what a real git diff changes, whether it applies, and that checking changes nothing at all. */
class PatchCheckTest {
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

    private PatchReport check(Path patch) {
        return new PatchCheck(view).file(patch).call();
    }

    private static long objects(Path repo) throws Exception {
        try (Stream<Path> s = Files.walk(repo.resolve(".git/objects"))) {
            return s.count();
        }
    }

    @Test
    void listsFilesHunksAndLinesAsGitCountsThem() throws Exception {
        Path patch = Patches.migration(repo, tmp.resolve("migration.patch"));
        String before = GitRepos.hashTree(repo);
        long objectsBefore = objects(repo);
        PatchReport r = check(patch);
        assertTrue(r.applies(), r.toString());
        assertNull(r.failure());
        assertEquals(List.of("config.yml", "lib/mod05/file0005.py", "lib/mod06/renamed0006.py", "src/pipelines.py",
                "src/transport/rtp.py", "status.txt"), r.files().stream().map(PatchReport.FileChange::path).sorted().toList());
        // git's own count of the same patch
        int added = 0;
        int removed = 0;
        for (String line : git(repo, "apply", "--numstat", patch.toString()).strip().split("\n")) {
            String[] f = line.split("\t");
            added += Integer.parseInt(f[0]);
            removed += Integer.parseInt(f[1]);
        }
        assertEquals(added, r.added());
        assertEquals(removed, r.removed());
        PatchReport.FileChange rename = r.files().stream().filter(f -> f.change().equals("rename")).findFirst().orElseThrow();
        assertEquals("lib/mod06/file0006.py", rename.oldPath());
        assertEquals("add", r.files().stream().filter(f -> f.path().equals("src/transport/rtp.py")).findFirst()
                .orElseThrow().change());
        assertEquals(before, GitRepos.hashTree(repo));
        assertEquals(objectsBefore, objects(repo), "a check writes no objects");
    }

    @Test
    void aConflictNamesTheFileAndHunk() throws Exception {
        Path patch = Patches.migration(repo, tmp.resolve("migration.patch"));
        GitRepos.write(repo, "src/pipelines.py", GitRepos.pipelines("x264enc").replace("# encoder chosen per platform",
                "# encoder chosen by hand"));
        git(repo, "commit", "-q", "-a", "-m", "Someone else edited the pipeline");
        String before = GitRepos.hashTree(repo);
        PatchReport r = check(patch);
        assertFalse(r.applies());
        PatchReport.Failure f = r.failure();
        assertEquals("src/pipelines.py", f.path());
        assertEquals(1, f.hunk());
        assertEquals(1, f.hunkCount());
        assertTrue(f.header().startsWith("@@ -"), f.header());
        assertEquals(Files.readAllLines(patch).indexOf(f.header()) + 1, f.patchLine());
        assertEquals("src/pipelines.py: hunk 1 of 1 (" + f.header() + ", patch line " + f.patchLine()
                + "): does not match the file", f.line());
        assertEquals(before, GitRepos.hashTree(repo));
    }

    @Test
    void aSecondHunkThatFailsIsTheOneNamed() throws Exception {
        Path file = repo.resolve("lib/mod00/file0000.py");
        String text = GitRepos.lines("file 0", 40);
        Files.writeString(file, text);
        git(repo, "commit", "-q", "-a", "-m", "A longer file");
        Files.writeString(file, text.replace("file 0 line 2\n", "file 0 line two\n").replace("file 0 line 35\n", "x\n"));
        Path patch = Patches.save(tmp.resolve("two-hunks.patch"), git(repo, "diff"));
        git(repo, "checkout", "-q", "--", ".");
        Files.writeString(file, text.replace("file 0 line 34\n", "changed meanwhile\n"));
        git(repo, "commit", "-q", "-a", "-m", "Meanwhile");
        PatchReport r = check(patch);
        assertFalse(r.applies());
        assertEquals(2, r.failure().hunk());
        assertEquals(2, r.failure().hunkCount());
    }

    @Test
    void notAPatchIsBadInputWithOneLine() throws Exception {
        Path md = tmp.resolve("h265_migration_changes.patch");
        Files.copy(PatchCheckTest.class.getResourceAsStream("/patches/h265_migration_changes.patch"), md);
        R58Exception e = assertThrows(R58Exception.class, () -> check(md));
        assertEquals(R58Exception.BAD_INPUT, e.exitCode());
        assertEquals(md + ": not a unified diff but a Markdown document (BEFORE/AFTER code blocks, like the H.265 "
                + "migration \"patch\"): make the edits in a checkout, then save them with `git diff > FILE`", e.getMessage());
        Path text = Patches.save(tmp.resolve("notes.txt"), "change the encoder to mpph265enc\n");
        assertTrue(assertThrows(R58Exception.class, () -> check(text)).getMessage()
                .endsWith(": not a unified diff (no 'diff --git' or '---'/'+++' headers): make one with `git diff > FILE`"));
        Path empty = Patches.save(tmp.resolve("empty.patch"), "");
        assertEquals(empty + ": empty patch: there is nothing to apply",
                assertThrows(R58Exception.class, () -> check(empty)).getMessage());
        Path blank = Patches.save(tmp.resolve("blank.patch"), "\n  \n");
        assertEquals(blank + ": empty patch: there is nothing to apply",
                assertThrows(R58Exception.class, () -> check(blank)).getMessage());
        Path missing = tmp.resolve("absent.patch");
        assertEquals(missing + ": no such file", assertThrows(R58Exception.class, () -> check(missing)).getMessage());
    }

    @Test
    void aPatchCutShortIsRefused() throws Exception {
        Path patch = Patches.migration(repo, tmp.resolve("migration.patch"));
        List<String> lines = Files.readAllLines(patch);
        int cut = lines.indexOf(lines.stream().filter(l -> l.startsWith("-    encoder")).findFirst().orElseThrow());
        Path partial = Patches.save(tmp.resolve("partial.patch"), String.join("\n", lines.subList(0, cut + 1)) + "\n");
        R58Exception e = assertThrows(R58Exception.class, () -> check(partial));
        assertEquals(R58Exception.BAD_INPUT, e.exitCode());
        assertTrue(e.getMessage().startsWith(partial + ":"), e.getMessage());
        assertTrue(e.getMessage().contains(": not a valid unified diff: Truncated hunk"), e.getMessage());
    }

    @Test
    void pathsOutsideTheRepositoryAreRefused() {
        String[][] cases = {
            {"--- a/../outside.txt\n+++ b/../outside.txt\n@@ -1 +1 @@\n-a\n+b\n", "../outside.txt is outside the repository (../)"},
            {"--- /etc/hostname\n+++ /etc/hostname\n@@ -1 +1 @@\n-a\n+b\n", "/etc/hostname is an absolute path, outside the repository"},
            {"diff --git a/.git/config b/.git/config\n--- a/.git/config\n+++ b/.git/config\n@@ -1 +1 @@\n-a\n+b\n", ".git/config is inside .git"},
            {"diff --git a/x b/src/../../x\nrename from x\nrename to src/../../x\n", "src/../../x is outside the repository (../)"},
        };
        for (String[] c : cases) {
            Path p = Patches.save(tmp.resolve("evil.patch"), c[0]);
            R58Exception e = assertThrows(R58Exception.class, () -> check(p), c[0]);
            assertEquals(R58Exception.BAD_INPUT, e.exitCode());
            assertTrue(e.getMessage().startsWith(p + ":1: refused: "), e.getMessage());
            assertTrue(e.getMessage().endsWith(c[1]), e.getMessage());
        }
    }

    @Test
    void uncommittedChangesInTouchedFilesStopIt() throws Exception {
        Path patch = Patches.edit(repo, tmp.resolve("p.patch"), "config.yml", "h264", "h265");
        GitRepos.write(repo, "config.yml", "cameras: {}\n");
        PatchReport r = check(patch);
        assertFalse(r.applies());
        assertEquals("config.yml: has uncommitted changes: commit, stash or revert them first", r.failure().line()
                .replaceFirst(" \\(patch line \\d+\\)", ""));
        git(repo, "checkout", "-q", "--", "config.yml");
        GitRepos.write(repo, "src/mixer/core.py", "# edited, but not by the patch\n");
        assertTrue(check(patch).applies(), "a dirty file the patch does not touch is no obstacle");
    }

    @Test
    void aNewFileWhereAnUntrackedOneIsIsRefused() throws Exception {
        Path patch = Patches.migration(repo, tmp.resolve("migration.patch"));
        GitRepos.write(repo, "src/transport/rtp.py", "mine\n");
        PatchReport r = check(patch);
        assertFalse(r.applies());
        assertEquals("src/transport/rtp.py", r.failure().path());
        assertTrue(r.failure().reason().contains("untracked file"), r.failure().toString());
    }

    @Test
    void headIsThePatchOnlyWhenItsParentWithThePatchIsHeadsTree() throws Exception {
        Path patch = Patches.edit(repo, tmp.resolve("encoder.patch"), "src/pipelines.py", "x264enc", "mpph265enc");
        assertTrue(new PatchCheck(view).file(patch).headDiffers().startsWith("it also changes lib/"),
                "HEAD is a library change, not the patch");
        git(repo, "apply", patch.toString());
        git(repo, "commit", "-q", "-am", "Migrate to H.265 hardware encoding");
        assertNull(new PatchCheck(view).file(patch).headDiffers(), "exactly the patch, committed");
        // the same message on a commit made by hand with more in it: not the patch
        git(repo, "reset", "-q", "--hard", "HEAD~1");
        git(repo, "apply", patch.toString());
        GitRepos.write(repo, "status.txt", "degraded\n");
        git(repo, "commit", "-q", "-am", "Migrate to H.265 hardware encoding");
        assertEquals("it also changes status.txt", new PatchCheck(view).file(patch).headDiffers());
    }
}
