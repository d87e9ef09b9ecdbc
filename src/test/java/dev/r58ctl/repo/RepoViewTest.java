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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Status, log and known-good marks on a real repository, against what the git command line says. */
class RepoViewTest {
    @TempDir
    Path tmp;

    @Test
    void statusOfACleanAndADirtyTree() throws Exception {
        Path repo = GitRepos.cloneTo(tmp.resolve("repo"));
        try (RepoView view = RepoView.open(repo)) {
            RepoView.Status clean = view.status();
            assertTrue(clean.clean());
            assertEquals("main", clean.branch());
            assertEquals(GitRepos.head(repo), clean.head());
            assertEquals("Change " + (GitRepos.COMMITS - 1) + " to the library", clean.headSubject());
            assertEquals(0, clean.untracked());

            GitRepos.write(repo, "src/mixer/core.py", "changed\n");
            GitRepos.write(repo, "new.txt", "new\n");
            git(repo, "add", "new.txt");
            Files.delete(repo.resolve("status.txt"));
            GitRepos.write(repo, "recordings/a.mkv", "ignored\n");
            GitRepos.write(repo, "scratch.txt", "untracked\n");
            RepoView.Status dirty = view.status();
            assertFalse(dirty.clean());
            assertEquals(List.of(new RepoView.Change("new.txt", "staged-added"),
                    new RepoView.Change("src/mixer/core.py", "modified"), new RepoView.Change("status.txt", "missing")),
                    dirty.changes());
            assertEquals(1, dirty.untracked(), "ignored recordings are not counted");
            assertEquals(List.of("scratch.txt"), dirty.untrackedSample());
            git(repo, "checkout", "-q", "--detach", "HEAD~1");
            assertNull(view.status().branch());
        }
    }

    @Test
    void logIsLikeGitLogOnelineWithMarks() {
        Path repo = GitRepos.cloneTo(tmp.resolve("repo"));
        try (RepoView view = RepoView.open(repo)) {
            List<RepoView.LogEntry> log = view.log(10);
            assertEquals(10, log.size());
            List<String> git = List.of(git(repo, "log", "--format=%h %s", "-n", "10").strip().split("\n"));
            assertEquals(git, log.stream().map(e -> e.shortId() + " " + e.subject()).toList());
            assertEquals(List.of("HEAD -> main", "origin/main"), log.get(0).marks());
            git(repo, "branch", "experiment", "HEAD~2");
            KnownGood.Mark mark = new KnownGood(view).mark("HEAD~3");
            log = view.log(4);
            assertEquals(List.of("experiment"), log.get(2).marks());
            assertEquals(List.of("good " + mark.name().substring("r58ctl/good/".length())), log.get(3).marks());
        }
    }

    @Test
    void knownGoodMarksAreAnnotatedTagsAndTheNewestWins() {
        Path repo = GitRepos.cloneTo(tmp.resolve("repo"));
        try (RepoView view = RepoView.open(repo)) {
            KnownGood good = new KnownGood(view);
            assertTrue(good.newest().isEmpty());
            KnownGood.Mark head = good.mark("HEAD");
            assertTrue(head.name().matches("r58ctl/good/\\d{8}-\\d{6}-\\d{3}-" + head.shortCommit()), head.name());
            assertEquals("tag", git(repo, "cat-file", "-t", "refs/tags/" + head.name()).strip());
            assertEquals(head, good.mark("HEAD"), "marking the newest again changes nothing");
            assertEquals(1, good.list().size());
            KnownGood.Mark older = good.mark("HEAD~4");
            assertEquals(older.commit(), good.newest().orElseThrow().commit(), "the newest mark, not the newest commit");
            assertEquals(git(repo, "rev-parse", "HEAD~4").strip(), older.commit());
            git(repo, "tag", "r58ctl/good/by-hand", "HEAD~7");
            assertEquals(3, good.list().size());
        }
    }

    @Test
    void openingSomethingElseIsOneLine() throws Exception {
        Path plain = Files.createDirectories(tmp.resolve("plain"));
        R58Exception e = assertThrows(R58Exception.class, () -> RepoView.open(plain));
        assertEquals(plain + ": not a git work tree (no .git; recorder.repo)", e.getMessage());
        assertEquals(R58Exception.BAD_INPUT, e.exitCode());
        assertEquals(tmp.resolve("absent") + ": no such directory (recorder.repo)",
                assertThrows(R58Exception.class, () -> RepoView.open(tmp.resolve("absent"))).getMessage());
        Path repo = GitRepos.cloneTo(tmp.resolve("repo"));
        assertThrows(R58Exception.class, () -> RepoView.open(repo.resolve("src")), "never a parent's repository");
        try (RepoView view = RepoView.open(repo)) {
            assertEquals("unknown revision \"nope\" in " + repo,
                    assertThrows(R58Exception.class, () -> view.resolve("nope")).getMessage());
        }
    }
}
