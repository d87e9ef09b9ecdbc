package dev.r58ctl.cli;

import dev.r58ctl.stability.TestKind;
import picocli.CommandLine.Command;

/** {@code r58ctl test encode}: a live test pattern through the encoder to a file under the state directory. */
@Command(name = "encode", mixinStandardHelpOptions = true,
        description = "Encode a live test pattern to a file under the state directory (default 30 s). Pass: the file "
                + "reads back with the right codec and at least 95%% of the frames, and no kernel trouble.")
final class TestEncodeCommand extends TestKindCommand {
    @Override
    TestKind kind() {
        return TestKind.ENCODE;
    }
}
