package dev.r58ctl.stability;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * The seed's three tests in order (encode, soak, push) with the same encoder and settings, run once. Guarantee: it
 * stops at the first kernel trouble: an encoder that made the kernel complain is not pushed any further.
 */
public final class StabilitySuite implements Callable<List<TestResult>> {
    private final StabilityTest template;
    private boolean ran;

    /** The options of {@code template} (encoder, camera, settings, duration for each test...) apply to every test. */
    public StabilitySuite(StabilityTest template) {
        this.template = template;
    }

    @Override
    public synchronized List<TestResult> call() {
        if (ran) {
            throw new IllegalStateException("a StabilitySuite runs once; make a new one");
        }
        ran = true;
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
            TestResult r = t.call();
            out.add(r);
            if (r.crashEvidence()) {
                break;
            }
        }
        return List.copyOf(out);
    }
}
