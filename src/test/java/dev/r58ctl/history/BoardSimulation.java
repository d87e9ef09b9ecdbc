package dev.r58ctl.history;

import dev.r58ctl.engine.CameraView;
import dev.r58ctl.engine.EngineEvent;
import dev.r58ctl.kernel.Incident;
import dev.r58ctl.kernel.IncidentListener;
import dev.r58ctl.kernel.Severity;
import dev.r58ctl.monitor.DiskFigures;
import dev.r58ctl.monitor.DiskSpace;
import dev.r58ctl.monitor.HealthStatus;
import dev.r58ctl.monitor.MediamtxStatus;
import dev.r58ctl.monitor.LatestAnswer;
import dev.r58ctl.monitor.RecorderStatus;
import dev.r58ctl.monitor.StreamSnapshot;
import dev.r58ctl.monitor.SystemSample;
import dev.r58ctl.pipeline.CameraRunner;
import dev.r58ctl.pipeline.CameraStats;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;

/**
 * A busy R58 as the engine reports it, one round per call of {@link #round}: 4 cameras at about 30 fps and
 * 18 Mbit/s with jitter, 8 cores wandering, 6 thermal zones, 3 VPU cores, the recorder and MediaMTX, the recording
 * disk filling at the cameras' rate (figures every 10 s), the recorder's health every 2 s. Seeded: the same run
 * every time.
 */
public final class BoardSimulation {
    static final String[] ZONES = {"soc-thermal", "bigcore0-thermal", "bigcore1-thermal", "littlecore-thermal",
        "center-thermal", "gpu-thermal"};
    private final Random random = new Random(58);
    private final double[] cores = new double[8];
    private final double[] temps = {52, 55, 54, 50, 51, 48};
    private final double[] load = {2.4, 2.4, 2.4};
    private long recordingFree = 400L << 30;
    private long stateFree = 20L << 30;
    private long round;

    /** Sends one sampling round at {@code now} to {@code sink}. */
    public void round(long now, Consumer<EngineEvent> sink) {
        if (round % 2 == 0) {
            sink.accept(new EngineEvent.StreamsPolled(streams(now)));
        }
        if (round % 10 == 0) {
            recordingFree -= 4 * 18_000_000L / 8 * 10;
            stateFree -= 4096;
            sink.accept(new EngineEvent.DisksSampled(new DiskFigures(
                    new DiskSpace("/var/lib/r58ctl", stateFree, "ok", ""),
                    List.of(new DiskSpace("/mnt/sdcard/recordings", recordingFree, "ok", "")))));
        }
        sink.accept(new EngineEvent.CamerasUpdated(cameras()));
        sink.accept(new EngineEvent.SystemSampled(system(now)));
        round++;
    }

    /** A kernel incident opened and closed at {@code now}. */
    public void incident(long now, int n, Consumer<EngineEvent> sink) {
        opened(now, n, sink);
        sink.accept(new EngineEvent.KernelIncident(IncidentListener.Event.CLOSED, incident(now, n), "recording"));
    }

    /** A kernel incident opened at {@code now} and not closed. */
    public void opened(long now, int n, Consumer<EngineEvent> sink) {
        sink.accept(new EngineEvent.KernelIncident(IncidentListener.Event.OPENED, incident(now, n), "recording"));
    }

    private static Incident incident(long now, int n) {
        return new Incident("K" + (2040 + n), n % 2 == 0 ? Severity.CRITICAL : Severity.ERROR,
                n % 2 == 0 ? "Internal error: Oops: 96000005 [#1] SMP" : "mpp_rkvenc2: wait task timeout",
                List.of(), n * 100L, n * 100L + 30, now, 0);
    }

    private List<CameraView> cameras() {
        List<CameraView> out = new ArrayList<>();
        for (int c = 1; c <= 4; c++) {
            double fps = 30 + random.nextGaussian() * 0.3;
            double kbps = 18000 + random.nextGaussian() * 900;
            double cpu = 14 + random.nextGaussian() * 2;
            out.add(new CameraView("cam" + c, "/dev/video" + (c * 2 - 2), "mpph265enc bps=18000000 rc-mode=cbr",
                    "rtsp", "r58ctl", "RUNNING", new CameraStats("cam" + c, CameraRunner.State.RUNNING, round * 1000,
                    round * 30, round * 30, round * 2_250_000, fps, kbps, 0, 0, cpu, null), null));
        }
        return out;
    }

    private SystemSample system(long now) {
        double total = 0;
        double[] percent = new double[cores.length];
        for (int i = 0; i < cores.length; i++) {
            cores[i] = Math.max(2, Math.min(98, cores[i] * 0.8 + (30 + i * 3) * 0.2 + random.nextGaussian() * 6));
            percent[i] = cores[i];
            total += cores[i];
        }
        List<SystemSample.Temperature> t = new ArrayList<>();
        for (int i = 0; i < temps.length; i++) {
            temps[i] = Math.max(35, Math.min(85, temps[i] + random.nextGaussian() * 0.15 + (55 - temps[i]) * 0.01));
            t.add(new SystemSample.Temperature("thermal_zone" + i, ZONES[i], temps[i]));
        }
        Map<String, Double> vpu = new LinkedHashMap<>();
        vpu.put("rkvenc0", 55 + random.nextGaussian() * 5);
        vpu.put("rkvenc1", 50 + random.nextGaussian() * 5);
        vpu.put("rkvdec0", 3 + random.nextDouble());
        if (round % 5 == 0) { // the kernel updates the load averages every 5 s, smoothly
            double busy = total / 100;
            load[0] = load[0] * 0.92 + busy * 0.08;
            load[1] = load[1] * 0.984 + busy * 0.016;
            load[2] = load[2] * 0.9945 + busy * 0.0055;
        }
        return new SystemSample(now, 1000, total / cores.length, percent,
                load.clone(), 8L << 30,
                (5L << 30) + random.nextInt(50 << 20), List.of(
                new SystemSample.ProcessCpu("recorder", 812, "python3", 160 + random.nextGaussian() * 10,
                        (310L << 20) + random.nextInt(4 << 20), null),
                new SystemSample.ProcessCpu("mediamtx", 640, "mediamtx", 12 + random.nextGaussian() * 2,
                        (48L << 20) + random.nextInt(1 << 20), null)),
                t, new SystemSample.VpuLoad(true, "/proc/mpp_service/load", vpu, null));
    }

    private static StreamSnapshot streams(long now) {
        HealthStatus h = new HealthStatus("http://127.0.0.1:8080/health", true, true, 200, 4, "ok", Map.of(), null);
        RecorderStatus r = RecorderStatus.unreachable("http://127.0.0.1:8080/status", 0, "not polled yet");
        MediamtxStatus m = MediamtxStatus.unreachable("http://127.0.0.1:9997", 0, "not polled yet");
        return new StreamSnapshot(new LatestAnswer<>(h, now, now), new LatestAnswer<>(r, null, null), new LatestAnswer<>(m, null, null),
                false, 1);
    }
}
