package dev.r58ctl.cli;

import dev.r58ctl.Shutdown;
import dev.r58ctl.stability.RunStore;
import dev.r58ctl.stability.StabilitySuite;
import dev.r58ctl.stability.StabilityTest;
import dev.r58ctl.stability.TestResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code r58ctl test all}: encode, soak and push in order, stopping at the first kernel trouble. */
@Command(name = "all", mixinStandardHelpOptions = true,
        description = "Run encode, soak and push in order with the same encoder and settings, stopping at the first "
                + "kernel trouble. --duration, when given, applies to each test. Exit 0 only if all three pass.")
final class TestAllCommand extends BaseCommand {
    @Mixin
    TestOptions options;

    @Option(names = "--path", paramLabel = "NAME",
            description = "MediaMTX path of the push test (default r58ctl_test).")
    String path;

    @Override
    public Integer call() {
        StabilityTest template = options.apply(cameraConfig()).path(path);
        if (!options.json) {
            template.listener(new TestProgress(out()) {
                @Override
                public void finished(TestResult r) {
                    TestReport.print(out(), r, new RunStore(config()).file(r.id()));
                    out().println();
                }
            });
        }
        StabilitySuite suite = new StabilitySuite(template);
        List<TestResult> results;
        try (Shutdown.Registration stop = Shutdown.whileRunning("the tests", suite::cancel)) {
            results = suite.call();
        }
        if (results.isEmpty()) {
            return 1;
        }
        boolean passed = results.size() == 3 && results.stream().allMatch(TestResult::passed);
        if (options.json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("passed", passed);
            doc.put("results", results);
            printJson(doc);
        } else if (results.size() < 3) {
            TestResult last = results.get(results.size() - 1);
            out().println("stopped after " + last.plan().test().key() + ": " + (last.crashEvidence()
                    ? "kernel trouble" : "interrupted") + "; the remaining tests were not run");
        }
        return passed ? 0 : 1;
    }
}
