package dev.r58ctl.checklist;

import dev.r58ctl.R58Exception;
import dev.r58ctl.config.ChecklistFile;
import dev.r58ctl.config.ChecklistStep;
import dev.r58ctl.config.Config;
import dev.r58ctl.kernel.KernelLog;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The guided migration: the checklist walked step by step, with evidence per step. Guarantees: every change happens
 * under the checklist lock and is on disk (atomically) before and after the step's work, so {@code kill -9} leaves at
 * most the step in progress, shown as interrupted and retried by the next {@link #next}; a step whose gate does not
 * hold is refused unless forced, and a forced step says so in its evidence; a step that cannot be done fails with
 * its reason, never pretends.
 */
public final class Walkthrough {
    private static final Logger LOG = LoggerFactory.getLogger(Walkthrough.class);
    private static final DateTimeFormatter RUN_ID = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final Config config;
    private final ChecklistStore store;
    private final ChecklistFile.Checklist checklist;
    private volatile StepContext running;
    private volatile java.util.concurrent.CountDownLatch performing;

    /** Reads the checklist (bad lines in a replacement file are one-line errors, exit 2). */
    public Walkthrough(Config config) {
        this.config = config;
        this.store = new ChecklistStore(config.stateDir().resolve("checklist"));
        this.checklist = ChecklistFile.read(config.checklist().file(), StepOperation.vocabulary());
    }

    public ChecklistFile.Checklist checklist() {
        return checklist;
    }

    public ChecklistStore store() {
        return store;
    }

    /** The checklist as it stands; reads only, takes no lock. */
    public Snapshot snapshot() {
        return Snapshots.of(config, checklist, store.current().orElse(null), Decision.of(config));
    }

    /** The same, with a stability matrix the caller has just built (no second read of every run). */
    public Snapshot snapshot(dev.r58ctl.stability.MatrixReport matrix) {
        return Snapshots.of(config, checklist, store.current().orElse(null), Decision.of(config, matrix));
    }

    /**
     * Performs the next step (an action or check) and returns its record. Refused with one line, nothing changed,
     * when another r58ctl holds the lock, when the next step is no longer {@code expected}, when it is manual, or when
     * its gate does not hold and {@code force} is false.
     */
    public StepRecord next(String expected, boolean force, String command, StepListener listener) {
        try (ChecklistLock lock = ChecklistLock.take(store.dir(), command)) {
            Snapshot s = snapshot();
            Snapshot.Step step = s.next();
            if (step == null) {
                throw R58Exception.failed("the checklist is complete: nothing to do (`r58ctl checklist reset --yes` "
                        + "starts a new walk)");
            }
            if (expected != null && !expected.equals(step.id())) {
                throw R58Exception.failed("the next step is now " + step.id() + ", not " + expected
                        + " (another r58ctl moved on); nothing changed");
            }
            if (step.kind().equals(ChecklistStep.MANUAL)) {
                throw R58Exception.failed(step.id() + " is done by the operator: confirm it with `r58ctl checklist "
                        + "done " + step.id() + " --note TEXT`");
            }
            boolean gateHolds = s.decision().holds(step.gate());
            if (!gateHolds && !force) {
                throw R58Exception.failed(s.decision().refusal(step.id(), step.gate()));
            }
            return perform(s, checklist.step(step.id()), !gateHolds, listener == null ? StepListener.NONE : listener);
        }
    }

    private StepRecord perform(Snapshot s, ChecklistStep step, boolean forced, StepListener listener) {
        RunState run = begin(s);
        String boot = new KernelLog(config).bootId();
        dev.r58ctl.stability.RunProcess self = dev.r58ctl.stability.RunProcess.current(boot);
        StepRecord r = new StepRecord(step.id(), StepRecord.RUNNING, Instant.now().toString(), null, OperatorName.now(),
                forced, self.pid(), self.processStart(), boot, null, null, null, null, null, null);
        run = run.with(r);
        store.save(run); // running, before any work: a kill -9 from here on shows it interrupted
        LOG.info("checklist step {} ({}) started{}", step.id(), step.operation(),
                forced ? ", forced past its gate" : "");
        listener.started(step.id(), step.title());
        StepContext ctx = new StepContext(config, checklist, step, run, listener);
        RunState started = run;
        ctx.checkpoint(known -> store.save(started.with(r.withEvidence(known))));
        java.util.concurrent.CountDownLatch finished = new java.util.concurrent.CountDownLatch(1);
        performing = finished;
        running = ctx;
        StepRecord end;
        try {
            Evidence e;
            try {
                e = OperationRunner.run(StepOperation.of(step.operation()), ctx);
            } catch (R58Exception ex) {
                e = Evidence.failed(ex.getMessage());
            }
            end = r.withEvidence(e).withState(e.ok() ? StepRecord.DONE : StepRecord.FAILED, Instant.now().toString());
            store.save(run.with(end));
        } finally {
            running = null;
            finished.countDown();
        }
        LOG.info("checklist step {} {}: {}", step.id(), end.state(), end.detail());
        listener.finished(end);
        return end;
    }

    /** Confirms a manual step with the operator's note. */
    public StepRecord done(String stepId, String note, String command) {
        ChecklistStep step = require(stepId);
        if (!step.manual()) {
            throw R58Exception.failed(stepId + " is "
                    + (step.kind().equals(ChecklistStep.ACTION) ? "an action" : "a check")
                    + " r58ctl performs itself: `r58ctl checklist next` runs it (done confirms manual steps only)");
        }
        return record(step, StepRecord.DONE, note, command);
    }

    /** Skips a step with the operator's reason. */
    public StepRecord skip(String stepId, String reason, String command) {
        return record(require(stepId), StepRecord.SKIPPED, reason, command);
    }

    private StepRecord record(ChecklistStep step, String state, String note, String command) {
        if (note == null || note.isBlank()) {
            throw R58Exception.badInput(state.equals(StepRecord.DONE) ? "--note: say what you saw"
                    : "--reason: say why");
        }
        try (ChecklistLock lock = ChecklistLock.take(store.dir(), command)) {
            Snapshot s = snapshot();
            Snapshot.Step shown = s.steps().stream().filter(x -> x.id().equals(step.id())).findFirst().orElseThrow();
            if (shown.state().equals(StepRecord.RUNNING)) {
                throw R58Exception.failed(step.id() + " is running in pid " + shown.record().pid()
                        + "; nothing changed");
            }
            RunState run = begin(s);
            String now = Instant.now().toString();
            StepRecord r = new StepRecord(step.id(), state, now, now, OperatorName.now(), false, null, null, null, null, null,
                    null, null, note.strip(), null);
            store.save(run.with(r));
            LOG.info("checklist step {} {} by {}: {}", step.id(), state, r.who(), note);
            return r;
        }
    }

    /** Ends the walk: the current one moves to history. Returns where it went, or null when there was none. */
    public Path reset(String command) {
        try (ChecklistLock lock = ChecklistLock.take(store.dir(), command)) {
            return store.archive();
        }
    }

    /** Ends a running test or watch early (Ctrl-C); the step ends failed, "stopped by the operator". */
    public void cancel() {
        StepContext c = running;
        if (c != null) {
            c.cancel();
        }
    }

    /** Waits until a step being performed has its end on disk; false after the timeout. */
    public boolean awaitDone(java.time.Duration timeout) throws InterruptedException {
        java.util.concurrent.CountDownLatch l = performing;
        return l == null || l.await(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    /** What the operator does for a manual step, or null when there is nothing to show. */
    public String instructions(String stepId) {
        ChecklistStep step = require(stepId);
        return OperationRunner.instructions(config, step.operation());
    }

    private ChecklistStep require(String stepId) {
        ChecklistStep step = checklist.step(stepId);
        if (step == null) {
            throw R58Exception.badInput("no step \"" + stepId + "\" in the " + checklist.source() + "; steps: "
                    + String.join(", ", checklist.steps().stream().map(ChecklistStep::id).toList()));
        }
        return step;
    }

    /** The walk in progress, or a new one with every step pending. */
    private RunState begin(Snapshot s) {
        return store.current().orElseGet(() -> {
            List<StepRecord> steps = new ArrayList<>();
            checklist.steps().forEach(st -> steps.add(StepRecord.pending(st.id())));
            return new RunState(LocalDateTime.now().format(RUN_ID), Instant.now().toString(), checklist.source(),
                    s.decision().key(), steps);
        });
    }
}
