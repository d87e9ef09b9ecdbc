package dev.r58ctl.checklist;

import dev.r58ctl.config.EncoderSettings;
import dev.r58ctl.guard.Trial;
import dev.r58ctl.repo.RepoView;
import dev.r58ctl.stability.Capacity;
import dev.r58ctl.stability.FixLog;
import dev.r58ctl.stability.MatrixReport;
import dev.r58ctl.stability.MatrixRow;
import dev.r58ctl.stability.RunStore;
import dev.r58ctl.stability.StabilityMatrix;
import dev.r58ctl.stability.TestResult;
import java.util.List;

/**
 * "If tests fail": the failure documented in the recorder's fix log (through {@link FixLog}), the current encoder's
 * configuration kept (the migration neither committed nor on trial), and the capacity that leaves.
 */
final class UnstableSteps {
    private UnstableSteps() {
    }

    static Evidence fixLog(StepContext ctx) {
        List<TestResult> runs = new RunStore(ctx.config).all();
        MatrixReport report = new StabilityMatrix(ctx.config).runs(runs).build();
        FixLog.Appended a = new FixLog(ctx.config).append(runs, report);
        return Evidence.ok(a.runs().isEmpty() ? "nothing new to log: every run is already in " + a.file()
                : "entry for " + a.runs().size() + " run(s) added to " + a.file() + ": " + String.join(", ", a.runs()));
    }

    /** The recorder's HEAD is not the migration commit, and no trial of one is armed. */
    static Evidence keepConfig(StepContext ctx) {
        String message = ctx.config.checklist().commitMessage();
        try (RepoView view = RepoView.open(ctx.config.recorder().repo())) {
            RepoView.Status st = view.status();
            String head = st.head();
            if (message.equals(st.headSubject())) {
                return Evidence.failed("HEAD " + head.substring(0, 7) + " is \"" + message + "\": roll it back "
                        + "(b in the dashboard, `r58ctl rollback --last-good`), then this check again")
                        .withCommit(head);
            }
            if (new Trial(ctx.config).armed().isPresent()) {
                return Evidence.failed("a trial is armed: `r58ctl trial abort`, or let the guard roll it back")
                        .withCommit(head);
            }
            return Evidence.ok("kept: HEAD " + head.substring(0, 7) + " \"" + st.headSubject() + "\" is not the "
                    + "migration; " + ctx.config.checklist().currentEncoder() + " stays").withCommit(head);
        }
    }

    /** How many cameras the current encoder allows under the CPU ceiling. */
    static Evidence capacity(StepContext ctx) {
        String current = ctx.config.checklist().currentEncoder();
        String key = EncoderSettings.key(current, ctx.config.encoderSettings(current));
        MatrixRow row = new StabilityMatrix(ctx.config).build().row(key);
        Capacity c = row == null ? null : row.capacity();
        if (c == null) {
            return Evidence.failed("no CPU figure for " + key + ": run `r58ctl test soak --encoder " + current + "`");
        }
        return Evidence.ok(current + ": " + c.arithmetic() + "; limit the recorder to " + c.fits() + " camera(s)");
    }
}
