package dev.r58ctl.cli;

import picocli.CommandLine.Command;

/** {@code r58ctl config}: configuration commands. */
@Command(name = "config", mixinStandardHelpOptions = true,
        description = "Check and show the configuration.",
        subcommands = {ConfigCheckCommand.class})
final class ConfigCommand {
}
