package dev.r58ctl.repo;

import static dev.r58ctl.testsupport.GitRepos.git;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.r58ctl.R58Exception;
import dev.r58ctl.host.ServiceControl;
import dev.r58ctl.host.ServiceState;
import dev.r58ctl.testsupport.GitRepos;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rollback and undo on a real repository with uncommitted work of every kind, compared byte for byte. */
class RollbackTest {
    @TempDir
    Path tmp;
    Scenario s;
    RepoView view;
    Path journals;

    @BeforeEach
    void setUp() {
        s = Scenario.create(tmp.resolve("repo"), tmp);
        view = RepoView.open(s.repo);
        journals = tmp.resolve("state/rollback");
    }

    @AfterEach
    void tearDown() {
        view.close();
    }

    private Rollback rollback() {
        return new Rollback(view, journals);
    }

    private static void assertSameFiles(Map<String, byte[]> expected, Map<String, byte[]> actual) {
        assertEquals(expected.keySet(), actual.keySet());
        for (String k : expected.keySet()) {
            assertArrayEquals(expected.get(k), actual.get(k), k);
        }
    }

    @Test
    void rollbackWithADirtyTreeThenUndoRestoresEverythingByteForByte() {
        s.dirty();
        Map<String, byte[]> before = GitRepos.files(s.repo);
        String stateBefore = GitRepos.gitState(s.repo);

        RollbackPlan plan = rollback().lastGood().plan();
        assertEquals(s.migrated, plan.from());
        assertEquals(s.good, plan.to());
        assertEquals(List.of("missing: lib/mod01/file0001.py", "staged-removed: lib/mod02/file0002.py",
                "staged: config.yml", "modified: config.yml", "modified: src/mixer/core.py",
                "staged-added: notes/incident.md").stream().sorted().toList(), plan.uncommitted().stream().sorted().toList());
        assertEquals(List.of("backup-head", "backup-wip", "reset"), plan.steps());

        List<String> events = new ArrayList<>();
        RollbackResult r = rollback().lastGood().progress(new Progress() {
            @Override
            public void done(String step, String detail, long millis) {
                events.add(step);
            }
        }).call();
        assertEquals("ok", r.outcome());
        assertEquals(List.of("backup-head", "backup-wip", "reset"), events);
        assertEquals(s.good, GitRepos.head(s.repo));
        assertEquals("?? scratch.txt\n?? src/transport/local-notes.txt\n",
                git(s.repo, "status", "--porcelain", "--untracked-files=all"));
        for (String untouched : List.of("scratch.txt", "src/transport/local-notes.txt",
                "recordings/cam0/recording_20251219_145301.mkv")) {
            assertArrayEquals(before.get(untouched), GitRepos.files(s.repo).get(untouched), untouched);
        }
        String id = r.plan().id();
        assertEquals(s.migrated, git(s.repo, "rev-parse", RepoView.BACKUP_PREFIX + id + "/head").strip());
        // the saved work is stash-shaped: git itself shows the hotfix in it
        assertTrue(git(s.repo, "stash", "show", "-p", RepoView.BACKUP_PREFIX + id + "/wip")
                .contains("hotfix during incident"));

        RollbackResult undo = rollback().undo().call();
        assertEquals("ok", undo.outcome());
        assertEquals("undo", undo.plan().kind());
        assertEquals(s.migrated, GitRepos.head(s.repo));
        assertSameFiles(before, GitRepos.files(s.repo));
        assertEquals(stateBefore, GitRepos.gitState(s.repo));
    }

    @Test
    void undoingTheUndoGoesBackToTheRolledBackState() {
        rollback().to(s.good).call();
        Map<String, byte[]> rolledBack = GitRepos.files(s.repo);
        rollback().undo().call();
        assertEquals(s.migrated, GitRepos.head(s.repo));
        rollback().undo().call();
        assertEquals(s.good, GitRepos.head(s.repo));
        assertSameFiles(rolledBack, GitRepos.files(s.repo));
    }

    @Test
    void anUntrackedFileInTheWayStopsItBeforeAnythingChanges() throws Exception {
        // B deleted lib/mod05/file0005.py; an untracked file of that name now would be overwritten by A's
        GitRepos.write(s.repo, "lib/mod05/file0005.py", "my own file\n");
        String tree = GitRepos.hashTree(s.repo);
        byte[] index = Files.readAllBytes(s.repo.resolve(".git/index"));
        R58Exception e = assertThrows(R58Exception.class, () -> rollback().to(s.good).call());
        assertEquals(R58Exception.FAILED, e.exitCode());
        assertEquals("untracked file lib/mod05/file0005.py would be overwritten by " + s.good.substring(0, 7)
                + ": move them away first (r58ctl never touches untracked files)", e.getMessage());
        assertEquals(tree, GitRepos.hashTree(s.repo));
        assertArrayEquals(index, Files.readAllBytes(s.repo.resolve(".git/index")));
        assertEquals(s.migrated, GitRepos.head(s.repo));
        assertTrue(RollbackJournal.all(journals).isEmpty());
    }

