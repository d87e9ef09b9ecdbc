package dev.r58ctl.cli;

import dev.r58ctl.stability.StabilityTest;
import dev.r58ctl.stability.TestKind;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code r58ctl test push}: publish to MediaMTX and pass only if the stream is read back. */
@Command(name = "push", mixinStandardHelpOptions = true,
        description = "Publish to MediaMTX by RTSP (rtspclientsink) or RTP/UDP, as stability.push_transport says "
                + "(default 10 s). Pass only when frames of the expected codec are read back from mediamtx.read_url "
                + "and, where MediaMTX's API answers, the path is ready with bytes received.")
final class TestPushCommand extends TestKindCommand {
    @Option(names = "--path", paramLabel = "NAME",
            description = "MediaMTX path to publish to (default stability.push_path, r58ctl_test); never a camera's.")
    String path;

    @Override
    TestKind kind() {
        return TestKind.PUSH;
    }

    @Override
    StabilityTest configure(StabilityTest t) {
        return path == null ? t : t.path(path);
    }
}
