package dev.r58ctl.cli;

import dev.r58ctl.Logging;
import dev.r58ctl.R58Exception;
import dev.r58ctl.config.Camera;
import dev.r58ctl.config.Config;
import dev.r58ctl.config.ConfigLoader;
import dev.r58ctl.engine.Engine;
import dev.r58ctl.tui.Terminals;
import dev.r58ctl.pipeline.CameraRunner;
import dev.r58ctl.pipeline.CameraStats;
import dev.r58ctl.pipeline.PipelinePlanner;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code r58ctl demo}: four test-pattern cameras in a sandbox directory, run together with live statistics.
 * Everything it writes lives under one directory, which the next start empties.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Open the dashboard on a sandbox: four test-pattern cameras (recordings under the demo "
                + "directory) and a kernel log file that 'i' writes the seed's Oops into. Needs no R58.")
final class DemoCommand extends BaseCommand {
    @Option(names = "--duration", paramLabel = "D", defaultValue = "20s", converter = DurationConverter.class,
            description = "How long to run (default ${DEFAULT-VALUE}).")
    Duration duration;

    @Option(names = "--no-tui", description = "Print a statistics table each second instead of the dashboard "
            + "(automatic without a terminal).")
    boolean noTui;

    @Option(names = "--dir", paramLabel = "DIR",
            description = "Demo directory (default: demo/ under the state directory).")
    Path dir;

    @Override
    public Integer call() throws IOException {
        RootCommand root = (RootCommand) spec.root().userObject();
        Path base = dir != null ? dir
                : (root.stateDir != null ? root.stateDir : Path.of(System.getProperty("user.home"), ".local/state/r58ctl"))
                        .resolve("demo");
        Config c = prepare(base.toAbsolutePath());
        Logging.toFile(c.stateDir());
        if (!noTui && Terminals.interactive()) {
            try (Engine engine = new Engine(c)) {
                c.cameras().forEach(cam -> engine.startCamera(cam.id()));
                Terminals.runDashboard(engine, true);
            }
            return 0;
        }
        PrintWriter o = out();
        o.println("demo: " + c.cameras().size() + " cameras, sandbox " + base.toAbsolutePath());
        List<CameraRunner> runners = new ArrayList<>();
        PipelinePlanner planner = new PipelinePlanner(c);
        ZonedDateTime now = ZonedDateTime.now();
        for (Camera cam : c.cameras()) {
            Files.createDirectories(Path.of(planner.outputs(cam, now).get(0).target()).getParent());
            runners.add(new CameraRunner(planner.plan(cam, now), cam.framerate()));
        }
        Thread stopAll = new Thread(() -> runners.forEach(r -> r.stop(Duration.ofSeconds(5))), "r58ctl-demo-stop");
        Runtime.getRuntime().addShutdownHook(stopAll);
        try {
            for (CameraRunner r : runners) {
                try {
                    r.start();
                } catch (R58Exception e) {
                    o.println("  " + e.getMessage());
                }
            }
            long end = System.nanoTime() + duration.toNanos();
            while (System.nanoTime() < end) {
                Thread.sleep(Math.min(1000, Math.max(1, (end - System.nanoTime()) / 1_000_000)));
                o.printf("%n%-5s %-8s %-9s %7s %6s %9s %6s  %s%n", "CAM", "STATE", "ENCODER", "FRAMES", "FPS",
                        "KBIT/S", "CPU%", "LAST ERROR");
                for (CameraRunner r : runners) {
                    CameraStats s = r.stats();
                    o.printf("%-5s %-8s %-9s %7d %6.1f %9.0f %6.1f  %s%n", s.camera(), s.state(),
                            r.spec().encoder().factory(), s.framesOut(), s.fps(), s.bitrateKbps(), s.cpuPercent(),
                            s.lastError() == null ? "" : s.lastError());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            runners.forEach(r -> r.stop(Duration.ofSeconds(5)));
            try {
                Runtime.getRuntime().removeShutdownHook(stopAll);
            } catch (IllegalStateException shuttingDown) {
                // the hook is already stopping the cameras
            }
        }
        o.println();
        o.println("recordings in " + base.resolve("recordings") + "; log in " + c.stateDir().resolve(Logging.FILE_NAME));
        return runners.stream().anyMatch(r -> r.state() == CameraRunner.State.FAILED) ? 1 : 0;
    }

    /** Empties the sandbox (it holds only what an earlier demo made) and writes the demo configuration into it. */
    static Config prepare(Path base) throws IOException {
        Path marker = base.resolve(".r58ctl-demo");
        if (Files.exists(base) && !Files.exists(marker)) {
            try (Stream<Path> entries = Files.list(base)) {
                if (entries.findAny().isPresent()) {
                    throw R58Exception.badInput(base + " exists and is not a demo directory; choose another with --dir");
                }
            }
        }
        if (Files.exists(base)) {
            try (Stream<Path> all = Files.walk(base)) {
                for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                    if (!p.equals(base)) {
                        Files.delete(p);
                    }
                }
            }
        }
        Files.createDirectories(base);
        Files.writeString(marker, "made by r58ctl demo; emptied at the next demo start\n");
        String yaml;
        try (InputStream in = DemoCommand.class.getResourceAsStream("demo-config.yml")) {
            yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("${DEMO}", base.toString());
        }
        Files.writeString(base.resolve("kernel.log"), String.join("\n",
                "[    0.000000] Booting Linux on physical CPU 0x0000000000 [0x412fd050]",
                "[    0.000000] Machine model: Rockchip RK3588 R58 demo (r58ctl sandbox)",
                "[    2.153210] mpp_service mpp-srv: probe success",
                "[    2.301422] rk_hdmirx fdee0000.hdmirx-controller: hdmirx_probe: probe ok", ""));
        Path file = base.resolve("config.yml");
        Files.writeString(file, yaml);
        return new ConfigLoader().file(file).load();
    }
}
