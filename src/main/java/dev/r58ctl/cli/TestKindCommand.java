package dev.r58ctl.cli;

import dev.r58ctl.Shutdown;
import dev.r58ctl.stability.RunStore;
import dev.r58ctl.stability.StabilityTest;
import dev.r58ctl.stability.TestKind;
import dev.r58ctl.stability.TestResult;
import picocli.CommandLine.Mixin;

/** What the encode, soak and push commands share: options onto a {@link StabilityTest}, then the report. */
abstract class TestKindCommand extends BaseCommand {
    @Mixin
    TestOptions options;

    abstract TestKind kind();

    /** Extra setup (the push test's path). */
    StabilityTest configure(StabilityTest t) {
        return t;
    }

    @Override
    public Integer call() {
        StabilityTest t = configure(options.apply(cameraConfig()).test(kind()));
        t.plan(); // bad input exits 2 before anything is printed or run
        t.listener(options.json ? null : new TestProgress(out()));
        TestResult r;
        // Ctrl-C, SIGTERM, SIGHUP: the test is cancelled and its result written as stopped (see Shutdown)
        try (Shutdown.Registration stop = Shutdown.whileRunning(kind().key() + " test", t::cancel)) {
            r = t.call();
        }
        if (r == null) {
            return 1;
        }
        if (options.json) {
            printJson(r);
        } else {
            TestReport.print(out(), r, new RunStore(config()).file(r.id()));
        }
        return r.passed() ? 0 : 1;
    }
}
