package dev.r58ctl.stability;

/** Where an encoder with its settings stands on this board. */
public enum MatrixStatus {
    /** Encode, soak and push all passed in their latest runs, and no run ever saw kernel trouble. */
    STABLE,
    /** Kernel trouble or a crash under it, in a run or in the configured evidence. */
    UNSTABLE,
    /** Some test could not run, failed for another reason, or has not run yet. */
    PARTIAL,
    /** Nothing known. */
    UNTESTED
}
