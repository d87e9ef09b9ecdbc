package dev.r58ctl.cli;

import dev.r58ctl.host.HealthCheck;
import dev.r58ctl.host.ProcessService;
import dev.r58ctl.repo.Scenario;
import dev.r58ctl.testsupport.GitRepos;
import dev.r58ctl.testsupport.StandIn;
import dev.r58ctl.testsupport.TestConfigs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The seed's incident for the panic-safe trial: a real repository (A marked good, B the migration under test), the
 * stand-in service (degraded at B, healthy at A) run by the process manager, and boots simulated through
 * configuration: kernel_log.boot_id_file is a file the test rewrites, kernel_log.previous_boot a file it fills.
 */
final class GuardFixture {
    static final String OOPS = "[  494.442336] Internal error: Oops: 0000000096000005 [#29] SMP";
    static final String CODE = "[  494.442400] Code: f100007f fa401a64 540017a0 b9402ae0 (f8606a62)";
    static final String CLEAN = "[    0.000000] Booting Linux on physical CPU 0x0000000000 [0x412fd050]";

    final Path dir;
    final Scenario scenario;
    final Path config;
    final Path bootId;
    final Path previousBoot;
    final Path state;
    final String healthUrl;
    private int boots;

    GuardFixture(Path dir, int maxBoots) {
        this(dir, maxBoots, false);
    }

    /** With {@code recorderConfig}, recorder.config is the checkout's config.yml (cameras come from there). */
    GuardFixture(Path dir, int maxBoots, boolean recorderConfig) {
        this.dir = dir;
        this.scenario = Scenario.create(dir.resolve("repo"), dir);
        int port = StandIn.freePort();
        this.healthUrl = "http://127.0.0.1:" + port + "/health";
        Path script = StandIn.script(dir.resolve("bin"));
        this.bootId = dir.resolve("boot_id");
        this.previousBoot = dir.resolve("previous-boot.log");
        this.state = dir.resolve("state");
        write(bootId, "boot-0\n");
        write(previousBoot, CLEAN + "\n");
        this.config = TestConfigs.write(dir.resolve("etc"), "platform: generic\n"
                + "state_dir: " + state + "\n"
                + "recorder:\n"
                + "  repo: " + scenario.repo + "\n"
                + "  config: " + (recorderConfig ? scenario.repo.resolve("config.yml") : "null") + "\n"
                + "  service: recorder-standin\n"
                + "  service_manager: process\n"
                + "  service_command: [" + StandIn.PYTHON + ", " + script + ", \"" + port + "\"]\n"
                + "  health_url: " + healthUrl + "\n"
                + "  health_timeout_ms: 10000\n"
                + "kernel_log:\n"
                + "  source: file:" + dir.resolve("kmsg.log") + "\n"
                + "  previous_boot: file:" + previousBoot + "\n"
                + "  boot_id_file: " + bootId + "\n"
                + "guard:\n"
                + "  max_boots: " + maxBoots + "\n"
                + "  window: 24h\n"
                + "cameras: {}\n");
    }

    Path repo() {
        return scenario.repo;
    }

    /** A new boot: a new boot id, and the previous boot's kernel log as given. */
    void reboot(String... previousLog) {
        boots++;
        write(previousBoot, String.join("\n", previousLog.length == 0 ? new String[] {CLEAN} : previousLog) + "\n");
        write(bootId, "boot-" + boots + "\n");
    }

    /** Removes every known-good mark. */
    void unmarkAll() {
        for (String tag : GitRepos.git(repo(), "tag", "-l", "r58ctl/good/*").split("\n")) {
            if (!tag.isBlank()) {
                GitRepos.git(repo(), "tag", "-d", tag.strip());
            }
        }
    }

    /** {@code trial arm}, which must succeed. */
    CliRun arm() {
        CliRun armed = run("trial", "arm");
        org.junit.jupiter.api.Assertions.assertEquals(0, armed.exit(), armed.toString());
        return armed;
    }

    CliRun run(String... args) {
        return CliRun.with(config, args);
    }

    /** Stops the stand-in through its pid file, whatever state the configuration files are in. */
    void stopService() {
        new ProcessService("recorder-standin", List.of(StandIn.PYTHON), repo(), state.resolve("service")).stop();
    }

    /** One health request to the stand-in, without the configuration. */
    boolean healthy() {
        return new HealthCheck(healthUrl, Duration.ofSeconds(5)).check().healthy();
    }

    static void write(Path f, String text) {
        try {
            Files.writeString(f, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
