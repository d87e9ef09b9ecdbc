package dev.r58ctl.cli;

import picocli.CommandLine.Command;

/** {@code r58ctl test}: the stability tests of the H.265 migration plan (December 2025), done so that they can fail. */
@Command(name = "test", mixinStandardHelpOptions = true,
        description = "Stability tests of an encoder with its settings: encode (30 s to a file), "
        + "soak (5 min at real time), push (to MediaMTX, read back), all. Each watches the kernel log from a mark "
        + "taken at its start and stops at once on kernel trouble. Exit 0 pass, 1 fail or unstable, 2 bad input.",
        subcommands = {TestEncodeCommand.class, TestSoakCommand.class, TestPushCommand.class, TestAllCommand.class})
final class TestCommand {
}