    @Test
    void alreadyThereAndCleanIsNothingToDo() {
        RollbackResult r = rollback().to("HEAD").call();
        assertEquals("nothing", r.outcome());
        assertTrue(RollbackJournal.all(journals).isEmpty());
    }

    @Test
    void badRequestsAreBadInput() throws Exception {
        assertEquals(R58Exception.BAD_INPUT,
                assertThrows(R58Exception.class, () -> rollback().to("no-such-ref").plan()).exitCode());
        assertEquals("choose one of --to, --last-good, --undo and --finish",
                assertThrows(R58Exception.class, () -> rollback().to("HEAD").undo()).getMessage());
        assertEquals("no rollback to undo in " + journals,
                assertThrows(R58Exception.class, () -> rollback().undo().plan()).getMessage());
        assertEquals("no interrupted rollback to finish in " + journals,
                assertThrows(R58Exception.class, () -> rollback().finish().plan()).getMessage());
        git(s.repo, "tag", "-d", git(s.repo, "tag", "-l", "r58ctl/good/*").strip());
        assertEquals("no known-good mark yet: mark one with `r58ctl repo mark-good [REF]`",
                assertThrows(R58Exception.class, () -> rollback().lastGood().plan()).getMessage());
    }

    /** A service whose stop fails once, as when sudo wants a password. */
    static final class FlakyService implements ServiceControl {
        boolean failStop = true;
        final List<String> calls = new ArrayList<>();

        @Override
        public String name() {
            return "preke-recorder";
        }

        @Override
        public ServiceState status() {
            return new ServiceState(name(), true, "active", "");
        }

        @Override
        public void start() {
            calls.add("start");
        }

        @Override
        public void stop() {
            calls.add("stop");
            if (failStop) {
                failStop = false;
                throw R58Exception.failed("systemctl stop preke-recorder needs root and sudo wants a password");
            }
        }
    }

    @Test
    void aFailedStepLeavesAJournalToFinishFrom() {
        s.dirty();
        FlakyService svc = new FlakyService();
        R58Exception e = assertThrows(R58Exception.class, () -> rollback().to(s.good).service(svc).call());
        assertEquals("rollback stopped at stop-service: systemctl stop preke-recorder needs root and sudo wants a "
                + "password; then `r58ctl rollback --finish` or `--undo`", e.getMessage());
        assertEquals(s.migrated, GitRepos.head(s.repo), "nothing reset yet");
        RollbackJournal open = Rollback.interrupted(journals).orElseThrow();
        assertTrue(open.isDone("backup-wip"));
        assertFalse(open.isDone("stop-service"));
        assertTrue(assertThrows(R58Exception.class, () -> rollback().to(s.good).plan()).getMessage()
                .endsWith("was interrupted: finish it with `r58ctl rollback --finish` or undo it with `r58ctl rollback --undo`"));

        RollbackResult r = rollback().finish().service(svc).call();
        assertEquals("ok", r.outcome());
        assertEquals(List.of("stop-service", "reset", "start-service"), r.steps().stream().map(RollbackResult.Step::name).toList());
        assertEquals(List.of("stop", "stop", "start"), svc.calls);
        assertEquals(s.good, GitRepos.head(s.repo));
        assertTrue(Rollback.interrupted(journals).isEmpty());
    }

    @Test
    void undoingAnInterruptedRollbackThatChangedNothingOnlyClosesIt() {
        s.dirty();
        Map<String, byte[]> before = GitRepos.files(s.repo);
        FlakyService svc = new FlakyService();
        assertThrows(R58Exception.class, () -> rollback().to(s.good).service(svc).call());
        RollbackResult r = rollback().undo().service(svc).call();
        assertEquals("closed", r.outcome());
        assertEquals("abandon", r.plan().kind());
        assertEquals(List.of("stop", "start"), svc.calls);
        assertSameFiles(before, GitRepos.files(s.repo));
        assertTrue(Rollback.interrupted(journals).isEmpty());
        assertEquals(R58Exception.BAD_INPUT, assertThrows(R58Exception.class, () -> rollback().undo().plan()).exitCode());
    }

    @Test
    void theLogShowsHeadMarksAndBackups() {
        RollbackResult r = rollback().lastGood().call();
        List<RepoView.LogEntry> log = view.log(5);
        RepoView.LogEntry b = log.get(0);
        assertEquals(s.migrated, b.id());
        assertEquals("Migrate to H.265 hardware encoding", b.subject());
        assertEquals(List.of("backup " + r.plan().id()), b.marks());
        RepoView.LogEntry a = log.get(1);
        assertEquals(s.good, a.id());
        assertEquals("HEAD -> main", a.marks().get(0));
        assertEquals("origin/main", a.marks().get(1));
        assertTrue(a.marks().get(2).matches("good \\d{8}-\\d{6}-\\d{3}-" + s.good.substring(0, 7)), a.marks().toString());
        assertEquals(5, log.size());
    }
}
