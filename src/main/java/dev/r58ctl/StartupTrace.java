package dev.r58ctl;

import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Start-up phases for scripts/bench-startup: with {@code R58CTL_STARTUP_TRACE=FILE} in the environment each
 * {@link #mark} appends "milliseconds-since-main phase" to FILE; without it a mark costs one field read.
 */
public final class StartupTrace {
    private static final String FILE = System.getenv("R58CTL_STARTUP_TRACE");
    private static final long START = System.nanoTime();

    private StartupTrace() {
    }

    public static void mark(String phase) {
        if (FILE == null) {
            return;
        }
        long tenths = (System.nanoTime() - START) / 100_000; // no String.format: its first use costs milliseconds
        String line = tenths / 10 + "." + tenths % 10 + " " + phase + "\n";
        synchronized (StartupTrace.class) {
            try (FileOutputStream out = new FileOutputStream(FILE, true)) {
                out.write(line.getBytes(StandardCharsets.UTF_8));
            } catch (IOException ignored) {
                // a benchmark aid only
            }
        }
    }
}
