package dev.r58ctl.cli;

import dev.r58ctl.repo.Scenario;
import dev.r58ctl.testsupport.StandIn;
import dev.r58ctl.testsupport.TestConfigs;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A board after the seed's incident, for bundle tests: a real repository with uncommitted work, the recorder's own
 * configuration holding secrets, a kernel log file with ordinary lines, a mark, then the seed's Oops, a previous
 * boot, state records of every kind, a recording directory inside the state directory and a test video. The
 * recorder itself is down (nothing listens on its port).
 */
final class BundleFixture {
    static final String RECORDER_CONFIG = "# the recorder's configuration (test)\n"
            + "cameras:\n"
            + "  cam0:\n"
            + "    device: /dev/video0\n"
            + "    resolution: \"640x360\"\n"
            + "    bitrate: 1000\n"
            + "    codec: h264\n"
            + "    output_path: %s/cam0_%%Y%%m%%d_%%H%%M%%S.mp4\n"
            + "database:\n"
            + "  user: recorder\n"
            + "  password: hunter2\n"
            + "  \"secret_key\": \"x\"\n"
            + "env: |\n"
            + "  api_token=abc\n"
            + "  LOG_LEVEL=debug\n";
    static final String BEFORE = "[  400.000001] before the mark: usb 1-1: new high-speed USB device";

    final Path dir;
    final Path state;
    final Path kmsg;
    final Path recordings;
    final Path recorderConfig;
    final Path config;
    final Scenario scenario;

    BundleFixture(Path dir) throws IOException {
        this.dir = dir;
        this.state = dir.resolve("state");
        this.kmsg = dir.resolve("kmsg.log");
        this.recordings = state.resolve("stability/recordings");
        this.scenario = Scenario.create(dir.resolve("repo"), dir).dirty();
        Files.writeString(scenario.repo.resolve("config.yml"), "api_token: t0ps3cret\n", StandardOpenOption.APPEND);
        this.recorderConfig = dir.resolve("recorder/config.yml");
        Files.createDirectories(recorderConfig.getParent());
        Files.writeString(recorderConfig, String.format(RECORDER_CONFIG, recordings));
        Files.writeString(kmsg, BEFORE + "\n");
        Files.writeString(dir.resolve("previous-boot.log"), GuardFixture.CLEAN + "\n" + GuardFixture.OOPS + "\n");
        Files.writeString(dir.resolve("boot_id"), "boot-1\n");
        this.config = write(scenario.repo, recorderConfig);
    }

    /** A configuration like the fixture's, with another checkout and recorder file (which may not exist). */
    Path write(Path repo, Path recorderFile) {
        return TestConfigs.write(dir.resolve("etc"), "platform: generic\n"
                + "state_dir: " + state + "\n"
                + "recorder:\n"
                + "  repo: " + repo + "\n"
                + "  config: " + recorderFile + "\n"
                + "  health_url: http://127.0.0.1:" + StandIn.freePort() + "/health\n"
                + "monitor: {http_timeout_ms: 500}\n"
                + "kernel_log:\n"
                + "  source: file:" + kmsg + "\n"
                + "  previous_boot: file:" + dir.resolve("previous-boot.log") + "\n"
                + "  boot_id_file: " + dir.resolve("boot_id") + "\n");
    }

    /** The mark, then the seed's Oops in the kernel log; state records of every kind; recordings and a test video. */
    void incident() throws IOException {
        CliRun mark = run("kmsg", "mark", "before-oops");
        if (mark.exit() != 0) {
            throw new IllegalStateException(mark.toString());
        }
        Files.writeString(kmsg, resource("/kernel/oops-rk3588-mpp.txt"), StandardOpenOption.APPEND);
        CliRun arm = run("trial", "arm");
        if (arm.exit() != 0) {
            throw new IllegalStateException(arm.toString());
        }
        write("stability/runs/20261126-010000-encode-mpph264enc.json", "{\"id\": \"20261126-010000-encode\"}\n");
        write("stability/files/20261126-010000-encode-mpph264enc.mkv", "not really video\n");
        write("checklist/current.json", "{\"branch\": \"STABLE\", \"step\": \"deploy\"}\n");
        write("checklist/history/20261125-2300.json", "{\"branch\": \"UNSTABLE\"}\n");
        write("guard/last.json", "{\"why\": \"Oops in the previous boot\"}\n");
        write("rollback/20261126-0130/journal.json", "{\"steps\": []}\n");
        write("remote/r58.local-kmsg.log", GuardFixture.OOPS + "\n");
        write("stability/recordings/cam0_20261126_010000.mp4", "a recording\n");
        write("stability/recordings/index.txt", "inside a recording directory\n");
        try (RandomAccessFile big = new RandomAccessFile(state.resolve("remote/huge.log").toFile(), "rw")) {
            big.setLength(9L << 20);
        }
    }

    void write(String name, String text) throws IOException {
        Path f = state.resolve(name);
        Files.createDirectories(f.getParent());
        Files.writeString(f, text);
    }

    static String resource(String name) {
        try (InputStream in = BundleFixture.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    CliRun run(String... args) {
        return CliRun.with(config, args);
    }
}
