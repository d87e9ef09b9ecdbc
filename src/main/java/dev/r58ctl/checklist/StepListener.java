package dev.r58ctl.checklist;

import dev.r58ctl.stability.StabilityListener;

/**
 * What a step reports while it runs, to the command line and the dashboard alike. Calls come on the thread running
 * the step and must return quickly. Every method does nothing by default.
 */
public interface StepListener {
    /** A listener that ignores everything. */
    StepListener NONE = new StepListener() {
    };

    /** The step is about to run; its record already says running on disk. */
    default void started(String stepId, String title) {
    }

    /** One line of progress (a watch's minute, a service restart). */
    default void progress(String line) {
    }

    /** Who hears a stability test's seconds; nobody by default. */
    default StabilityListener stability() {
        return StabilityListener.NONE;
    }

    /**
     * Runs a stability test the step needs and returns its result: here at once; the dashboard first pauses the
     * cameras it runs when {@code stability.pause_cameras} says so, and starts them again afterwards.
     */
    default dev.r58ctl.stability.TestResult test(dev.r58ctl.stability.TestKind kind, String encoder,
                                                 java.util.function.Supplier<dev.r58ctl.stability.TestResult> run) {
        return run.get();
    }

    /** The step ended; its record is on disk. */
    default void finished(StepRecord record) {
    }
}
