package dev.r58ctl.stability;

import dev.r58ctl.config.Config;
import dev.r58ctl.testsupport.TestConfigs;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A configuration for stability tests in a test's directory: generic platform, a kernel log that is a real file
 * (so a test can write an Oops into it), a boot id file (so a test can change boots), a previous boot's log, and the
 * 640x360@30 source this 2-core machine encodes in real time.
 */
final class StabilityFixtures {
    static final String OOPS = "[  494.442336] Internal error: Oops: 0000000096000005 [#29] SMP";

    private StabilityFixtures() {
    }

    static String resource(String name) {
        try (InputStream in = StabilityFixtures.class.getResourceAsStream("/kernel/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the kernel log (ordinary chatter), boot id and previous boot, and the configuration file. */
    static Path write(Path dir, String extra) {
        try {
            Files.createDirectories(dir);
            if (!Files.exists(dir.resolve("kern.log"))) {
                Files.writeString(dir.resolve("kern.log"), resource("chatter-rk3588.txt"));
            }
            if (!Files.exists(dir.resolve("boot_id"))) {
                Files.writeString(dir.resolve("boot_id"), "boot-a\n");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return TestConfigs.write(dir, "platform: generic\nstate_dir: " + dir.resolve("state") + "\n"
                + "recorder: {config: null, repo: " + dir.resolve("recorder") + "}\n"
                + "kernel_log: {source: \"file:" + dir.resolve("kern.log") + "\", previous_boot: \"file:"
                + dir.resolve("prev.log") + "\", boot_id_file: " + dir.resolve("boot_id") + "}\n"
                + "monitor: {http_timeout_ms: 500}\n"
                + extra
                + (extra.contains("stability:") ? "" : "stability: {resolution: 640x360}\n")
                + (extra.contains("cameras:") ? "" : "cameras:\n"
                + "  cam0: {codec: h264, bitrate: 1000, transport: none}\n"
                + "  cam1: {codec: h265, bitrate: 1000, transport: rtsp}\n"));
    }

    static Config load(Path dir, String extra) {
        write(dir, extra);
        return TestConfigs.load(dir, readConfig(dir));
    }

    private static String readConfig(Path dir) {
        try {
            return Files.readString(dir.resolve("config.yml"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
