package dev.r58ctl.cli;

import dev.r58ctl.guard.Trial;
import dev.r58ctl.guard.TrialState;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code r58ctl trial abort}: disarms, changing nothing else. */
@Command(name = "abort", mixinStandardHelpOptions = true,
        description = "Disarm the trial without marking or rolling back anything. Exit 0 done, 1 no trial armed.")
final class TrialAbortCommand extends BaseCommand {
    @Option(names = "--json", description = "Print the trial that was disarmed as JSON.")
    boolean json;

    @Override
    public Integer call() {
        TrialState s = new Trial(config()).abort();
        if (json) {
            printJson(Map.of("aborted", s));
        } else {
            out().println("aborted: trial of " + s.underTest().substring(0, 7) + " disarmed; nothing else changed");
        }
        return 0;
    }
}
