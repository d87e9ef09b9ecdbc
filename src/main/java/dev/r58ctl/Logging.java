package dev.r58ctl;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.ErrorManager;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Logging goes to {@code r58ctl.log} under the state directory, never to the terminal: SLF4J (ours and
 * JGit's) is bound to java.util.logging, which gst1-java-core uses too, and JUL's console handler is removed
 * before anything can log. Not even a full disk reaches the terminal: a record that cannot be written is counted
 * ({@link #writeFailures}, shown by {@code status}) and dropped.
 */
public final class Logging {
    public static final String FILE_NAME = "r58ctl.log";
    private static final int MAX_BYTES = 5 << 20;
    private static final int FILES = 3;
    private static volatile Path current;

    private Logging() {
    }

    /** Removes every handler, so that nothing logged before {@link #toFile} reaches the terminal. */
    public static void silence() {
        quietSlf4j();
        System.setProperty(CONFIG_CLASS, Quiet.class.getName());
        LogManager.getLogManager().reset();
        Logger.getLogger("").setLevel(Level.INFO);
    }

    /**
     * As {@link #silence}, for the launcher's start: java.util.logging is told to configure itself with
     * {@link Quiet} (no handler, so nothing can reach the terminal whichever thread logs first), and is started,
     * with SLF4J, on a daemon thread while the configuration is read: about 30 ms off every command's start.
     */
    public static void quietStart() {
        quietSlf4j();
        System.setProperty(CONFIG_CLASS, Quiet.class.getName());
        Thread t = new Thread(() -> {
            org.slf4j.LoggerFactory.getILoggerFactory();
            Logger.getLogger("").setLevel(Level.INFO);
        }, "r58ctl-logging");
        t.setDaemon(true);
        t.start();
    }

    /**
     * SLF4J reports on its own start to stderr: a record logged by another thread while it starts is replayed with a
     * warning (seen on a CI run, 9 starts in 100 here). Its reports are kept to errors, and its provider is named, so
     * that it has nothing to search for nor to report.
     */
    private static void quietSlf4j() {
        System.setProperty("slf4j.internal.verbosity", "ERROR");
        System.setProperty("slf4j.provider", "org.slf4j.jul.JULServiceProvider");
    }

    private static final String CONFIG_CLASS = "java.util.logging.config.class";

    /** java.util.logging's configuration at start: none, in place of the JDK's console handler. */
    public static final class Quiet {
        public Quiet() {
            // no handler until toFile: nothing is read, nothing is written
        }
    }

    /**
     * Sends the log to {@code dir/r58ctl.log} (moved to r58ctl.log.1 at 5 MiB, 3 files kept, shared with every other
     * r58ctl: see {@link RotatingFileHandler}); null if it cannot be written now (records are then counted as failed
     * writes until it can).
     */
    public static synchronized Path toFile(Path dir) {
        Path file = dir.resolve(FILE_NAME);
        if (file.equals(current)) {
            return current;
        }
        try {
            System.setProperty("java.util.logging.SimpleFormatter.format",
                    "%1$tF %1$tT.%1$tL %4$-7s %3$s: %5$s%6$s%n");
            RotatingFileHandler h = new RotatingFileHandler(file, MAX_BYTES, FILES, SimpleFormatter::new);
            Logger root = Logger.getLogger("");
            for (var old : root.getHandlers()) {
                root.removeHandler(old);
                old.close();
            }
            root.addHandler(h);
            handler = h;
            current = file;
            return h.isOpen() ? file : null;
        } catch (RuntimeException e) {
            FAILURES.incrementAndGet();
            return null; // an unwritable state directory must not stop a read-only command
        }
    }

    public static synchronized Path currentFile() {
        return current;
    }

    /** Makes the log's formatter now (see {@link RotatingFileHandler#prepare}); for a thread that has time to spare. */
    public static void prepare() {
        RotatingFileHandler h;
        synchronized (Logging.class) {
            h = handler;
        }
        if (h != null) {
            h.prepare();
        }
    }

    /** Log records this process could not write (a full disk, an unwritable directory), counted and dropped. */
    public static long writeFailures() {
        return FAILURES.get();
    }

    /** Why the latest record could not be written, in one line ({@link DiskFull}'s for a full disk), or null. */
    public static String lastFailure() {
        Throwable e = lastFailure;
        Path f = current;
        if (e == null) {
            return null;
        }
        return f == null ? String.valueOf(e.getMessage()) : DiskFull.message(f, e, "cannot write the log");
    }

    private static final AtomicLong FAILURES = new AtomicLong();
    private static volatile Throwable lastFailure;
    private static RotatingFileHandler handler;

    /**
     * java.util.logging's ErrorManager prints a failed write's stack trace to stderr, over the dashboard; this one
     * counts it and prints nothing.
     */
    static final class Counting extends ErrorManager {
        @Override
        public void error(String msg, Exception ex, int code) {
            FAILURES.incrementAndGet();
            lastFailure = ex;
        }
    }
}
