package dev.r58ctl.repo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.r58ctl.R58Exception;
import dev.r58ctl.testsupport.GitRepos;
import dev.r58ctl.testsupport.Tmpfs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A disk that fills up while a rollback runs, after its check found room (another writer took it): the rollback
 * stops in one line naming the disk, and its journal lets it be finished or undone once there is room again.
 */
class RollbackFullDiskTest {
    @TempDir
    Path tmp;
    Tmpfs disk;

    @AfterEach
    void tearDown() {
        if (disk != null) {
            disk.close();
        }
    }

    /** Fills the disk as {@code step} is about to begin: after the check, before the step's journal line. */
    private Progress fillAt(String step) {
        return new Progress() {
            @Override
            public void begin(String s, String detail) {
                if (s.equals(step)) {
                    disk.fill();
                }
            }
        };
    }

    /**
     * As {@link #fillAt}, with the journal's last block made full first (by a line its reader passes over): a file
     * system allocates whole blocks, so a line that fits in the block a journal already has needs no new space.
     */
    private Progress fillWithJournalAt(String step, Path journals) {
        return new Progress() {
            @Override
            public void begin(String s, String detail) {
                if (s.equals(step)) {
                    try (var files = Files.list(journals)) {
                        Path j = files.filter(p -> p.toString().endsWith(".jsonl")).findFirst().orElseThrow();
                        int left = (int) (4096 - Files.size(j) % 4096);
                        int length = left >= 28 ? left : left + 4096; // the line's frame is 28 bytes
                        Files.writeString(j, "{\"event\":\"pad\",\"detail\":\"" + "x".repeat(length - 28) + "\"}\n",
                                StandardOpenOption.APPEND);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    disk.fill();
                }
            }
        };
    }

    private static void assertSameFiles(Map<String, byte[]> expected, Map<String, byte[]> actual) {
        assertEquals(expected.keySet(), actual.keySet());
        expected.forEach((k, v) -> assertArrayEquals(v, actual.get(k), k));
    }

    @Test
    void aStateDiskFillingUpMidWayStopsInOneLineAndTheRollbackFinishes() {
        disk = Tmpfs.mount(tmp.resolve("state"), "2m");
        Scenario s = Scenario.create(tmp.resolve("repo"), tmp).dirty();
        Path journals = disk.dir().resolve("rollback");
        try (RepoView view = RepoView.open(s.repo)) {
            R58Exception e = assertThrows(R58Exception.class,
                    () -> new Rollback(view, journals).to(s.good).progress(fillWithJournalAt("reset", journals))
                            .call());
            RollbackJournal j = RollbackJournal.unfinished(journals).orElseThrow();
            assertEquals(R58Exception.FAILED, e.exitCode());
            assertEquals("rollback stopped at reset: no space left on tmpfs on " + disk.dir() + " (" + j.file()
                    + "); free space there, then `r58ctl rollback --finish` or `--undo`", e.getMessage());
            assertEquals(s.migrated, GitRepos.head(s.repo), "the reset did not start");
            assertTrue(j.isDone("backup-wip") && !j.began("reset"), String.join("\n", j.summary()));

            disk.free();
            RollbackResult r = new Rollback(view, journals).finish().call();
            assertEquals("ok", r.outcome());
            assertEquals(s.good, GitRepos.head(s.repo));
        }
    }

    @Test
    void aCheckoutDiskFillingUpDuringTheResetStopsInOneLineAndUndoRestoresEverything() {
        disk = Tmpfs.mount(tmp.resolve("repo"), "48m");
        Scenario s = Scenario.create(disk.dir(), tmp).dirty();
        Map<String, byte[]> before = GitRepos.files(s.repo);
        String stateBefore = GitRepos.gitState(s.repo);
        Path journals = tmp.resolve("state/rollback");
        try (RepoView view = RepoView.open(s.repo)) {
            R58Exception e = assertThrows(R58Exception.class,
                    () -> new Rollback(view, journals).to(s.good).progress(fillAt("reset")).call());
            assertEquals("rollback stopped at reset: no space left on tmpfs on " + disk.dir() + " (" + disk.dir()
                    + "); free space there, then `r58ctl rollback --finish` or `--undo`", e.getMessage());
            assertTrue(RollbackJournal.unfinished(journals).orElseThrow().began("reset"));

            disk.free();
            RollbackResult undo = new Rollback(view, journals).undo().call();
            assertEquals("ok", undo.outcome());
            assertEquals(s.migrated, GitRepos.head(s.repo));
            assertSameFiles(before, GitRepos.files(s.repo));
            assertEquals(stateBefore, GitRepos.gitState(s.repo));
        }
    }
}
