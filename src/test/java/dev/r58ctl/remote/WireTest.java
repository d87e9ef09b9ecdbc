package dev.r58ctl.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.r58ctl.engine.EngineEvent;
import dev.r58ctl.repo.PatchReport;
import dev.r58ctl.repo.RollbackPlan;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Events the in-process server test does not meet read back equal to what was written; unknown types are skipped. */
class WireTest {
    private static Object roundTrip(EngineEvent e) throws Exception {
        return Wire.read(Wire.event(e)).value();
    }

    @Test
    void rollbackPatchTestAndLinkEventsReadBackEqual() throws Exception {
        RollbackPlan plan = new RollbackPlan("r1", "rollback", "/opt/rec", "main", "abc1234", "H.265", "def5678",
                "known good", "refs/r58ctl/backup/r1", null, List.of("a.py"), null, null, "recorder",
                "http://127.0.0.1:8000/health", 30_000);
        List<EngineEvent> events = List.of(
                new EngineEvent.RollbackPlanned(plan, false, null),
                new EngineEvent.RollbackPlanned(null, true, "no rollback to undo"),
                new EngineEvent.Step("rollback", "reset", "HEAD now def5678 'it''s \"quoted\"'", true),
                new EngineEvent.TestProgress("encode", "mpph265enc", 3.0, 90, Double.NaN, 41.5, "quiet", null),
                new EngineEvent.PatchChecked(Path.of("/state/patches/a b.patch"), new PatchReport(
                        Path.of("/state/patches/a b.patch"), false, List.of(new PatchReport.FileChange("x.py", null,
                        "modify", 1, 2, 1)), 1, 2, 1, new PatchReport.Failure("x.py", 1, 1, "@@ -1 +1 @@", 5,
                        "does not apply")), List.of("--- a/x.py"), null),
                new EngineEvent.LinkChanged(false, "board unreachable since 04:00:00"),
                new EngineEvent.Message(EngineEvent.Message.Level.WARNING, "ünïcode ✓"));
        for (EngineEvent e : events) {
            if (e instanceof EngineEvent.TestProgress t) {
                EngineEvent.TestProgress back = (EngineEvent.TestProgress) roundTrip(e);
                assertEquals(Double.NaN, back.fps());
                assertEquals(t.frames(), back.frames());
            } else {
                assertEquals(e, roundTrip(e));
            }
        }
        assertNull(Wire.read("{\"type\": \"FromANewerBoard\", \"event\": {}}"));
    }

    @Test
    void checklistGuardAndRecentTestsReadBackEqual() throws Exception {
        dev.r58ctl.checklist.StepRecord done = new dev.r58ctl.checklist.StepRecord("test-encode", "done",
                "2026-11-26T04:00:00Z", "2026-11-26T04:00:35Z", "ops", false, 42L, "123", "boot-1", "run-1", "mark-1",
                null, null, null, "encode PASS");
        dev.r58ctl.checklist.Snapshot snap = new dev.r58ctl.checklist.Snapshot("20261126-040000", "built-in",
                new dev.r58ctl.checklist.Decision("tests", dev.r58ctl.stability.MatrixStatus.PARTIAL, "mpph265enc",
                        "1 run"), java.util.Map.of("tests", "Run the tests"), List.of(
                        new dev.r58ctl.checklist.Snapshot.Step("test-encode", "Run Test 1", "action", "tests", "none",
                                "test-encode", "done", true, false, done),
                        new dev.r58ctl.checklist.Snapshot.Step("verify-stream", "Verify stream in browser", "manual",
                                "tests", "none", "verify-stream", "pending", true, false, null)), 1, 1, 2, null);
        List<EngineEvent> events = List.of(
                new EngineEvent.ChecklistUpdated(snap, "open http://r58:8888/cam1/", null),
                new EngineEvent.ChecklistUpdated(null, null, "checklist.yml:3: steps: unknown operation"),
                new EngineEvent.GuardActed(new dev.r58ctl.guard.GuardResult("rolled-back", "rolled back", "crash",
                        List.of("Internal error: Oops"), "boot-2", "abc", "def", "ok", "HTTP 200",
                        "2026-11-26T04:00:00Z"), "BOOT GUARD at 2026-11-26 04:00:00: rolled back"));
        for (EngineEvent e : events) {
            assertEquals(e, roundTrip(e));
        }
    }
}
