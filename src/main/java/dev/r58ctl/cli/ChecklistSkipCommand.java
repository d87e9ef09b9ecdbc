package dev.r58ctl.cli;

import dev.r58ctl.checklist.StepRecord;
import dev.r58ctl.checklist.Walkthrough;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code r58ctl checklist skip STEP --reason TEXT}: passes a step over, with the reason in its evidence. */
@Command(name = "skip", mixinStandardHelpOptions = true,
        description = "Skip a step, saying why (e.g. the push test cannot run without gstreamer1.0-rtsp). Skipping "
                + "does not open a gate: the matrix decides those.")
final class ChecklistSkipCommand extends ChecklistBase {
    @Parameters(paramLabel = "STEP", description = "The step's id, as `r58ctl checklist` shows it.")
    String step;

    @Option(names = "--reason", paramLabel = "TEXT", required = true, description = "Why it is skipped.")
    String reason;

    @Override
    public Integer call() {
        StepRecord r = new Walkthrough(config()).skip(step, reason, commandLine());
        if (json) {
            printJson(r);
        } else {
            out().println("skipped: " + step + " (by " + r.who() + ": " + r.note() + ")");
        }
        return 0;
    }
}
