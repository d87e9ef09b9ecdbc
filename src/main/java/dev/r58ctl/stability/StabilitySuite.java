package dev.r58ctl.stability;

import java.util.ArrayList;
import java.util.List;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The seed's three tests in order (encode, soak, push) with the same encoder and settings, run once. Guarantee: it
 * stops at the first kernel trouble (an encoder that made the kernel complain is not pushed any further) and when
 * cancelled.
 */
public final class StabilitySuite implements Callable<List<TestResult>> {
    private final StabilityTest template;
    private boolean ran;
    private volatile boolean cancelled;
    private volatile StabilityTest current;
    private final CountDownLatch done = new CountDownLatch(1);

    /** The options of {@code template} (encoder, camera, settings, duration for each test...) apply to every test. */
    public StabilitySuite(StabilityTest template) {
        this.template = template;
    }

    /** Ends the running test early and runs no more (Ctrl-C). Safe from any thread. */
    public void cancel() {
        cancelled = true;
        StabilityTest t = current;
        if (t != null) {
            t.cancel();
        }
    }

    /** Waits until {@link #call} has returned; false after the timeout. */
    public boolean awaitDone(Duration timeout) throws InterruptedException {
        return done.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized List<TestResult> call() {
        if (ran) {
            throw new IllegalStateException("a StabilitySuite runs once; make a new one");
        }
        ran = true;
        try {
            return runAll();
        } finally {
            done.countDown();
        }
    }

    private List<TestResult> runAll() {
        List<StabilityTest> tests = new ArrayList<>();
        for (TestKind k : TestKind.values()) {
            StabilityTest t = template.copy(k);
            t.options(); // every test's input is checked before the first one runs
            tests.add(t);
        }
        tests.get(0).plan();
        tests.get(2).plan();
        List<TestResult> out = new ArrayList<>();
        for (StabilityTest t : tests) {
            current = t;
            if (cancelled) {
                break;
            }
            TestResult r = t.call();
            if (r != null) {
                out.add(r);
            }
            if (r == null || r.crashEvidence() || cancelled) {
                break;
            }
        }
        return List.copyOf(out);
    }
}
