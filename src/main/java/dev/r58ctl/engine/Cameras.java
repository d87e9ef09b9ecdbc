package dev.r58ctl.engine;

import dev.r58ctl.R58Exception;
import dev.r58ctl.config.Camera;
import dev.r58ctl.config.Config;
import dev.r58ctl.config.KnownEncoder;
import dev.r58ctl.monitor.CameraStatus;
import dev.r58ctl.monitor.StreamSnapshot;
import dev.r58ctl.pipeline.CameraRunner;
import dev.r58ctl.pipeline.CameraStats;
import dev.r58ctl.pipeline.Output;
import dev.r58ctl.pipeline.PipelinePlanner;
import dev.r58ctl.pipeline.PipelineSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** The cameras r58ctl runs itself: one runner per camera, encoder changes kept in memory for this session. */
final class Cameras {
    private static final Duration STOP = Duration.ofSeconds(5);
    /** The state of a camera stopped for a stability test. */
    static final String PAUSED = "PAUSED";
    /** What v4l2src says when the HDMI input has no signal (no timings, so caps cannot be negotiated). */
    private static final java.util.regex.Pattern NO_SIGNAL = java.util.regex.Pattern.compile(
            "not-negotiated|No signal|Cannot identify device|Failed to (get|query) (the )?(current )?(input|DV) timings?",
            java.util.regex.Pattern.CASE_INSENSITIVE);

    private final Config config;
    private final Map<String, Camera> cameras = new LinkedHashMap<>();
    private final Map<String, CameraRunner> runners = new LinkedHashMap<>();
    /** Cameras stopped for a stability test, started again when it ends unless the operator started or stopped them. */
    private final java.util.Set<String> paused = new java.util.LinkedHashSet<>();
    private final Consumer<EngineEvent> emit;
    /** Set by {@link #stopAll}: a start that comes later (queued, or a test's resume) is refused. */
    private boolean closed;

    Cameras(Config config, Consumer<EngineEvent> emit) {
        this.config = config;
        this.emit = emit;
        config.cameras().forEach(c -> cameras.put(c.id(), c));
    }

    synchronized List<Camera> configured() {
        return List.copyOf(cameras.values());
    }

    /** The camera for a pipeline; one the recorder's file leaves unusable is refused in a line the message line fits. */
    private Camera usable(String id) {
        Camera c = camera(id);
        if (!c.usable()) {
            throw R58Exception.badInput(c.problems().get(0).note() + ": pipeline commands unavailable for " + id);
        }
        return c;
    }

    private Camera camera(String id) {
        Camera c = cameras.get(id);
        if (c == null) {
            throw R58Exception.badInput("no camera \"" + id + "\"");
        }
        return c;
    }

    void start(String id) {
        CameraRunner old;
        synchronized (this) {
            refuseWhenClosed(id);
            usable(id);
            old = runners.get(id);
            if (old != null && (old.state() == CameraRunner.State.RUNNING
                    || old.state() == CameraRunner.State.STARTING)) {
                paused.remove(id);
                return;
            }
        }
        if (old != null) {
            old.stop(STOP); // a pipeline that failed or ended by itself is torn down before its camera starts again
        }
        Camera cam;
        CameraRunner runner;
        synchronized (this) {
            refuseWhenClosed(id);
            cam = usable(id);
            paused.remove(id);
            PipelineSpec spec = planNewFiles(cam);
            for (Output o : spec.outputs()) {
                if (o.kind() == Output.Kind.FILE) {
                    try {
                        Files.createDirectories(Path.of(o.target()).getParent());
                    } catch (IOException e) {
                        throw dev.r58ctl.DiskFull.failed(Path.of(o.target()).getParent(), e, "cannot create");
                    }
                }
            }
            runner = new CameraRunner(spec, cam.framerate());
            runners.put(id, runner);
        }
        runner.onEvent(e -> {
            if (e.level() == dev.r58ctl.pipeline.BusEvent.Level.ERROR) {
                emit.accept(new EngineEvent.Message(EngineEvent.Message.Level.ERROR, id + ": " + e.element() + ": "
                        + e.message()));
            }
        });
        runner.start();
        if (isClosed()) {
            // stopAll came between the runner's registration above and its start, so it found nothing to stop
            runner.stop(STOP);
            throw R58Exception.failed(id + " stopped again at once: r58ctl is quitting");
        }
    }

    private void refuseWhenClosed(String id) {
        if (closed) {
            throw R58Exception.failed(id + " not started: r58ctl is quitting");
        }
    }

