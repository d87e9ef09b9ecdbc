package dev.r58ctl.checklist;

import dev.r58ctl.config.ChecklistFile;
import dev.r58ctl.config.ChecklistStep;
import dev.r58ctl.config.Config;
import dev.r58ctl.guard.GuardStore;
import dev.r58ctl.guard.Trial;
import dev.r58ctl.kernel.KernelLog;
import dev.r58ctl.stability.RunProcess;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds a {@link Snapshot}: each step's state (a running step whose process is gone shows as interrupted), which
 * steps are on the way through the decision tree, and the next one. The tests come first; while the matrix decides
 * nothing the stable branch follows them (its gate refuses it); once UNSTABLE, tests not finished are passed over
 * and the unstable branch follows.
 */
final class Snapshots {
    private Snapshots() {
    }

    static Snapshot of(Config config, ChecklistFile.Checklist checklist, RunState run, Decision d) {
        String boot = null;
        List<Snapshot.Step> steps = new ArrayList<>();
        int current = -1;
        int done = 0;
        int total = 0;
        for (ChecklistStep st : checklist.steps()) {
            StepRecord r = run == null ? StepRecord.pending(st.id()) : run.step(st.id());
            String state = r.state();
            if (state.equals(StepRecord.RUNNING)) {
                if (boot == null) {
                    boot = new KernelLog(config).bootId();
                }
                boolean alive = r.pid() != null && boot.equals(r.boot())
                        && new RunProcess(r.pid(), r.processStart(), r.boot()).alive();
                state = alive ? StepRecord.RUNNING : StepRecord.INTERRUPTED;
            }
            boolean onBranch = st.branch().equals(Decision.TESTS) || st.branch().equals(d.branch())
                    || (d.branch().equals(Decision.TESTS) && st.branch().equals(Decision.STABLE));
            boolean passedOver = d.branch().equals(Decision.UNSTABLE) && st.branch().equals(Decision.TESTS)
                    && !r.finished();
            boolean onWay = onBranch && !passedOver;
            if (onWay) {
                total++;
                if (r.finished()) {
                    done++;
                } else if (current < 0) {
                    current = steps.size();
                }
            }
            boolean changes = st.operation() != null && StepOperation.of(st.operation()).changesBoard();
            steps.add(new Snapshot.Step(st.id(), st.title(), st.kind(), st.branch(), st.gate(), st.operation(), state,
                    onWay, changes, r));
        }
        return new Snapshot(run == null ? null : run.id(), checklist.source(), d, checklist.branches(), steps, current,
                done, total, trial(config));
    }

    private static String trial(Config config) {
        try {
            GuardStore g = Trial.store(config);
            var last = g.last();
            var armed = g.trial();
            if (armed.isPresent()) {
                return "trial armed: " + armed.get().underTest().substring(0, 7) + " returns to "
                        + armed.get().returnToName() + " after a crash";
            }
            return last.filter(l -> !l.action().equals("nothing")).map(l -> "the guard rolled back: " + l.summary())
                    .orElse(null);
        } catch (RuntimeException e) {
            return "trial state unreadable: " + e.getMessage();
        }
    }
}
