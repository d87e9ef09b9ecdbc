package dev.r58ctl.cli;

import dev.r58ctl.Logging;
import dev.r58ctl.R58Exception;
import dev.r58ctl.config.Camera;
import dev.r58ctl.config.Config;
import dev.r58ctl.demo.DemoSandbox;
import dev.r58ctl.host.ServiceControl;
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
                + "directory), a scratch recorder checkout whose HEAD is an H.265 migration that left the stand-in "
                + "service unhealthy ('b' rolls back), and a kernel log file that 'i' writes the seed's Oops into. "
                + "Needs no R58.")
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
        Config c = DemoSandbox.prepare(base.toAbsolutePath());
        Logging.toFile(c.stateDir());
        ServiceControl standIn = ServiceControl.of(c);
        standIn.start(); // the stand-in recorder, unhealthy at the migration commit until rolled back
        try {
            if (!noTui && Terminals.interactive()) {
                try (Engine engine = new Engine(c)) {
                    c.cameras().forEach(cam -> engine.startCamera(cam.id()));
                    Terminals.runDashboard(engine, true);
                }
                return 0;
            }
            return table(c, base);
        } finally {
            standIn.stop();
        }
    }

    /** Without a terminal: the cameras run for --duration with a statistics table each second. */
    private int table(Config c, Path base) throws IOException {
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
}
