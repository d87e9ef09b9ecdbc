package dev.r58ctl.cli;

import dev.r58ctl.stability.TestKind;
import picocli.CommandLine.Command;

/** {@code r58ctl test soak}: the encode test at real time, for minutes, into a clock-synced sink. */
@Command(name = "soak", mixinStandardHelpOptions = true,
        description = "Sustained encode at real time into a clock-synced file sink (default 5 min). Pass: it ran the "
                + "full wall-clock time, the frames are there and no more than real time allows, no kernel trouble. "
                + "Reports CPU average, 95th percentile and maximum.")
final class TestSoakCommand extends TestKindCommand {
    @Override
    TestKind kind() {
        return TestKind.SOAK;
    }
}
