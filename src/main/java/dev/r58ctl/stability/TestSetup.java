package dev.r58ctl.stability;

import dev.r58ctl.R58Exception;
import dev.r58ctl.config.Camera;
import dev.r58ctl.config.Config;
import dev.r58ctl.config.EncoderSettings;
import dev.r58ctl.config.KnownEncoder;
import dev.r58ctl.config.SourceKind;
import dev.r58ctl.config.Transport;
import dev.r58ctl.pipeline.Output;
import dev.r58ctl.pipeline.PipelinePlanner;
import dev.r58ctl.pipeline.PipelineSpec;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns a test's options into its plan and pipeline, refusing bad input (an unknown encoder or camera, a setting
 * that is not a plain property, a push to a live camera's path) with one line before anything runs. The pipeline
 * comes from the same planner the cameras use, so it is quoted the same way; only its outputs differ.
 */
final class TestSetup {
    /** Element name prefix of test pipelines: their threads are named after it, which is how their CPU is found. */
    static final String CAMERA_ID = "stab";
    private static final Pattern PATH = Pattern.compile("[A-Za-z0-9_.~-]+(/[A-Za-z0-9_.~-]+)*");

    /** The options of one test; null means "from configuration". */
    record Options(TestKind kind, String encoder, String camera, Duration duration, Integer width, Integer height,
                   Integer framerate, Integer bitrateKbps, Map<String, Object> set, String path) {
        Options withKind(TestKind k) {
            return new Options(k, encoder, camera, null, width, height, framerate, bitrateKbps, set, path);
        }
    }

    /** A plan and the pipeline that carries it out. */
    record Prepared(TestPlan plan, PipelineSpec spec) {
    }

    private TestSetup() {
    }

    static Prepared prepare(Config config, Options o, RunStore store, String id) {
        Config.StabilitySettings s = config.stability();
        Camera source = o.camera() == null ? null : config.requirePipelineCamera(o.camera());
        // a camera r58ctl cannot use (a problem in the recorder's file) lends no default
        List<Camera> usable = config.cameras().stream().filter(Camera::usable).toList();
        KnownEncoder known;
        if (o.encoder() != null) {
            known = KnownEncoder.of(o.encoder()).orElseThrow(() -> R58Exception.badInput(
                    "unknown encoder \"" + o.encoder() + "\"; expected one of " + KnownEncoder.names()));
        } else if (source != null) {
            known = KnownEncoder.of(source.encoder()).orElseThrow();
        } else if (!usable.isEmpty()) {
            known = KnownEncoder.of(usable.get(0).encoder()).orElseThrow();
        } else {
            throw R58Exception.badInput("no cameras configured: give --encoder");
        }
        if (source == null) { // the bitrate of a camera that uses this encoder, else of the first camera
            source = usable.stream().filter(c -> c.encoder().equals(known.element())).findFirst()
                    .orElse(usable.isEmpty() ? null : usable.get(0));
        }
        int bitrate;
        if (o.bitrateKbps() != null) {
            bitrate = o.bitrateKbps();
        } else if (source != null) {
            bitrate = source.bitrateKbps();
        } else {
            throw R58Exception.badInput("no cameras configured to take the bitrate from: give --bitrate");
        }
        Map<String, Object> settings = new LinkedHashMap<>(config.encoderSettings(known.element()));
        if (o.set() != null) {
            for (Map.Entry<String, Object> e : o.set().entrySet()) {
                String problem = EncoderSettings.propertyProblem(known, e.getKey());
                problem = problem != null ? problem : EncoderSettings.valueProblem(e.getValue());
                if (problem != null) {
                    throw R58Exception.badInput("--set " + e.getKey() + ": " + problem);
                }
                settings.put(e.getKey(), e.getValue());
            }
        }
        int width = o.width() != null ? o.width() : s.width();
        int height = o.height() != null ? o.height() : s.height();
        int fps = o.framerate() != null ? o.framerate() : s.framerate();
        Duration duration = o.duration() != null ? o.duration() : o.kind().defaultDuration(s);

        String path = null;
        String readUrl = null;
        List<Output> outputs;
        switch (o.kind()) {
            case ENCODE -> outputs = List.of(Output.file(store.outputFile(id).toString()));
            case SOAK -> outputs = List.of(Output.file(store.outputFile(id).toString()).synced());
            default -> {
                path = pushPath(config, o.path() != null ? o.path() : s.pushPath());
                readUrl = config.mediamtx().readUrlFor(path);
                if (s.pushTransport() == Transport.RTP) {
                    rtpPort(config, s.pushRtpPort());
                }
                outputs = List.of(s.pushTransport() == Transport.RTP
                        ? Output.rtp(config.mediamtx().host(), s.pushRtpPort())
                        : Output.rtsp(config.mediamtx().rtspUrl(path)));
            }
        }
        Camera cam = new Camera(CAMERA_ID, null, width, height, fps, bitrate, known.codec(), known.element(),
                Transport.NONE, SourceKind.TEST, "NV12", null, path == null ? CAMERA_ID : path, true,
                s.pushRtpPort(), "stability test");
        PipelineSpec planned = new PipelinePlanner(config).plan(cam, outputs);
        // --set goes on top of the configured settings the planner applied
        PipelineSpec spec = new PipelineSpec(planned.camera(), planned.codec(), planned.head(),
                planned.encoder().withAll(settings), planned.parser(), planned.outputs());
        TestPlan plan = new TestPlan(o.kind(), known.element(), java.util.Collections.unmodifiableMap(settings),
                EncoderSettings.key(known.element(), settings), new LinkedHashMap<>(spec.encoder().properties()),
                o.bitrateKbps() != null ? null : source.id(), bitrate, width, height, fps, duration.toMillis(),
                spec.description(), outputs.get(0).target(), readUrl, path);
        return new Prepared(plan, spec);
    }

    /** RTP pushed to a camera's port would mix into its live stream at MediaMTX. */
    static void rtpPort(Config config, int port) {
        for (Camera c : config.cameras()) {
            if (c.transport() == Transport.RTP && c.rtpPort() == port) {
                throw R58Exception.badInput("stability.push_rtp_port " + port + " is camera " + c.id()
                        + "'s RTP port; the push test must publish elsewhere");
            }
        }
    }

    /** A push must never land on a path a camera streams to: it would replace the live picture. */
    static String pushPath(Config config, String path) {
        if (!PATH.matcher(path).matches() || path.contains("..")) {
            throw R58Exception.badInput("--path \"" + path + "\": expected a MediaMTX path name (letters, digits, "
                    + "_ . ~ - and /)");
        }
        for (Camera c : config.cameras()) {
            if (c.mediamtxPath().equals(path)) {
                throw R58Exception.badInput("--path " + path + " is camera " + c.id() + "'s live path; push tests "
                        + "publish elsewhere (default " + config.stability().pushPath() + ")");
            }
        }
        return path;
    }
}
