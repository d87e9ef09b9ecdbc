package dev.r58ctl.pipeline;

import dev.r58ctl.config.Camera;
import dev.r58ctl.config.Config;
import dev.r58ctl.config.KnownEncoder;
import dev.r58ctl.config.SourceKind;
import dev.r58ctl.config.Strftime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Turns a configured camera into its {@link PipelineSpec}. */
public final class PipelinePlanner {
    private final Config config;

    public PipelinePlanner(Config config) {
        this.config = config;
    }

    /** The camera's own pipeline: recording (when it has an output path) plus its transport, at time {@code now}. */
    public PipelineSpec plan(Camera camera, ZonedDateTime now) {
        return plan(camera, outputs(camera, now));
    }

    /** The camera's source and encoder with the given outputs (tests write elsewhere than the recordings). */
    public PipelineSpec plan(Camera camera, List<Output> outputs) {
        String p = camera.id() + "_";
        KnownEncoder known = KnownEncoder.of(camera.encoder()).orElseThrow();
        List<Link> head = new ArrayList<>();
        if (camera.source() == SourceKind.V4L2) {
            head.add(Element.of("v4l2src", p + "src").with("device", camera.device()).with("io-mode", "mmap"));
            head.add(Caps.rawVideo(camera.pixelFormat(), camera.width(), camera.height(), camera.framerate()));
        } else {
            head.add(Element.of("videotestsrc", p + "src").with("is-live", true).with("pattern", "smpte"));
            head.add(Caps.rawVideo(null, camera.width(), camera.height(), camera.framerate()));
        }
        boolean nv12Already = camera.source() == SourceKind.V4L2 && "NV12".equals(camera.pixelFormat());
        if (!(known.hardware() && nv12Already)) {
            head.add(Element.of("videoconvert", p + "convert"));
        }
        if (known.hardware() && !nv12Already) {
            head.add(Caps.rawVideo("NV12", 0, 0, 0)); // the VPU encoders take NV12; hdmirx delivers NV16
        } else if (!known.hardware()) {
            // left to negotiate, x264enc/x265enc pick 4:4:4 at 10 or 12 bits, which most players cannot decode
            head.add(Caps.rawVideo("I420", 0, 0, 0));
        }
        Element encoder = Element.of(known.element(), p + "enc")
                .with(known.bitrateProperty(), known.bitrateValue(camera.bitrateKbps()))
                .with(known.keyframeProperty(), camera.framerate());
        Map<String, Object> settings = config.encoderSettings(known.element());
        encoder = encoder.withAll(settings);
        Element parser = Element.of(camera.codec().parser(), p + "parse").with("config-interval", -1);
        return new PipelineSpec(camera.id(), camera.codec(), head, encoder, parser, outputs);
    }

    /** Recording and streaming outputs from the camera's configuration. */
    public List<Output> outputs(Camera camera, ZonedDateTime now) {
        List<Output> out = new ArrayList<>();
        if (camera.records()) {
            out.add(Output.file(Strftime.format(camera.outputPath(), now), fragmentMillis(camera)));
        }
        Config.MediamtxSettings m = config.mediamtx();
        switch (camera.transport()) {
            case RTMP -> out.add(Output.rtmp("rtmp://" + m.host() + ":" + m.rtmpPort() + "/" + camera.mediamtxPath()));
            case RTSP -> out.add(Output.rtsp("rtsp://" + m.host() + ":" + m.rtspPort() + "/" + camera.mediamtxPath()));
            case RTP -> out.add(Output.rtp(m.host(), camera.rtpPort()));
            case NONE -> { }
        }
        if (out.isEmpty()) {
            out.add(Output.discard());
        }
        return out;
    }

    /**
     * How often the camera's {@code .mov} recording writes a fragment, in ms: the recorder's
     * {@code recording.fragment_duration} (its default when the recorder's file has none, or an unusable one).
     */
    int fragmentMillis(Camera camera) {
        int ms = config.recording().fragmentMillis();
        return ms > 0 ? ms : Output.DEFAULT_FRAGMENT_MILLIS;
    }
}
