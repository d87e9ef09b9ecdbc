package dev.r58ctl.remote;

import java.util.function.Consumer;

/**
 * A connection to an engine's server, a line at a time: the SSH exec channel to the board ({@link BoardChannel}) or
 * the agent's Unix socket ({@link AgentChannel}). Lines arrive on its reader thread; when it ends without being
 * closed here, {@code ended} hears why, once.
 */
interface LineChannel {
    /** Sends one line; false when the connection is gone. */
    boolean send(String line);

    /** Ends this side's output (the server then lets go), waits up to {@code millis} for it, and disconnects. */
    void close(long millis);

    /** The server's last error line, or null. */
    String lastError();

    /** How to open connections to one server, again after a drop. */
    interface Opener {
        /** What the operator calls it in "... unreachable since": "board", "r58ctl agent". */
        String name();

        /** Connects; one R58Exception line when it cannot (exit 3 unreachable, 2 refused). */
        LineChannel open(Consumer<String> notices, Consumer<String> lines, Consumer<String> ended);
    }
}
