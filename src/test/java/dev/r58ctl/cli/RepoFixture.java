package dev.r58ctl.cli;

import dev.r58ctl.repo.Scenario;
import dev.r58ctl.testsupport.StandIn;
import dev.r58ctl.testsupport.TestConfigs;
import java.nio.file.Path;

/**
 * The incident scenario for command-line tests: a real repository (A marked good, B the migration), a
 * configuration pointing at it, and the stand-in service run by the process manager on a free port. Its status
 * comes from the checkout's status.txt: "degraded" at B, "healthy" at A.
 */
final class RepoFixture {
    final Path dir;
    final Scenario scenario;
    final Path config;
    final int port;

    RepoFixture(Path dir) {
        this(dir, "cameras: {}\n");
    }

    /** With {@code tail} in place of the empty cameras section: cameras, a kernel log of its own... */
    RepoFixture(Path dir, String tail) {
        this.dir = dir;
        this.scenario = Scenario.create(dir.resolve("repo"), dir);
        this.port = StandIn.freePort();
        Path script = StandIn.script(dir.resolve("bin"));
        this.config = TestConfigs.write(dir.resolve("etc"), "platform: generic\n"
                + "state_dir: " + dir.resolve("state") + "\n"
                + "recorder:\n"
                + "  repo: " + scenario.repo + "\n"
                + "  config: null\n"
                + "  service: recorder-standin\n"
                + "  service_manager: process\n"
                + "  service_command: [" + StandIn.PYTHON + ", " + script + ", \"" + port + "\"]\n"
                + "  health_url: http://127.0.0.1:" + port + "/health\n"
                + "  health_timeout_ms: 10000\n"
                + tail);
    }

    Path repo() {
        return scenario.repo;
    }

    /** Runs r58ctl in-process with this configuration. */
    CliRun run(String... args) {
        return CliRun.with(config, args);
    }

    /** Asks health until the stand-in answers at all (it may still be starting), for up to 20 s. */
    CliRun awaitAnswer() throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        CliRun r = run("health");
        while (r.out().contains("connection refused") && System.nanoTime() < deadline) {
            Thread.sleep(100);
            r = run("health");
        }
        return r;
    }

    /** Stops the stand-in if a test left it running. */
    void stopService() {
        run("service", "stop");
    }
}
