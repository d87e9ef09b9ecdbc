package dev.r58ctl.cli;

import dev.r58ctl.R58Exception;
import dev.r58ctl.checklist.Walkthrough;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code r58ctl checklist reset --yes}: ends the walk; it is kept in history and the next step starts a new one. */
@Command(name = "reset", mixinStandardHelpOptions = true,
        description = "Start a new walk: the current one moves to STATE_DIR/checklist/history/RUN-ID.json.")
final class ChecklistResetCommand extends ChecklistBase {
    /**
     * What {@code --json} prints.
     *
     * @param kept where the walk was moved, or null when no walk was in progress
     */
    record Reset(Path kept) {
    }

    @Option(names = "--yes", description = "Required: the current walk's state moves to history.")
    boolean yes;

    @Override
    public Integer call() {
        if (!yes) {
            throw R58Exception.failed("not confirmed: add --yes to move the current walk to history (nothing changed)");
        }
        Path kept = new Walkthrough(config()).reset(commandLine());
        if (json) {
            printJson(new Reset(kept));
            return 0;
        }
        out().println(kept == null ? "nothing to reset: no walk in progress" : "reset: the walk is kept in " + kept);
        return 0;
    }
}
