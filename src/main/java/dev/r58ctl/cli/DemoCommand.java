package dev.r58ctl.cli;

import dev.r58ctl.Logging;
import dev.r58ctl.Shutdown;
import dev.r58ctl.config.Config;
import dev.r58ctl.demo.DemoSandbox;
import dev.r58ctl.demo.DemoServices;
import dev.r58ctl.engine.CameraView;
import dev.r58ctl.engine.Engine;
import dev.r58ctl.engine.EngineEvent;
import dev.r58ctl.tui.Terminals;
import dev.r58ctl.pipeline.CameraStats;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code r58ctl demo}: the enabled test-pattern cameras in a sandbox directory, run together with live statistics.
 * Everything it writes lives under one directory, which the next start empties.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Open the dashboard on a sandbox: four test-pattern cameras, three of them recording under "
                + "the demo directory (cam1 is disabled, as on the board), a scratch recorder checkout whose HEAD is an H.265 migration that left the stand-in "
                + "service unhealthy ('b' rolls back), and a kernel log file that 'i' writes the mpph264enc Oops of "
                + "2025-12-19 into. "
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
        Config c;
        try {
            c = DemoSandbox.prepare(base.toAbsolutePath());
        } catch (IOException e) {
            throw dev.r58ctl.DiskFull.failed(base.toAbsolutePath(), e, "cannot prepare the demo");
        }
        Logging.toFile(c.stateDir());
        // the stand-in recorder (unhealthy at the migration commit until rolled back) and MediaMTX's RTSP side; a
        // signal from here on stops them on this thread's way out, as q does (registered first, so it covers their
        // stop, which comes last)
        try (Shutdown.Registration standIns = Shutdown.whileRunning("the demo's stand-in services", null);
             DemoServices services = DemoServices.start(c)) {
            if (Shutdown.requested()) {
                return 0; // asked to stop while they started
            }
            if (!noTui && Terminals.interactive()) {
                // the demo records its own history, as r58ctl agent does on a board, so that [ and ] look back
                try (dev.r58ctl.history.HistoryWriter history = dev.r58ctl.history.HistoryWriter.of(c);
                     Engine engine = new Engine(c)) {
                    engine.subscribe(history);
                    engine.startEnabledCameras();
                    Terminals.runDashboard(engine, true,
                            new dev.r58ctl.tui.HistoryPast(dev.r58ctl.history.HistoryReader.of(c)));
                }
                return 0;
            }
            return table(c, base);
        }
    }

    /** Without a terminal: the cameras run for --duration with a statistics table each second. */
    private int table(Config c, Path base) {
        PrintWriter o = out();
        o.println("demo: " + c.cameras().size() + " cameras, sandbox " + base.toAbsolutePath());
        AtomicReference<List<CameraView>> rows = new AtomicReference<>(List.of());
        CountDownLatch asked = new CountDownLatch(1);
        try (Shutdown.Registration table = Shutdown.whileRunning("the demo's table", asked::countDown);
             Engine engine = new Engine(c)) {
            engine.subscribe(e -> {
                if (e instanceof EngineEvent.CamerasUpdated u) {
                    rows.set(u.cameras());
                } else if (e instanceof EngineEvent.Message m && m.level() == EngineEvent.Message.Level.ERROR) {
                    o.println("  " + m.text());
                }
            });
            engine.start();
            engine.startEnabledCameras();
            long end = System.nanoTime() + duration.toNanos();
            while (System.nanoTime() < end) {
                if (asked.await(Math.min(1000, Math.max(1, (end - System.nanoTime()) / 1_000_000)),
                        TimeUnit.MILLISECONDS)) {
                    break; // Ctrl-C or a signal: the engine closes below (EOS, so recordings are whole)
                }
                engine.tick();
                o.printf("%n%-5s %-8s %-10s %6s %9s %6s  %s%n", "CAM", "STATE", "ENCODER", "FPS", "KBIT/S", "CPU%",
                        "LAST ERROR");
                for (CameraView v : rows.get()) {
                    CameraStats s = v.stats();
                    o.printf("%-5s %-8s %-10s %6.1f %9.0f %6.1f  %s%n", v.id(), v.state(), v.encoder(),
                            s == null ? 0 : s.fps(), s == null ? 0 : s.bitrateKbps(), s == null ? 0 : s.cpuPercent(),
                            v.lastError() == null ? "" : v.lastError());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        o.println();
        o.println("recordings in " + base.resolve("recordings") + "; log in " + c.stateDir().resolve(Logging.FILE_NAME));
        return rows.get().stream().anyMatch(v -> "FAILED".equals(v.state())) ? 1 : 0;
    }
}
