package dev.r58ctl.cli;

import picocli.CommandLine.Command;

/** {@code r58ctl trial}: the panic-safe trial of the recorder's HEAD. */
@Command(name = "trial", mixinStandardHelpOptions = true,
        description = "Try the recorder's HEAD with a way back: armed, the guard rolls it back at "
        + "boot after a kernel panic or Oops, after too many boots, or when the window passes without a commit.",
        subcommands = {TrialArmCommand.class, TrialStatusCommand.class, TrialCommitCommand.class,
                TrialAbortCommand.class})
final class TrialCommand {
}
