package dev.r58ctl.cli;

import picocli.CommandLine.Command;

/** {@code r58ctl checklist show}: every step with its state and evidence, the branch and why; reads only. */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = "Every step with its state (pending, running, done, failed, skipped, interrupted) and evidence, "
                + "the branch of the decision tree and why, and the next step. Reads only (allowed while another "
                + "r58ctl performs a step).")
final class ChecklistShowCommand extends ChecklistBase {
    @Override
    public Integer call() {
        return show();
    }
}
