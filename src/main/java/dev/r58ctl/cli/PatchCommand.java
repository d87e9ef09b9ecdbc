package dev.r58ctl.cli;

import picocli.CommandLine.Command;

/** {@code r58ctl patch}: unified diffs against the recorder's checkout. */
@Command(name = "patch", mixinStandardHelpOptions = true,
        description = "Check and apply unified diffs to the recorder's checkout, all or nothing.",
        subcommands = {PatchCheckCommand.class, PatchApplyCommand.class})
final class PatchCommand {
}
