package dev.r58ctl.cli;

import java.time.Duration;
import java.util.concurrent.Callable;

/**
 * Runs a long engine operation so that Ctrl-C (SIGINT, SIGTERM) ends it cleanly: a shutdown hook cancels it and
 * waits, bounded, until its result is on disk, so a soak stopped by the operator says so instead of looking like a
 * board that went down.
 */
final class OnInterrupt {
    static final Duration GRACE = Duration.ofSeconds(20);

    /** Waits until the operation is done; false after the timeout. */
    interface Await {
        boolean await(Duration timeout) throws InterruptedException;
    }

    private OnInterrupt() {
    }

    static <T> T run(Runnable cancel, Await done, Callable<T> operation) {
        Thread hook = new Thread(() -> {
            cancel.run();
            try {
                done.await(GRACE);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "r58ctl-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            return operation.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // already shutting down: the hook is running
            }
        }
    }
}
