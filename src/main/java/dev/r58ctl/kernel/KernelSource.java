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

    @Override
    void close();
}
