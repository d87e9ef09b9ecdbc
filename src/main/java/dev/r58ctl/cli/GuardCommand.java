package dev.r58ctl.cli;

import picocli.CommandLine.Command;

/** {@code r58ctl guard}: the boot-time side of the panic-safe trial. */
@Command(name = "guard", mixinStandardHelpOptions = true,
        description = "Check an armed trial at boot, and install the unit that does it.",
        subcommands = {GuardBootCommand.class, GuardInstallCommand.class})
final class GuardCommand {
}
