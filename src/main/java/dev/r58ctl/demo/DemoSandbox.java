package dev.r58ctl.demo;

import dev.r58ctl.R58Exception;
import dev.r58ctl.config.Config;
import dev.r58ctl.config.ConfigLoader;
import dev.r58ctl.repo.KnownGood;
import dev.r58ctl.repo.RepoView;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.treewalk.filter.PathFilter;

/**
 * The demo's world, under one directory that the next demo empties: a scratch recorder checkout whose HEAD is a
 * migration that left the stand-in service unhealthy (with the commit before it marked known-good), that migration
 * as a real unified diff, the stand-in recorder service, a kernel log file, and the configuration tying them up.
 */
public final class DemoSandbox {
    private static final String MARKER = ".r58ctl-demo";
    /** The stand-in for MediaMTX's RTSP side, written beside the recorder's (see {@link DemoServices}). */
    static final String MEDIAMTX_SCRIPT = "mediamtx_standin.py";
    private static final PersonIdent WHO = new PersonIdent("r58ctl demo", "demo@r58ctl.invalid");

    private DemoSandbox() {
    }

    public static Config prepare(Path base) throws IOException {
        empty(base);
        Files.createDirectories(base);
        Files.writeString(base.resolve(MARKER), "made by r58ctl demo; emptied at the next demo start\n");
        Files.write(base.resolve("recorder_standin.py"), resource("recorder_standin.py"));
        Files.write(base.resolve(MEDIAMTX_SCRIPT), resource(MEDIAMTX_SCRIPT));
        Files.writeString(base.resolve("kernel.log"), String.join("\n",
                "[    0.000000] Booting Linux on physical CPU 0x0000000000 [0x412fd050]",
                "[    0.000000] Machine model: Rockchip RK3588 R58 demo (r58ctl sandbox)",
                "[    2.153210] mpp_service mpp-srv: probe success",
                "[    2.301422] rk_hdmirx fdee0000.hdmirx-controller: hdmirx_probe: probe ok", ""));
        Path patches = Files.createDirectories(base.resolve("state/patches")); // what the dashboard's p offers
        recorderRepo(base, patches.resolve("h265_migration.patch"));
        String yaml = new String(resource("demo-config.yml"), StandardCharsets.UTF_8)
                .replace("${DEMO}", base.toString()).replace("${PORT}", Integer.toString(freePort()))
                .replace("${RTSP_PORT}", Integer.toString(freePort()));
        Path file = base.resolve("config.yml");
        Files.writeString(file, yaml);
        return new ConfigLoader().file(file).load();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** Removes an earlier demo; refuses a directory that is not one, so nothing else can be lost. */
    private static void empty(Path base) throws IOException {
        if (!Files.exists(base)) {
            return;
        }
        if (!Files.exists(base.resolve(MARKER))) {
            try (Stream<Path> entries = Files.list(base)) {
                if (entries.findAny().isPresent()) {
                    throw R58Exception.badInput(base + " exists and is not a demo directory; choose another with --dir");
                }
            }
        }
        try (Stream<Path> all = Files.walk(base)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                if (!p.equals(base)) {
                    Files.delete(p);
                }
            }
        }
    }

    /**
     * Three commits: the recorder on x264enc, a tuning change (known-good), and the H.265 migration (unhealthy). Its
     * config.yml is in the recorder's January 2026 shape, so the demo shows r58ctl reading the recorder as it is.
     */
    private static void recorderRepo(Path base, Path patch) throws IOException {
        Path dir = base.resolve("recorder");
        try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
            write(dir, "README.md", "# preke-r58-recorder (demo checkout)\n");
            write(dir, ".gitignore", "recordings/\n");
            write(dir, "status.txt", "healthy\n");
            write(dir, "config.yml", recorderConfig(base, "h264"));
            write(dir, "src/pipelines.py", pipelines("x264enc tune=zerolatency speed-preset=veryfast", "flvmux"));
            commit(git, "Initial recorder: four cameras on x264enc over RTMP");
            write(dir, "src/pipelines.py", pipelines("x264enc tune=zerolatency speed-preset=superfast", "flvmux"));
            RevCommit good = commit(git, "Use superfast preset: 2 cameras fit at 80% CPU");
            write(dir, "config.yml", recorderConfig(base, "h265"));
            write(dir, "src/pipelines.py", pipelines("mpph265enc rc-mode=cbr gop=30", "rtspclientsink"));
            write(dir, "status.txt", "degraded\n");
            RevCommit migration = commit(git, "Migrate to H.265 hardware encoding");
            try (RepoView view = RepoView.open(dir)) {
                new KnownGood(view).mark(good.getName());
            }
            ByteArrayOutputStream diff = new ByteArrayOutputStream();
            try (DiffFormatter f = new DiffFormatter(diff)) {
                f.setRepository(git.getRepository());
                // the migration as planned: the commit at HEAD, made in a hurry, also left the service degraded
                // (status.txt is what the stand-in answers), which the planned change does not
                f.setPathFilter(PathFilter.create("status.txt").negate());
                f.format(good.getTree(), migration.getTree());
            }
            Files.write(patch, diff.toByteArray());
        } catch (GitAPIException e) {
            throw R58Exception.failed("cannot build the demo repository: " + e.getMessage());
        }
    }

    private static RevCommit commit(Git git, String message) throws GitAPIException {
        git.add().addFilepattern(".").call();
        return git.commit().setMessage(message).setAuthor(WHO).setCommitter(WHO).setSign(false).call();
    }

    /** The recorder's own file, its cameras on {@code codec} (cam3 stays on H.264 through the migration). */
    private static String recorderConfig(Path base, String codec) throws IOException {
        return new String(resource("recorder-config.yml"), StandardCharsets.UTF_8).replace("${DEMO}", base.toString())
                .replace("${CODEC}", codec);
    }

    private static String pipelines(String encoder, String sink) {
        return "# the recorder's pipeline builder (demo)\nENCODER = \"" + encoder + "\"\nSINK = \"" + sink + "\"\n";
    }

    private static void write(Path dir, String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = DemoSandbox.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("missing resource " + name);
            }
            return in.readAllBytes();
        }
    }
}
