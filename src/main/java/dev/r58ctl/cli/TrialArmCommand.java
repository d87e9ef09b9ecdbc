package dev.r58ctl.cli;

import dev.r58ctl.guard.Trial;
import dev.r58ctl.guard.TrialState;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code r58ctl trial arm}: records the trial of HEAD, or refuses with one line and records nothing. */
@Command(name = "arm", mixinStandardHelpOptions = true,
        description = "Arm a trial of the recorder's HEAD. Exit 0 armed, 1 refused (no known-good mark, already "
                + "armed), 2 bad input.")
final class TrialArmCommand extends BaseCommand {
    @Option(names = "--rollback-to", paramLabel = "REF",
            description = "The commit to return to (default: the newest known-good mark).")
    String rollbackTo;

    @Option(names = "--window", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "How long the trial may stay armed without a commit (default: guard.window).")
    Duration window;

    @Option(names = "--max-boots", paramLabel = "N",
            description = "Boots after arming without a commit before a rollback (default: guard.max_boots).")
    Integer maxBoots;

    @Option(names = "--json", description = "Print the armed trial as JSON.")
    boolean json;

    @Override
    public Integer call() {
        if (maxBoots != null && (maxBoots < 1 || maxBoots > 100)) {
            throw dev.r58ctl.R58Exception.badInput("--max-boots: expected 1 to 100, got " + maxBoots);
        }
        TrialState s = new Trial(config()).arm(rollbackTo, window, maxBoots);
        if (json) {
            printJson(s);
        } else {
            out().println("armed: trial of " + s.underTest().substring(0, 7) + ", returns to "
                    + s.returnTo().substring(0, 7) + " (" + s.returnToName() + ") after a panic or Oops, after "
                    + s.maxBoots() + " boots or " + TrialStatusCommand.human(s.windowSeconds())
                    + " without `r58ctl trial commit`");
        }
        return 0;
    }
}
