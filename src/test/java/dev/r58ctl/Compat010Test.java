package dev.r58ctl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.r58ctl.checklist.ChecklistStore;
import dev.r58ctl.checklist.RunState;
import dev.r58ctl.guard.GuardResult;
import dev.r58ctl.guard.GuardStore;
import dev.r58ctl.guard.TrialState;
import dev.r58ctl.kernel.IncidentJournal;
import dev.r58ctl.kernel.JournalEntry;
import dev.r58ctl.kernel.KernelMarks;
import dev.r58ctl.kernel.Severity;
import dev.r58ctl.repo.RollbackJournal;
import dev.r58ctl.repo.RollbackPlan;
import dev.r58ctl.stability.RunStore;
import dev.r58ctl.stability.TestResult;
import dev.r58ctl.stability.Verdict;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A state directory left by r58ctl 0.1.0 (src/test/resources/compat-0.1.0: files its writers wrote on the demo, with
 * camelCase keys; guard/last.json and kernel/incidents.jsonl written by hand in the same shape) is read by this
 * version's readers, every value where it was, and what is written back is snake_case.
 */
class Compat010Test {
    @TempDir
    Path state;

    @BeforeEach
    void copyTheOldStateDirectory() throws IOException, URISyntaxException {
        Path from = Path.of(Objects.requireNonNull(getClass().getResource("/compat-0.1.0")).toURI());
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : all.toList()) {
                Path to = state.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
        }
    }

    @Test
    void stabilityRunsRead() throws IOException {
        RunStore store = new RunStore(state.resolve("stability"));
        List<TestResult> runs = store.all();
        assertEquals(2, runs.size(), "neither run skipped as unreadable");
        TestResult push = runs.get(1);
        assertEquals("20261205-083106-push-x264enc", push.id());
        assertEquals(Verdict.PASS, push.verdict());
        assertEquals("2026-12-05T08:31:06.510394881Z", push.startedAt());
        assertEquals(1500, push.plan().bitrateKbps());
        assertTrue(push.plan().readUrl().startsWith("rtsp://127.0.0.1:"), push.plan().readUrl());
        assertEquals(30, push.plan().settings().get("key-int-max"), "GStreamer property names stay as they are");
        assertEquals(2604, push.ranMs());
        assertEquals(3.1, push.cpu().perStream());
        assertEquals(4, push.kernel().markSeq());
        assertEquals("5cae098e-3b6e-4a12-9775-33aa3b93d4c1", push.process().bootId());
        assertEquals("2026-12-05T08:30:55.920Z", push.process().processStart());

        store.write(push);
        String again = Files.readString(store.file(push.id()));
        assertTrue(again.contains("\"started_at\"") && again.contains("\"boot_id\""), again);
        assertFalse(again.contains("\"startedAt\""), again);
        assertEquals(push.plan(), store.read(store.file(push.id())).plan(), "written back, read back the same");
    }

    @Test
    void theGuardsTrialAndLastRunRead() {
        GuardStore guard = new GuardStore(state.resolve("guard"));
        TrialState t = guard.trial().orElseThrow();
        assertEquals("35d906611d37b3f2daf4667772dad20ace1ce828", t.underTest());
        assertEquals("60ceb1ea2b00a739b326d596b57749b7947ca7e1", t.returnTo());
        assertEquals("HEAD~1", t.returnToName());
        assertEquals(86400, t.windowSeconds());
        assertEquals(2, t.maxBoots());
        assertEquals("process", t.setup().serviceManager());
        assertEquals(10000L, t.setup().healthTimeoutMs());
        GuardResult last = guard.last().orElseThrow();
        assertEquals("rolled-back", last.action());
        assertEquals("35d906611d37b3f2daf4667772dad20ace1ce828", last.underTest());
        assertEquals("60ceb1ea2b00a739b326d596b57749b7947ca7e1", last.returnTo());

        guard.saveTrial(t);
        assertEquals(t, guard.trial().orElseThrow(), "written back snake_case, read back the same");
    }

    @Test
    void theChecklistsWalkReads() {
        RunState run = new ChecklistStore(state.resolve("checklist")).current().orElseThrow();
        assertEquals("20261205-083120", run.id());
        assertEquals("2026-12-05T08:31:20.154307735Z", run.startedAt());
        assertEquals("20261205-083120-encode-x265enc", run.steps().get(0).runId());
        assertEquals("2026-12-05T08:30:55.920Z", run.steps().get(0).processStart());
        assertEquals("2026-12-05T08:31:25.417005638Z", run.steps().get(0).endedAt());
        assertEquals("json style test", run.steps().get(6).note());
    }

    @Test
    void theKernelJournalAndMarksRead() throws IOException {
        try (IncidentJournal j = new IncidentJournal(state.resolve("kernel"), 1 << 20, 2)) {
            List<JournalEntry> all = j.read(e -> true);
            assertEquals(2, all.size());
            assertEquals(494442336L, all.get(0).monoMicros());
            assertEquals(Severity.CRITICAL, all.get(0).severity());
            assertEquals(1842, j.lastSeq("5cae098e-3b6e-4a12-9775-33aa3b93d4c1"));
        }
        Map<String, KernelMarks.Mark> marks = new KernelMarks(state.resolve("kernel")).all();
        assertEquals(8, marks.size());
        assertEquals(4, marks.get("json-style").seq());
    }

    @Test
    void theRollbackJournalReads() {
        RollbackJournal j = RollbackJournal.latest(state.resolve("rollback")).orElseThrow();
        RollbackPlan p = j.plan();
        assertEquals("d9af1ad Migrate to H.265 hardware encoding", p.fromSummary());
        assertEquals("refs/r58ctl/backup/20261205-083103-090/head", p.backupRef());
        assertEquals("refs/r58ctl/backup/20261205-083103-090/wip", p.wipRef());
        assertEquals(10000, p.healthTimeoutMs());
        assertEquals("process", p.serviceManager());
        assertTrue(j.ended(), "the journal's end line read");
        assertTrue(j.isDone("backup-head"));
    }

    @Test
    void theFixLogsListOfLoggedRunsIsPlainStrings() throws IOException {
        List<?> ids = Json.mapper().readValue(state.resolve("stability/fix-log-runs.json").toFile(), List.class);
        assertEquals(6, ids.size(), "no keys to rename: the same file in both versions");
    }
}
