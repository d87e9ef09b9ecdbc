package dev.r58ctl;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * The one way r58ctl stops when it is asked to from outside: SIGHUP (the terminal hung up, as when an SSH session
 * drops), SIGTERM, SIGINT, or a terminal that stops answering. The JVM would run its shutdown hooks and end while the
 * command's own threads were still mid-way (a recording without its index, a stand-in service left running); here
 * the command that runs is asked to stop as its own q or Ctrl-C stops it, and it unwinds on its own thread through
 * the code every other way out uses, so files are finalised and state written once, by the code that does it.
 *
 * <p>What runs registers with {@link #whileRunning}: a name, and how to ask it to stop (the dashboard quits, a test
 * is cancelled, a pipeline gets EOS). A request wakes every registration; what has not finished {@link #BOUND} later
 * is named in the log and the process exits anyway. A command that registered nothing (status, kmsg --follow) ends
 * at once, as the JVM would end it. The exit code is 128 + the signal's number, as the JVM's own.
 */
public final class Shutdown {
    /** How long a requested stop may take before the process exits anyway. */
    public static final Duration BOUND = Duration.ofSeconds(5);

    private static final Set<Registration> RUNNING = new LinkedHashSet<>();
    /** Why the process is stopping, e.g. "SIGHUP"; null while nobody asked. Guarded by the class. */
    private static String cause;
    private static int exitCode;
    private static boolean hungUp;
    private static long askedNanos;

    private Shutdown() {
    }

    /**
     * Takes SIGHUP, SIGTERM and SIGINT from the JVM (once, at the start). A signal ignored at the start stays
     * ignored ({@code nohup}), as the JVM leaves it.
     */
    public static void install() {
        for (String name : List.of("HUP", "TERM", "INT")) {
            try {
                Signal.handle(new Signal(name), s -> request("SIG" + s.getName(), 128 + s.getNumber(),
                        s.getName().equals("HUP")));
            } catch (IllegalArgumentException e) {
                // the JVM keeps it (-Xrs): its own shutdown applies
            }
        }
    }

    /** Something that runs until it is stopped; {@link #close} when it has. */
    public static final class Registration implements AutoCloseable {
        private final String what;
        private final Runnable wake;

        private Registration(String what, Runnable wake) {
            this.what = what;
            this.wake = wake;
        }

        private void wake() {
            if (wake == null) {
                return;
            }
            try {
                wake.run();
            } catch (RuntimeException e) {
                log().warn("asking {} to stop: {}", what, e.toString());
            }
        }

        @Override
        public void close() {
            synchronized (Shutdown.class) {
                RUNNING.remove(this);
            }
        }
    }

    /**
     * Registers {@code what} (named in the log if it has not finished in time) until closed; {@code wake} asks it to
     * stop, and may be null for a step that ends by itself. Asked already: woken now, on this thread.
     */
    public static Registration whileRunning(String what, Runnable wake) {
        Registration r = new Registration(what, wake);
        boolean late;
        synchronized (Shutdown.class) {
            RUNNING.add(r);
            late = cause != null;
        }
        if (late) {
            r.wake();
        }
        return r;
    }

    /**
     * Asks the process to stop: every registration is woken and the process exits {@link #BOUND} later whatever
     * still runs; with nothing registered it exits now. Only the first request counts.
     *
     * @param why      the signal's name, or what happened ("the terminal stopped answering: end of input")
     * @param code     the exit code
     * @param terminal true when the terminal is gone: nothing may write to it or run stty on it any more
     */
    public static void request(String why, int code, boolean terminal) {
        List<Registration> now;
        synchronized (Shutdown.class) {
            hungUp |= terminal;
            if (cause != null) {
                log().info("{} while stopping for {}: the stop goes on", why, cause);
                return;
            }
            cause = why;
            exitCode = code;
            askedNanos = System.nanoTime();
            now = new ArrayList<>(RUNNING);
            if (now.isEmpty()) {
                log().info("{}: exiting", why);
            } else {
                log().warn("{}: stopping as on q ({})", why, names(now)); // before a second request's line
            }
        }
        // armed first, also for System.exit below: a shutdown hook that waits (a terminal that takes no output) must
        // not keep the process alive past the bound either
        Thread bound = new Thread(Shutdown::exitAfterBound, "r58ctl-stop-bound");
        bound.setDaemon(true);
        bound.start();
        if (now.isEmpty()) {
            System.exit(code); // nothing of r58ctl's own to finish: the JVM's shutdown hooks, as without this class
            return;
        }
        for (Registration r : now) { // each on its own thread: one that waits for a lock delays no other
            Thread t = new Thread(r::wake, "r58ctl-stop-" + r.what);
            t.setDaemon(true);
            t.start();
        }
    }

    /** True once a stop was asked for. */
    public static synchronized boolean requested() {
        return cause != null;
    }

    /** True once the terminal is known to be gone (SIGHUP, or it stopped answering): leave it untouched. */
    public static synchronized boolean terminalGone() {
        return hungUp;
    }

    /** Who stopped what ran, for a result: "the operator" unless a signal or a dead terminal did. */
    public static synchronized String stoppedBy() {
        if (cause == null || cause.equals("SIGINT")) {
            return "the operator";
        }
        if (cause.equals("SIGHUP")) {
            return "SIGHUP (the terminal hung up)";
        }
        return cause.startsWith("SIG") || !hungUp ? cause : "a hang-up (the terminal stopped answering)";
    }

    /**
     * The exit code once the command's own path has ended (Main, before its last flush and exit): the command's, or
     * the requested one after a request. The bound stays armed until the process is gone: the last flush of stdout
     * to a terminal that takes no output would block, and the process must end all the same.
     */
    public static int exitCode(int code) {
        synchronized (Shutdown.class) {
            if (cause == null) {
                return code;
            }
            log().info("stopped for {} in {} ms", cause, (System.nanoTime() - askedNanos) / 1_000_000);
            return exitCode;
        }
    }

    /** The bound: the process is normally gone long before it (the JVM ends with this daemon thread asleep). */
    private static void exitAfterBound() {
        try {
            Thread.sleep(BOUND.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        String left;
        int code;
        synchronized (Shutdown.class) {
            left = RUNNING.isEmpty() ? "r58ctl's own exit (its last output to the terminal?)"
                    : names(new ArrayList<>(RUNNING));
            code = exitCode;
        }
        log().warn("not finished within {} s of {}: {}; exiting anyway", BOUND.toSeconds(), cause(), left);
        for (java.util.logging.Handler h : java.util.logging.Logger.getLogger("").getHandlers()) {
            h.flush();
        }
        // halt, not exit: whatever did not finish may hold what a shutdown hook would wait for (a terminal that
        // takes no output, a pipeline stuck in teardown)
        Runtime.getRuntime().halt(code);
    }

    private static synchronized String cause() {
        return cause;
    }

    private static String names(List<Registration> rs) {
        List<String> out = new ArrayList<>();
        rs.forEach(r -> out.add(r.what));
        return String.join(", ", out);
    }

    /** Made when first needed: most runs are never asked to stop, and the log starts on its own thread. */
    private static Logger log() {
        return LoggerFactory.getLogger(Shutdown.class);
    }
}
