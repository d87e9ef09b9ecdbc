package dev.r58ctl.stability;

/**
 * What a stability test reports while it runs, to the command line and the dashboard alike. Every call comes on the
 * thread that runs the test, in order, and must return quickly: a dashboard hands it to its own thread. Every method
 * does nothing by default.
 */
public interface StabilityListener {
    /** A listener that ignores everything. */
    StabilityListener NONE = new StabilityListener() {
    };

    /** The test is about to start its pipeline; its result file already exists with verdict RUNNING. */
    default void started(String id, TestPlan plan) {
    }

    /** One second of the run: CPU and frames. */
    default void second(CpuSample sample) {
    }

    /** The pipeline was stopped before its time, and why; {@code latencyMs} from the cause to stopped, or -1. */
    default void stopped(String why, long latencyMs) {
    }

    /** Kernel trouble seen during the run (reported once the pipeline is stopped). */
    default void kernelTrouble(TroubleIncident incident) {
    }

    /** The test ended; its result is on disk. */
    default void finished(TestResult result) {
    }
}
