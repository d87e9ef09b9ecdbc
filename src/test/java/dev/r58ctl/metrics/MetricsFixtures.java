package dev.r58ctl.metrics;

import dev.r58ctl.config.Config;
import dev.r58ctl.engine.CameraView;
import dev.r58ctl.engine.EngineEvent;
import dev.r58ctl.kernel.Incident;
import dev.r58ctl.kernel.IncidentAssembler;
import dev.r58ctl.kernel.IncidentListener;
import dev.r58ctl.kernel.KernelClassifier;
import dev.r58ctl.kernel.KernelLine;
import dev.r58ctl.kernel.KernelText;
import dev.r58ctl.monitor.DiskFigures;
import dev.r58ctl.monitor.StatusReport;
import dev.r58ctl.monitor.StreamStatusPoller;
import dev.r58ctl.monitor.SystemSampler;
import dev.r58ctl.pipeline.CameraRunner;
import dev.r58ctl.pipeline.CameraStats;
import dev.r58ctl.stability.StabilityMatrix;
import dev.r58ctl.testsupport.FakeHttp;
import dev.r58ctl.testsupport.TestConfigs;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A board as the metrics see it, made of real parts: the recorder's January 2026 file (its disk thresholds), an
 * RK3588's thermal zones and MPP load file written into the test's directory and read by the real SystemSampler,
 * camera rows as the engine builds them, the recorder's health polled over real HTTP, the stability matrix from the
 * shipped evidence, and incidents assembled by the kernel package from the recorded Oops of an RK3588.
 */
final class MetricsFixtures {
    private MetricsFixtures() {
    }

    static String resource(String name) {
        try (InputStream in = MetricsFixtures.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The configuration: the recorder's file with its recordings in {@code dir}, thermal and VPU files beside. */
    static Config config(Path dir) throws IOException {
        Path recordings = Files.createDirectories(dir.resolve("recordings"));
        Files.writeString(dir.resolve("recorder.yml"), resource("/recorder/2026-01.yml")
                .replace("/mnt/sdcard/recordings", recordings.toString()));
        thermal(dir.resolve("thermal"), "soc-thermal", 47_230, "bigcore0-thermal", 49_000, "gpu-thermal", 44_100);
        Files.writeString(dir.resolve("mpp_load"), "fdbd0000.rkvenc-core load: 37.50%\nfdbe0000.rkvenc-core load:  4.00%\n");
        return TestConfigs.load(dir, "platform: generic\nstate_dir: " + dir.resolve("state") + "\n"
                + "recorder: {config: " + dir.resolve("recorder.yml") + "}\n"
                + "monitor: {thermal_dir: " + dir.resolve("thermal") + ", vpu_load: " + dir.resolve("mpp_load") + "}\n");
    }

    static void thermal(Path dir, Object... zones) throws IOException {
        for (int i = 0; i < zones.length; i += 2) {
            Path z = Files.createDirectories(dir.resolve("thermal_zone" + i / 2));
            Files.writeString(z.resolve("type"), zones[i] + "\n");
            Files.writeString(z.resolve("temp"), zones[i + 1] + "\n");
        }
    }

    /** A real sample of this machine, with the board's thermal zones and VPU load from the configured files. */
    static EngineEvent.SystemSampled sample(Config config) {
        SystemSampler sampler = new SystemSampler(StatusReport.watched(config), config.monitor().thermalDir(),
                config.monitor().vpuLoadFile());
        return new EngineEvent.SystemSampled(sampler.sample());
    }

    /** Camera rows: two pipelines of r58ctl's (one slow), one the recorder runs, one stopped, as the engine says. */
    static EngineEvent.CamerasUpdated cameras() {
        return new EngineEvent.CamerasUpdated(List.of(
                view("cam0", "mpph264enc", "r58ctl", "RUNNING", 29.97, 17_950.4, 31.5),
                view("cam2", "mpph265enc", "r58ctl", "RUNNING", 21.0, 11_800, 44.0),
                new CameraView("cam3", "/dev/video22", "mpph264enc", "rtsp", "recorder", "recording", null, null),
                new CameraView("cam1", "/dev/video60", "mpph264enc", "rtsp", "-", "disabled", null, null)));
    }

    static CameraView view(String id, String encoder, String runBy, String state, double fps, double kbps, double cpu) {
        CameraStats s = new CameraStats(id, CameraRunner.State.valueOf(state), 60_000, 1800, 1798, 135_000_000, fps, kbps,
                0, 0, cpu, null);
        return new CameraView(id, "/dev/video0", encoder, "rtsp", runBy, state, s, null);
    }

    /** The recorder's health, polled from a real HTTP server that answers it. */
    static EngineEvent.StreamsPolled streams(String healthBody) throws Exception {
        try (FakeHttp http = new FakeHttp().json("/health", healthBody);
             StreamStatusPoller poller = new StreamStatusPoller(http.url("/health"), http.url("/status"),
                     http.url("/mediamtx"), Duration.ofSeconds(5))) {
            return new EngineEvent.StreamsPolled(poller.pollNow().get(30, TimeUnit.SECONDS));
        }
    }

    /** Every incident event the kernel package makes of a recorded log (OPENED, LINE_ADDED..., CLOSED). */
    static List<EngineEvent> kernel(String resource) {
        List<EngineEvent> events = new ArrayList<>();
        IncidentAssembler a = new IncidentAssembler(KernelClassifier.defaults(),
                (IncidentListener.Event e, Incident i, KernelLine l) -> events.add(new EngineEvent.KernelIncident(e, i, "idle")));
        long seq = 1;
        for (String line : resource("/kernel/" + resource).split("\n")) {
            a.accept(KernelText.fromText(line, seq, 1_765_000_000_000L + seq));
            seq++;
        }
        a.flush();
        return events;
    }

    /** A state fed what one engine round and a few minutes of a board's life send. */
    static MetricsState fed(Config config) throws Exception {
        MetricsState state = new MetricsState(config);
        state.accept(sample(config));
        state.accept(cameras());
        state.accept(new EngineEvent.DisksSampled(DiskFigures.of(config)));
        state.accept(streams("{\"status\": \"healthy\"}"));
        kernel("oops-rk3588-mpp.txt").forEach(state);
        kernel("warning-cut-here.txt").forEach(state);
        state.accept(new EngineEvent.MatrixUpdated(new StabilityMatrix(config).runs(List.of()).build(), List.of()));
        return state;
    }

    /** {@link #fed} and, besides, an armed trial and the boot guard's rollback: every family there is. */
    static MetricsState complete(Config config) throws Exception {
        dev.r58ctl.guard.Trial.store(config).saveTrial(new dev.r58ctl.guard.TrialState("abc", "def", "known-good", "b1",
                "2026-01-10T09:00:00Z", 3600, 3, List.of("b1"), null, null));
        MetricsState state = fed(config);
        state.accept(new EngineEvent.GuardActed(new dev.r58ctl.guard.GuardResult("rolled-back", "crash in the trial",
                "crash", List.of(), "b2", "abc", "def", "ok", "healthy", "2026-01-10T09:30:00Z"), "rolled back"));
        return state;
    }
}
