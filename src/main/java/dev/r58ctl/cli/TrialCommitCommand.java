package dev.r58ctl.cli;

import dev.r58ctl.guard.Trial;
import dev.r58ctl.repo.KnownGood;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code r58ctl trial commit}: marks the commit under test known-good and disarms, or changes nothing. */
@Command(name = "commit", mixinStandardHelpOptions = true,
        description = "Mark the commit under test known-good and disarm the trial. Exit 0 done, 1 no trial armed.")
final class TrialCommitCommand extends BaseCommand {
    @Option(names = "--json", description = "Print the new mark as JSON.")
    boolean json;

    @Override
    public Integer call() {
        KnownGood.Mark mark = new Trial(config()).commit();
        if (json) {
            printJson(mark);
        } else {
            out().println("committed: " + mark.shortCommit() + " " + mark.subject() + " marked known-good as "
                    + mark.name() + "; trial disarmed");
        }
        return 0;
    }
}
