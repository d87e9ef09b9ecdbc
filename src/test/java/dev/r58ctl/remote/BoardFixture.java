package dev.r58ctl.remote;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The far side of the remote tests: a board directory with its configuration (a file as its kernel log, a file as
 * its boot id and previous boot, a test-pattern camera) and {@code board-r58ctl.sh}, which runs the real r58ctl
 * from this build in its own JVM (and first touches {@code ran}, so a test can tell that nothing ran).
 */
final class BoardFixture {
    final Path dir;
    final Path script;
    final Path ran;
    final Path kernelLog;

    BoardFixture(Path dir) throws IOException {
        this.dir = dir;
        Files.createDirectories(dir.resolve("state"));
        kernelLog = dir.resolve("kern.log");
        ran = dir.resolve("ran");
        Files.writeString(kernelLog, "[    0.000000] Booting Linux on physical CPU 0x0\n");
        Files.writeString(dir.resolve("boot_id"), "first-boot\n");
        Files.writeString(dir.resolve("previous-boot.log"), "[    1.000000] nothing to see\n");
        Files.writeString(dir.resolve("config.yml"), "platform: generic\nstate_dir: " + dir.resolve("state")
                + "\nrecorder: {config: null, health_url: \"http://127.0.0.1:9/health\"}\n"
                + "kernel_log: {source: \"file:" + kernelLog + "\", previous_boot: \"file:"
                + dir.resolve("previous-boot.log") + "\", boot_id_file: " + dir.resolve("boot_id") + "}\n"
                + "cameras:\n"
                + "  cam0: {resolution: 640x360, bitrate: 800, codec: h264, transport: none, output_path: \""
                + dir.resolve("rec/cam0_%H%M%S.mkv") + "\"}\n"
                + "  cam1: {resolution: 640x360, bitrate: 800, codec: h265, transport: none}\n");
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        script = dir.resolve("board-r58ctl.sh");
        Files.writeString(script, "#!/bin/sh\ntouch '" + ran + "'\nexec '" + java
                + "' -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmx256m -cp '" + cp + "' dev.r58ctl.launcher.Main --config '"
                + dir.resolve("config.yml") + "' \"$@\"\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
    }

    void kernel(String line) throws IOException {
        Files.writeString(kernelLog, line + "\n", StandardOpenOption.APPEND);
    }

    /**
     * As if the board crashed and came back: a new boot id, a fresh kernel log, the Oops in its previous boot, and the
     * boot guard's record of rolling back during this boot.
     */
    void reboot(String bootId, String kernelText) throws IOException {
        Files.writeString(dir.resolve("boot_id"), bootId + "\n");
        Files.writeString(kernelLog, kernelText);
        Files.writeString(dir.resolve("previous-boot.log"), "[  494.438071] Unable to handle kernel NULL pointer "
                + "dereference at virtual address 0000000000000010\n"
                + "[  494.442336] Internal error: Oops: 0000000096000005 [#29] SMP\n");
        Files.createDirectories(dir.resolve("state/guard"));
        Files.writeString(dir.resolve("state/guard/last.json"), "{\"action\": \"rolled-back\", \"summary\": "
                + "\"rolled back to 1234567 (crash during the trial)\", \"reason\": \"crash\", \"evidence\": [], "
                + "\"boot\": \"" + bootId + "\", \"outcome\": \"ok\", \"time\": \"2026-11-26T04:00:00Z\"}\n");
    }
}
