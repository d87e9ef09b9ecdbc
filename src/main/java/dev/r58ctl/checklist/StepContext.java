package dev.r58ctl.checklist;

import dev.r58ctl.config.ChecklistFile;
import dev.r58ctl.config.ChecklistStep;
import dev.r58ctl.config.Config;

/**
 * What an operation works with: the configuration, its step, the walk so far (earlier steps' evidence) and the
 * listener; and a way to be cancelled from another thread (Ctrl-C), which ends its waits at once.
 */
final class StepContext {
    final Config config;
    final ChecklistStep step;
    final RunState run;
    final StepListener listener;
    private final ChecklistFile.Checklist checklist;
    private final Object waiter = new Object();
    private boolean woken;
    private volatile boolean cancelled;
    private volatile Runnable onCancel = () -> { };
    private java.util.function.Consumer<Evidence> checkpoint = e -> { };

    StepContext(Config config, ChecklistFile.Checklist checklist, ChecklistStep step, RunState run,
                StepListener listener) {
        this.config = config;
        this.checklist = checklist;
        this.step = step;
        this.run = run;
        this.listener = listener;
    }

    /** The record of the first step of this walk that ran {@code op}, or null. */
    StepRecord evidenceOf(StepOperation op) {
        for (StepRecord r : run.steps()) {
            ChecklistStep s = stepOf(r.id());
            if (s != null && op.key().equals(s.operation()) && r.state().equals(StepRecord.DONE)) {
                return r;
            }
        }
        return null;
    }

    private ChecklistStep stepOf(String id) {
        return checklist.step(id);
    }

    /** Where {@link #known} writes to: the running record on disk. */
    void checkpoint(java.util.function.Consumer<Evidence> c) {
        this.checkpoint = c;
    }

    /** Records what is known so far (a run id, a mark) in the running step, so an interruption keeps it. */
    void known(String runId, String mark) {
        checkpoint.accept(new Evidence(false, runId, mark, null, null, null));
    }

    /** What to do when cancelled (stop a stability test). */
    void onCancel(Runnable r) {
        this.onCancel = r;
        if (cancelled) {
            r.run();
        }
    }

    void cancel() {
        cancelled = true;
        wake();
        onCancel.run();
    }

    boolean isCancelled() {
        return cancelled;
    }

    /** Ends the current {@link #sleep} early (kernel trouble was read). */
    void wake() {
        synchronized (waiter) {
            woken = true;
            waiter.notifyAll();
        }
    }

    /** Waits up to {@code millis} or until woken; true when cancelled. */
    boolean sleep(long millis) {
        synchronized (waiter) {
            try {
                if (!woken && !cancelled && millis > 0) {
                    waiter.wait(millis);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                cancelled = true;
            }
            woken = false;
        }
        return cancelled;
    }
}
