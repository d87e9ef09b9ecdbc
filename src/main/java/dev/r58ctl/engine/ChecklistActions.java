package dev.r58ctl.engine;

import dev.r58ctl.R58Exception;
import dev.r58ctl.checklist.Snapshot;
import dev.r58ctl.checklist.StepListener;
import dev.r58ctl.checklist.StepRecord;
import dev.r58ctl.checklist.Walkthrough;
import dev.r58ctl.config.Config;
import dev.r58ctl.engine.EngineEvent.Message;
import dev.r58ctl.stability.MatrixReport;
import dev.r58ctl.stability.StabilityListener;
import dev.r58ctl.stability.TestKind;
import dev.r58ctl.stability.TestResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The guided migration for the dashboard: snapshots when the walk changes (here or by another r58ctl), and steps
 * performed on a thread of their own, because a watch or a monitoring period lasts hours and the worker must stay
 * free for a rollback meanwhile. One step at a time; the walk's own lock keeps other r58ctl processes out.
 */
final class ChecklistActions implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ChecklistActions.class);

    private final Config config;
    private final Consumer<EngineEvent> emit;
    /**
     * Rebuilds the matrix, which then calls {@link #refresh}, and reads the checkout again: a step may have added a
     * run or a commit. On the step's thread before the step is said to be finished, so that the next {@code n} finds
     * the next step (and the branch the new run decided), not this one still running.
     */
    private final Runnable refreshAfterStep;
    /** How the engine runs a stability test (its cameras paused meanwhile when so configured). */
    private final TestRunner tests;
    private final ExecutorService steps = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "r58ctl-checklist");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean busy = new AtomicBoolean();
    private volatile Walkthrough walk;
    private volatile MatrixReport matrix;
    private volatile long seenModified = -1;

    /** {@link Engine#aside}: runs a test, reporting what it does with the cameras as lines. */
    interface TestRunner {
        TestResult run(TestKind kind, String encoder, Consumer<String> say, Supplier<TestResult> test);
    }

    ChecklistActions(Config config, Consumer<EngineEvent> emit, Runnable refreshAfterStep, TestRunner tests) {
        this.config = config;
        this.emit = emit;
        this.refreshAfterStep = refreshAfterStep;
        this.tests = tests;
    }

    /** The walk, read once; a bad checklist file is reported as the panel's problem. */
    private Walkthrough walk() {
        Walkthrough w = walk;
        if (w == null) {
            w = new Walkthrough(config);
            walk = w;
        }
        return w;
    }

    /**
     * Tells the front ends where the walk stands, with the matrix just built (it decides the branch). The step's
     * thread and the engine's worker both refresh; one at a time, so that the walk is read and told in the same
     * order: a snapshot read while a step ran, told after the one read when it ended, took the dashboard back to the
     * running step (n then showed the finished step again).
     */
    synchronized void refresh(MatrixReport report) {
        matrix = report;
        seenModified = modified(); // what this snapshot has seen; later changes are another r58ctl's
        publish();
    }

    private synchronized void publish() {
        try {
            MatrixReport m = matrix;
            Snapshot s = m == null ? walk().snapshot() : walk().snapshot(m);
            Snapshot.Step next = s.next();
            String how = next != null && "manual".equals(next.kind()) ? walk().instructions(next.id()) : null;
            emit.accept(new EngineEvent.ChecklistUpdated(s, how, null));
        } catch (R58Exception e) {
            emit.accept(new EngineEvent.ChecklistUpdated(null, null, e.getMessage()));
        } catch (RuntimeException e) {
            LOG.error("checklist", e);
            emit.accept(new EngineEvent.ChecklistUpdated(null, null, e.toString()));
        }
    }

    /** True when the walk's file changed since the last snapshot (another r58ctl moved on): one stat a tick. */
    boolean changedOnDisk() {
        return modified() != seenModified;
    }

    private long modified() {
        Path f = config.stateDir().resolve("checklist/current.json");
        try {
            return Files.exists(f) ? Files.getLastModifiedTime(f).toMillis() : 0;
        } catch (java.io.IOException e) {
            return 0;
        }
    }

    /** Performs the next step, if it is still {@code expected}; progress comes back as Step and TestProgress. */
    void next(String expected, boolean force) {
        run("checklist " + expected, () -> {
            StepRecord r = walk().next(expected, force, "r58ctl dashboard", listener(expected));
            boolean ok = StepRecord.DONE.equals(r.state());
            emit.accept(new Message(ok ? Message.Level.INFO : Message.Level.ERROR, "checklist " + r.id() + ": "
                    + r.state() + (r.forced() ? " (forced past its gate)" : "") + (r.detail() == null ? "" : ": "
                    + r.detail())));
        });
    }

    /** Confirms a manual step with the operator's note. */
    void done(String stepId, String note) {
        run("checklist " + stepId, () -> {
            walk().done(stepId, note, "r58ctl dashboard");
            emit.accept(new Message(Message.Level.INFO, "checklist " + stepId + ": done (" + note + ")"));
        });
    }

    private void run(String what, Runnable task) {
        if (!busy.compareAndSet(false, true)) {
            emit.accept(new Message(Message.Level.WARNING, what + ": another checklist step is running here"));
            return;
        }
        steps.submit(() -> {
            try {
                task.run();
            } catch (R58Exception e) {
                emit.accept(new Message(Message.Level.ERROR, what + ": " + e.getMessage()));
            } catch (RuntimeException e) {
                LOG.error("{} failed", what, e);
                emit.accept(new Message(Message.Level.ERROR, what + ": " + e));
            } finally {
                busy.set(false);
                try {
                    refreshAfterStep.run();
                } finally {
                    emit.accept(new EngineEvent.Step("checklist", what, "finished", true));
                }
            }
        });
    }

    private StepListener listener(String stepId) {
        return new StepListener() {
            @Override
            public void started(String id, String title) {
                emit.accept(new EngineEvent.Step("checklist", id, title, false));
                publish(); // now running; the matrix has not changed yet
            }

            @Override
            public void progress(String line) {
                emit.accept(new EngineEvent.Step("checklist", stepId, line, false));
            }

            @Override
            public StabilityListener stability() {
                return new TestEvents("checklist " + stepId, config.checklist().targetEncoder(), emit);
            }

            @Override
            public TestResult test(TestKind kind, String encoder, Supplier<TestResult> run) {
                return tests.run(kind, encoder, line -> progress(line), run);
            }
        };
    }

    /** Ends a running test or watch (it is recorded as stopped by the operator) and waits a little for its record. */
    @Override
    public void close() {
        Walkthrough w = walk;
        if (w != null && busy.get()) {
            w.cancel();
            try {
                w.awaitDone(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        steps.shutdownNow();
    }
}
