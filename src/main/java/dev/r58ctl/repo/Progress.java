package dev.r58ctl.repo;

/**
 * What a repository operation reports while it runs, one step at a time. The command line prints it and the
 * dashboard will show it; both implement this. Calls come from the thread running the operation.
 */
public interface Progress {
    /** Reports nothing. */
    Progress NONE = new Progress() {
    };

    /** A step is about to start. */
    default void begin(String step, String detail) {
    }

    /** A step has finished; {@code detail} says what it did. */
    default void done(String step, String detail, long millis) {
    }
}
