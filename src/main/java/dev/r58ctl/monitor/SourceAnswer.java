package dev.r58ctl.monitor;

/**
 * What every polled source reports: whether it answered at all, whether the answer was good, and, when it was
 * not, one line saying why.
 */
public interface SourceAnswer {
    /** An HTTP response came back (whatever its status). */
    boolean reachable();

    /** The answer was the good one: healthy, or parsed as expected. */
    boolean ok();

    /** Why not {@link #ok()}, one line; null when ok. */
    String reason();
}
