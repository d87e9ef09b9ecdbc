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
     * Decides from a line's raw bytes, before it is decoded, that nobody needs it. {@link #skip} is called in
     * order, once per line, except for the lines a source passes over in bulk after asking
     * {@link #firstOfInterest}.
     */
    @FunctionalInterface
    interface Skip {
        /**
         * @param utf8 the line's bytes, {@code [from, to)}, without its line end; valid during the call only
         * @param seq  the sequence number the line has
         * @return true to pass over the line: it is neither decoded nor returned
         */
        boolean skip(byte[] utf8, int from, int to, long seq);

        /**
         * For a source that reads many lines into one buffer: a position in {@code utf8[from, to)} (which starts
         * at a line's start) such that {@link #skip} would pass over every whole line that ends before it, so the
         * source may pass over those without asking; {@code to} when that holds for every whole line there.
         * Returning {@code from}, as the default does, passes over nothing in bulk.
         */
        default int firstOfInterest(byte[] utf8, int from, int to) {
            return from;
        }

        /** Lines up to and including {@code seq} were passed over in bulk. */
        default void passedOver(long seq) {
        }
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
