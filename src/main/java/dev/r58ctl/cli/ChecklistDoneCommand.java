package dev.r58ctl.cli;

import dev.r58ctl.checklist.StepRecord;
import dev.r58ctl.checklist.Walkthrough;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code r58ctl checklist done STEP --note TEXT}: the operator confirms a manual step; other steps are refused. */
@Command(name = "done", mixinStandardHelpOptions = true,
        description = "Confirm a manual step with a note saying what you saw. Actions and checks are refused: "
                + "`checklist next` performs them.")
final class ChecklistDoneCommand extends ChecklistBase {
    @Parameters(paramLabel = "STEP", description = "The step's id, as `r58ctl checklist` shows it.")
    String step;

    @Option(names = "--note", paramLabel = "TEXT", required = true, description = "What you saw.")
    String note;

    @Override
    public Integer call() {
        StepRecord r = new Walkthrough(config()).done(step, note, commandLine());
        if (json) {
            printJson(r);
        } else {
            out().println("done: " + step + " (by " + r.who() + ": " + r.note() + ")");
        }
        return 0;
    }
}
