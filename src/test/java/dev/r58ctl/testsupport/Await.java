package dev.r58ctl.testsupport;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Waits on a condition instead of a fixed time: a loaded machine takes longer, never fails sooner. The bound only
 * keeps a broken test from hanging; it is generous on purpose.
 */
public final class Await {
    private Await() {
    }

    /** Polls {@code done} every 20 ms until it holds; fails after {@code bound} with {@code what} and its state. */
    public static void until(String what, Duration bound, BooleanSupplier done, Supplier<String> state) {
        long end = System.nanoTime() + bound.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > end) {
                fail("not within " + bound.toSeconds() + " s: " + what + " (" + state.get() + ")");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted waiting for " + what);
            }
        }
    }
}
