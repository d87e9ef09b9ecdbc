package dev.r58ctl.cli;

import picocli.CommandLine.Command;

/** {@code r58ctl checklist}: the guided migration; without a subcommand it shows the checklist. */
@Command(name = "checklist", mixinStandardHelpOptions = true,
        description = "The guided migration: the testing checklist and decision tree of the H.265 migration plan of "
                + "December 2025, step by step, with evidence for each step. r58ctl performs the actions and "
                + "checks, the operator confirms manual steps; migration steps are refused until the stability "
                + "matrix says STABLE for the target encoder. "
                + "Exit 0 ok, 1 a step failed, a gate refused or another r58ctl holds the checklist, 2 bad input.",
        subcommands = {ChecklistShowCommand.class, ChecklistNextCommand.class, ChecklistDoneCommand.class,
                ChecklistSkipCommand.class, ChecklistResetCommand.class})
final class ChecklistCommand extends ChecklistBase {
    @Override
    public Integer call() {
        return show();
    }
}
