package dev.r58ctl.stability;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * The H.265 migration plan's three tests in order (encode, soak, push) with the same encoder and settings, run
 * once. Guarantee: it stops at the first kernel trouble (an encoder that made the kernel complain is not pushed any
 * further) and when cancelled.
 */
public final class StabilitySuite implements Callable<List<TestResult>> {
    private final StabilityTest template;
    private boolean ran;
    private volatile boolean cancelled;
    private volatile StabilityTest current;

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

    @Override
    public synchronized List<TestResult> call() {
        if (ran) {
            throw new IllegalStateException("a StabilitySuite runs once; make a new one");
        }
        ran = true;
        return runAll();
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
