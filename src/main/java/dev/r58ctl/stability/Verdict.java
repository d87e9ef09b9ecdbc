package dev.r58ctl.stability;

/** How a stability test ended. Only PASS counts as passed; every other verdict exits 1. */
public enum Verdict {
    /** Still running, or its process died before it could say (see {@link UnfinishedRuns}). */
    RUNNING,
    /** Every check passed and the kernel stayed quiet. */
    PASS,
    /** It ran, but a check failed for a reason other than the kernel. */
    FAIL,
    /** The kernel reported trouble during the run: the pipeline was stopped at once. */
    UNSTABLE,
    /** It could not run (a missing element, no space): nothing was proven either way. */
    NOT_RUN,
    /** Its process ended before it finished: the board went down, or r58ctl was killed. */
    INTERRUPTED
}
