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
}