    /**
     * The camera's pipeline with its recording named for now. A restart within the second of the last start would
     * name the same file and filesink would overwrite that recording: the plan waits for the next second instead,
     * and a pattern without the time in it is refused.
     */
    private PipelineSpec planNewFiles(Camera cam) {
        PipelinePlanner planner = new PipelinePlanner(config);
        PipelineSpec spec = planner.plan(cam, ZonedDateTime.now());
        String taken = existingFile(spec);
        if (taken != null) {
            try {
                Thread.sleep(1000 - System.currentTimeMillis() % 1000 + 5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            spec = planner.plan(cam, ZonedDateTime.now());
            taken = existingFile(spec);
        }
        if (taken != null) {
            throw R58Exception.failed(cam.id() + ": " + taken + " already exists; r58ctl never overwrites a recording");
        }
        return spec;
    }

    private static String existingFile(PipelineSpec spec) {
        for (Output o : spec.outputs()) {
            if (o.kind() == Output.Kind.FILE && Files.exists(Path.of(o.target()))) {
                return o.target();
            }
        }
        return null;
    }

    void stop(String id) {
        CameraRunner r;
        synchronized (this) {
            camera(id);
            paused.remove(id);
            r = runners.get(id);
        }
        if (r != null) {
            r.stop(STOP);
        }
    }

    void restart(String id) {
        stop(id);
        start(id);
    }

    void setEncoder(String id, KnownEncoder encoder) {
        boolean running;
        synchronized (this) {
            Camera c = usable(id);
            if (encoder.codec() != c.codec()) {
                throw R58Exception.badInput(encoder.element() + " encodes " + encoder.codec().key() + " but " + id
                        + " is " + c.codec().key());
            }
            cameras.put(id, c.withEncoder(encoder.element()));
            CameraRunner r = runners.get(id);
            running = r != null && r.state() == CameraRunner.State.RUNNING;
        }
        if (running) {
            restart(id);
        }
    }

    /**
     * Stops every camera that runs (EOS first, so each recording is finalised) and keeps them as paused, shown so on
     * their rows; returns their ids. {@link #resume} starts them again.
     */
    List<String> pause() {
        List<CameraRunner> stopping = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        synchronized (this) {
            runners.forEach((id, r) -> {
                if (r.state() == CameraRunner.State.RUNNING || r.state() == CameraRunner.State.STARTING) {
                    ids.add(id);
                    stopping.add(r);
                    paused.add(id);
                }
            });
        }
        stopTogether(stopping);
        return ids;
    }

    /**
     * Starts the paused cameras among {@code ids} again, each into a new file; one the operator started or stopped
     * meanwhile is left as it is. Returns those started; a camera that does not start is reported and skipped.
     */
    List<String> resume(List<String> ids) {
        List<String> started = new ArrayList<>();
        for (String id : ids) {
            synchronized (this) {
                if (closed) {
                    break; // quitting: a camera paused for the test stays stopped
                }
                if (!paused.contains(id)) {
                    continue;
                }
            }
            try {
                start(id);
                started.add(id);
            } catch (R58Exception e) {
                if (isClosed()) {
                    break;
                }
                emit.accept(new EngineEvent.Message(EngineEvent.Message.Level.ERROR, "start " + id + " after the test: "
                        + e.getMessage()));
            }
        }
        return started;
    }

    private synchronized boolean isClosed() {
        return closed;
    }

    synchronized List<KnownEncoder> choices(String id) {
        Camera c = camera(id);
        return Arrays.stream(KnownEncoder.values()).filter(e -> e.codec() == c.codec()).toList();
    }

    /**
     * What r58ctl is doing, for an incident banner: "cam0 (x264enc), cam2 (x264enc) running", with the stability test
     * that runs ({@code test}, or null) and the cameras paused for it, or "no pipeline of r58ctl running".
     */
    synchronized String activity(String test) {
        List<String> running = new ArrayList<>();
        runners.forEach((id, r) -> {
            if (r.state() == CameraRunner.State.RUNNING) {
                running.add(id + " (" + cameras.get(id).encoder() + ")");
            }
        });
        List<String> parts = new ArrayList<>();
        if (test != null) {
            parts.add(test + " running");
        }
        if (!running.isEmpty()) {
            parts.add(String.join(", ", running) + " running");
        }
        if (!paused.isEmpty()) {
            parts.add(String.join(", ", paused) + " paused for it");
        }
        return parts.isEmpty() ? "no pipeline of r58ctl running" : String.join("; ", parts);
    }

    synchronized List<CameraView> views(StreamSnapshot streams) {
        Map<String, CameraStatus> recorder = streams == null || streams.recorder().result().cameras() == null
                ? Map.of() : streams.recorder().result().cameras();
        List<CameraView> out = new ArrayList<>();
        for (Camera c : cameras.values()) {
            CameraRunner r = runners.get(c.id());
            CameraStats s = r == null ? null : r.stats();
            boolean ours = r != null && (r.state() == CameraRunner.State.RUNNING || r.state() == CameraRunner.State.STARTING);
            CameraStatus theirs = recorder.get(c.id());
            String runBy = ours ? "r58ctl" : theirs != null && !"idle".equals(theirs.status()) ? "recorder" : "-";
            String state = r != null ? r.state().name() : theirs != null ? theirs.status() : c.enabled() ? "STOPPED" : "disabled";
            if (paused.contains(c.id()) && !ours) {
                state = PAUSED; // stopped for a test, started again when it ends
                runBy = "r58ctl";
            }
            String error = s == null ? null : s.lastError();
            if (!c.usable()) {
                // what the recorder's file says about this camera that r58ctl cannot use: no pipeline of ours
                state = r != null ? state : theirs != null ? theirs.status() : "unusable";
                error = c.problems().get(0).note() + ": pipeline commands unavailable";
            } else if (!ours && c.source() == dev.r58ctl.config.SourceKind.V4L2 && c.device() != null
                    && !Files.exists(Path.of(c.device()))) {
                state = "no device"; // the HDMI input is absent or its driver is not loaded
            } else if (error != null && NO_SIGNAL.matcher(error).find()) {
                state = "no signal"; // normal for an input with nothing plugged in; not a crash
            }
            out.add(new CameraView(c.id(), CameraView.deviceOf(c), c.encoder(), c.transport().key(), runBy, state,
                    ours ? s : null, error));
        }
        return out;
    }

    /** Stops every pipeline for good (quitting): EOS to all at once; a camera started later is refused. */
    void stopAll() {
        List<CameraRunner> all;
        synchronized (this) {
            closed = true;
            all = new ArrayList<>(runners.values());
        }
        stopTogether(all);
    }

    /**
     * EOS to every pipeline first, then each waited for: the muxers finalise side by side, so stopping them all
     * takes about as long as the slowest, not the sum (each wait bounded by {@link #STOP}).
     */
    private static void stopTogether(List<CameraRunner> runners) {
        runners.forEach(CameraRunner::endStream);
        runners.forEach(r -> r.stop(STOP));
    }
}
