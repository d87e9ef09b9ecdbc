package dev.r58ctl.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.r58ctl.repo.KnownGood;
import dev.r58ctl.repo.RepoView;
import dev.r58ctl.testsupport.FakeHttp;
import dev.r58ctl.testsupport.GitRepos;
import dev.r58ctl.testsupport.StandIn;
import dev.r58ctl.testsupport.TestConfigs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The guided migration's world: a scratch recorder checkout (HEAD marked known-good) with the migration as a real
 * unified diff (the encoder in src/pipelines.py), the recorder's own camera file (cam0..cam3, cam2 and cam3
 * disabled), the stand-in service run by the process manager, a kernel log file, and x265enc standing in for the
 * hardware encoder with second-long durations.
 */
final class ChecklistFixture {
    static final String OOPS = "[  494.442336] Internal error: Oops: 0000000096000005 [#29] SMP";
    private static final ObjectMapper JSON = new ObjectMapper();

    final Path dir;
    final Path repo;
    final Path patch;
    final Path cameras;
    final Path kernel;
    final Path state;
    final String good;
    final int port = StandIn.freePort();
    Path config;

    ChecklistFixture(Path dir) {
        this.dir = dir;
        this.repo = GitRepos.cloneTo(dir.resolve("repo"));
        this.good = GitRepos.head(repo);
        try (RepoView view = RepoView.open(repo)) {
            new KnownGood(view).mark("HEAD");
        }
        GitRepos.write(repo, "src/pipelines.py", GitRepos.pipelines("mpph265enc"));
        this.patch = write(dir.resolve("patches/h265_migration_changes.patch"), GitRepos.git(repo, "diff"));
        GitRepos.git(repo, "checkout", "-q", "--", "src/pipelines.py");
        StringBuilder cams = new StringBuilder("cameras:\n");
        for (int i = 0; i < 4; i++) {
            cams.append("  cam").append(i).append(":\n    device: /dev/video").append(i).append("\n    codec: h265\n")
                    .append("    bitrate: 1000\n    mediamtx_enabled: false\n    enabled: ").append(i < 2)
                    .append("   # set by r58ctl checklist\n");
        }
        this.cameras = write(dir.resolve("recorder-config.yml"), cams.toString());
        this.kernel = write(dir.resolve("kern.log"), "[    1.000000] Booting Linux on physical CPU 0x0\n");
        write(dir.resolve("boot_id"), "boot-a\n");
        write(dir.resolve("prev.log"), "[    0.000000] Booting Linux on physical CPU 0x0\n");
        this.state = dir.resolve("state");
    }

    /** The configuration, with {@code mediamtx} and {@code checklist} lines of the test's choosing. */
    ChecklistFixture configure(String mediamtx, String checklist) {
        String refused;
        try {
            refused = FakeHttp.refusedUrl("");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path script = StandIn.script(dir.resolve("bin"));
        this.config = TestConfigs.write(dir.resolve("etc"), "platform: generic\n"
                + "state_dir: " + state + "\n"
                + "recorder:\n"
                + "  repo: " + repo + "\n"
                + "  config: " + cameras + "\n"
                + "  service: recorder-standin\n"
                + "  service_manager: process\n"
                + "  service_command: [" + StandIn.PYTHON + ", " + script + ", \"" + port + "\"]\n"
                + "  health_url: http://127.0.0.1:" + port + "/health\n"
                + "  health_timeout_ms: 10000\n"
                + "mediamtx: " + (mediamtx == null ? "{api_url: \"" + refused + "\"}" : mediamtx) + "\n"
                + "kernel_log: {source: \"file:" + kernel + "\", previous_boot: \"file:" + dir.resolve("prev.log")
                + "\", boot_id_file: " + dir.resolve("boot_id") + "}\n"
                + "monitor: {http_timeout_ms: 1000, stream_poll_ms: 500}\n"
                + "stability: {resolution: 640x360}\n"
                + "checklist:\n  target_encoder: x265enc\n  patch: " + patch + "\n" + checklist);
        return this;
    }

    CliRun run(String... args) {
        return CliRun.with(config, args);
    }

    /** {@code checklist show --json}, parsed. */
    JsonNode show() {
        try {
            return JSON.readTree(run("checklist", "show", "--json").out());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One step of {@code show()} by id. */
    static JsonNode step(JsonNode show, String id) {
        for (JsonNode s : show.get("steps")) {
            if (s.get("id").asText().equals(id)) {
                return s;
            }
        }
        throw new AssertionError("no step " + id);
    }

    void stopService() {
        run("service", "stop");
    }

    static Path write(Path f, String text) {
        try {
            Files.createDirectories(f.getParent());
            Files.writeString(f, text);
            return f;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
