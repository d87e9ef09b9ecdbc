package dev.r58ctl.kernel;

import java.io.IOException;

/**
 * Where kernel lines come from. In follow mode {@link #next()} blocks until a line arrives (no polling loop);
 * otherwise it returns null once the log's current end is reached. {@link #close()} from another thread makes a
 * blocked {@code next()} return null promptly.
 */
public interface KernelSource extends AutoCloseable {
    /** How the source is named to the operator: kmsg, journalctl, dmesg or file:PATH. */
    String name();

    /** An identifier of the log this source reads (the boot id for the live kernel, the path for a file). */
    String logId();

    /** The next line, or null at the end (dump mode) or after close. */
    KernelLine next() throws IOException;

    /**
     * Decides from a line's raw bytes, before it is decoded, that nobody needs it. Called in order, once per line.
     */
    @FunctionalInterface
    interface Skip {
        /**
         * @param utf8 the line's bytes, {@code [from, to)}, without its line end; valid during the call only
         * @param seq  the sequence number the line has
         * @return true to pass over the line: it is neither decoded nor returned
         */
        boolean skip(byte[] utf8, int from, int to, long seq);
    }

    /**
     * Like {@link #next()}, but lines that {@code skip} passes over are not built (their sequence numbers are
     * used all the same). A source that reads bytes asks it before decoding; the others return every line.
     */
    default KernelLine next(Skip skip) throws IOException {
        return next();
    }

    @Override
    void close();
}
