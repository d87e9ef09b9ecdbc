package dev.r58ctl.cli;

import dev.r58ctl.R58Exception;
import dev.r58ctl.Shutdown;
import dev.r58ctl.config.Camera;
import dev.r58ctl.config.Config;
import dev.r58ctl.pipeline.BusEvent;
import dev.r58ctl.pipeline.CameraRunner;
import dev.r58ctl.pipeline.CameraStats;
import dev.r58ctl.pipeline.Output;
import dev.r58ctl.pipeline.PipelinePlanner;
import dev.r58ctl.pipeline.PipelineSpec;
import dev.r58ctl.pipeline.PreflightCheck;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code r58ctl pipeline run CAM}: one camera's pipeline, headless, for a while; then its statistics. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run one camera's pipeline headless for a duration and print its statistics. "
                + "Exit 1 when preflight fails or the pipeline fails or ends early.")
final class PipelineRunCommand extends BaseCommand {
    @Parameters(paramLabel = "CAM", description = "Camera id, e.g. cam1.")
    String camera;

    @Option(names = "--duration", paramLabel = "D", defaultValue = "10s", converter = DurationConverter.class,
            description = "How long to run (e.g. 10s, 5m; default ${DEFAULT-VALUE}).")
    Duration duration;

    @Option(names = "--json", description = "Print one JSON document.")
    boolean json;

    @Override
    public Integer call() {
        Config c = cameraConfig();
        Camera cam = c.requirePipelineCamera(camera);
        List<PreflightCheck> failures = PipelinePreflightCommand.run(c, List.of(cam)).stream()
                .filter(k -> k.status() == PreflightCheck.Status.FAIL).toList();
        if (!failures.isEmpty()) {
            PreflightCheck f = failures.get(0);
            throw R58Exception.failed(cam.id() + ": preflight: " + f.check() + ": " + f.detail()
                    + (failures.size() > 1 ? " (and " + (failures.size() - 1) + " more; see pipeline preflight)" : ""));
        }
        PipelineSpec spec = new PipelinePlanner(c).plan(cam, ZonedDateTime.now());
        createRecordingDirs(spec);
        // Ctrl-C, SIGTERM, SIGHUP: the runner gets EOS (it is registered with Shutdown while it plays), the wait
        // below ends with the stream, and the file is finalised and the statistics printed as at the end
        CameraRunner runner = new CameraRunner(spec, cam.framerate());
        long started = System.nanoTime();
        try {
            runner.start();
            if (!json) {
                out().println("running " + cam.id() + " for " + duration.toSeconds() + " s: " + spec.description());
            }
            // count the duration from PLAYING: starting GStreamer takes up to a second on a loaded board
            long deadline = System.nanoTime() + duration.toNanos();
            while (System.nanoTime() < deadline) {
                long left = (deadline - System.nanoTime()) / 1_000_000;
                if (runner.awaitEnd(Duration.ofMillis(Math.max(1, Math.min(1000, left))))) {
                    break;
                }
                if (!json) {
                    CameraStats s = runner.stats();
                    out().printf("  %5.1fs  frames %6d  %5.1f fps  %7.0f kbit/s  cpu %5.1f%%%n",
                            s.uptimeMs() / 1000.0, s.framesOut(), s.fps(), s.bitrateKbps(), s.cpuPercent());
                }
            }
        } finally {
            runner.stop(Duration.ofSeconds(5));
        }
        double wall = (System.nanoTime() - started) / 1e9;
        CameraStats t = runner.totals();
        List<BusEvent> errors = runner.errors();
        boolean ok = errors.isEmpty() && t.state() != CameraRunner.State.FAILED
                && t.uptimeMs() >= duration.toMillis() - 200;
        String stoppedBy = Shutdown.requested() ? Shutdown.stoppedBy() : null;
        report(cam, spec, t, runner.events(), wall, ok, stoppedBy);
        return ok ? 0 : 1;
    }

    private void report(Camera cam, PipelineSpec spec, CameraStats t, List<BusEvent> events, double wall, boolean ok,
                        String stoppedBy) {
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("camera", cam.id());
            doc.put("ok", ok);
            if (stoppedBy != null) {
                doc.put("stopped_by", stoppedBy);
            }
            doc.put("description", spec.description());
            doc.put("outputs", spec.outputs());
            doc.put("wall_seconds", Math.round(wall * 100) / 100.0);
            doc.put("stats", t);
            doc.put("events", events.stream().filter(e -> e.level() != BusEvent.Level.STATE).toList());
            printJson(doc);
            return;
        }
        out().printf("%s: %s after %.1f s wall: %d frames out (%d in), %.1f fps, %.0f kbit/s, cpu %.1f%% of a core, "
                        + "%d dropped, %d behind%n", cam.id(), ok ? "ok" : stoppedBy != null ? "stopped by " + stoppedBy
                        : "FAILED", wall, t.framesOut(), t.framesIn(),
                t.fps(), t.bitrateKbps(), t.cpuPercent(), t.dropped(), t.behind());
        for (Output o : spec.outputs()) {
            if (o.kind() != Output.Kind.DISCARD) {
                out().println("  output " + o.key() + ": " + o.target());
            }
        }
        for (BusEvent e : events) {
            if (e.level() != BusEvent.Level.STATE) {
                out().println("  " + e);
            }
        }
    }

    private static void createRecordingDirs(PipelineSpec spec) {
        for (Output o : spec.outputs()) {
            if (o.kind() == Output.Kind.FILE) {
                try {
                    Files.createDirectories(Path.of(o.target()).getParent());
                } catch (java.io.IOException e) {
                    throw dev.r58ctl.DiskFull.failed(Path.of(o.target()).getParent(), e, "cannot create");
                }
            }
        }
    }
}
