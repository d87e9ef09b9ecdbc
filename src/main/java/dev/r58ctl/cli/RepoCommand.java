package dev.r58ctl.cli;

import picocli.CommandLine.Command;

/** {@code r58ctl repo}: the recorder's checkout. */
@Command(name = "repo", mixinStandardHelpOptions = true,
        description = "Look at the recorder's checkout and mark known-good commits.",
        subcommands = {RepoLogCommand.class, RepoStatusCommand.class, RepoMarkGoodCommand.class})
final class RepoCommand {
}
