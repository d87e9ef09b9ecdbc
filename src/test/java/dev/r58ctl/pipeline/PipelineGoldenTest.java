package dev.r58ctl.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.r58ctl.config.Camera;
import dev.r58ctl.config.Codec;
import dev.r58ctl.config.Config;
import dev.r58ctl.config.KnownEncoder;
import dev.r58ctl.testsupport.TestConfigs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The exact description of every encoder and output combination on both platforms, against files kept under
 * src/test/resources/golden (regenerate with -Dgolden.update=true and review the diff).
 */
class PipelineGoldenTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden");

    @TempDir
    Path dir;

    static Stream<Arguments> combinations() {
        List<Arguments> out = new ArrayList<>();
        for (String platform : List.of("r58", "generic")) {
            for (KnownEncoder e : KnownEncoder.values()) {
                out.add(Arguments.of(platform, e));
            }
        }
        return out.stream();
    }

    private Config config(String platform, KnownEncoder encoder) {
        String codec = encoder.codec().key();
        return TestConfigs.load(dir, "platform: " + platform + "\nrecorder: {config: null}\n"
                + "mediamtx: {host: 127.0.0.1, rtsp_port: 8554, rtmp_port: 1935}\n"
                + "cameras:\n"
                + "  cam0: {device: /dev/video0, resolution: 1920x1080, bitrate: 8000, codec: " + codec
                + ", encoder: " + encoder.element() + "}\n"
                + "  cam1: {device: /dev/video60, resolution: 1920x1080, bitrate: 18000, codec: " + codec
                + ", encoder: " + encoder.element() + "}\n");
    }

    /** Every output combination that makes sense for the codec, by name. */
    static Map<String, List<Output>> outputs(Codec codec, String cam) {
        Map<String, List<Output>> m = new LinkedHashMap<>();
        String mkv = "/mnt/sdcard/recordings/" + cam + "/recording_20251219_145301.mkv";
        String mp4 = "/mnt/sdcard/recordings/" + cam + "/recording_20251219_145301.mp4";
        String mov = "/mnt/sdcard/recordings/" + cam + "/recording_20251219_145301.mov";
        m.put("file-mkv", List.of(Output.file(mkv)));
        m.put("file-mp4", List.of(Output.file(mp4)));
        m.put("file-mov", List.of(Output.file(mov, 1000)));
        if (codec == Codec.H264) {
            m.put("rtmp", List.of(Output.rtmp("rtmp://127.0.0.1:1935/" + cam)));
            m.put("file+rtmp", List.of(Output.file(mkv), Output.rtmp("rtmp://127.0.0.1:1935/" + cam)));
        }
        m.put("rtsp", List.of(Output.rtsp("rtsp://127.0.0.1:8554/" + cam)));
        m.put("rtp", List.of(Output.rtp("127.0.0.1", 5002)));
        m.put("file+rtsp", List.of(Output.file(mkv), Output.rtsp("rtsp://127.0.0.1:8554/" + cam)));
        m.put("file+rtp", List.of(Output.file(mkv), Output.rtp("127.0.0.1", 5002)));
        m.put("discard", List.of(Output.discard()));
        return m;
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("combinations")
    void descriptionsMatchGolden(String platform, KnownEncoder encoder) throws IOException {
        Config c = config(platform, encoder);
        PipelinePlanner planner = new PipelinePlanner(c);
        StringBuilder text = new StringBuilder();
        for (Camera cam : c.cameras()) {
            for (Map.Entry<String, List<Output>> o : outputs(encoder.codec(), cam.id()).entrySet()) {
                PipelineSpec spec = planner.plan(cam, o.getValue());
                text.append(cam.id()).append(' ').append(o.getKey()).append(":\n")
                        .append(spec.description()).append("\n\n");
            }
        }
        Path golden = GOLDEN.resolve(platform + "-" + encoder.element() + ".txt");
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(GOLDEN);
            Files.writeString(golden, text.toString());
        }
        assertTrue(Files.exists(golden), "missing " + golden + "; run with -Dgolden.update=true");
        assertEquals(Files.readString(golden), text.toString());
    }

    @Test
    void mppEncodersTakeBitsPerSecondAndSoftwareEncodersKilobits() {
        Config r58 = config("r58", KnownEncoder.MPPH265ENC);
        PipelineSpec mpp = new PipelinePlanner(r58).plan(r58.requireCamera("cam1"), List.of(Output.discard()));
        assertEquals(18_000_000L, mpp.encoder().properties().get("bps"));
        assertEquals(30L, ((Number) mpp.encoder().properties().get("gop")).longValue());
        Config generic = config("generic", KnownEncoder.X265ENC);
        PipelineSpec sw = new PipelinePlanner(generic).plan(generic.requireCamera("cam1"), List.of(Output.discard()));
        assertEquals(18_000L, sw.encoder().properties().get("bitrate"));
        assertTrue(!sw.encoder().properties().containsKey("bps"));
    }

    @Test
    void aMovRecordingIsFragmentedAsOftenAsThePlannerSays() {
        Config c = TestConfigs.load(dir, "platform: generic\nrecorder: {config: null}\ncameras:\n"
                + "  cam0: {codec: h264, transport: none, output_path: /rec/cam0_%H%M%S.mov}\n");
        PipelinePlanner planner = new PipelinePlanner(c);
        Camera cam = c.requireCamera("cam0");
        ZonedDateTime now = ZonedDateTime.now();
        assertEquals(1000, planner.fragmentMillis(cam));
        assertEquals(planner.fragmentMillis(cam), planner.outputs(cam, now).get(0).fragmentMillis());
        String d = planner.plan(cam, now).description();
        assertTrue(d.contains(" ! qtmux name=cam0_mux fragment-duration=1000 fragment-mode=first-moov-then-finalise"
                + " ! filesink name=cam0_file location=/rec/cam0_"), d);
        assertThrows(IllegalArgumentException.class, () -> Output.file("/rec/x.mov", 0),
                "an unfragmented .mov would not open after a crash");
        String json = dev.r58ctl.Json.line(Output.file("/rec/x.mov", 500)); // as pipeline show --json prints it
        assertTrue(json.contains("\"fragment_millis\":500") && !json.contains("fragmentMillis"), json);
    }

    @Test
    void hdmirxIsReadWithMmapAsNv16AndConvertedToNv12ForTheVpu() {
        Config r58 = config("r58", KnownEncoder.MPPH265ENC);
        String d = new PipelinePlanner(r58).plan(r58.requireCamera("cam1"), List.of(Output.discard())).description();
        assertTrue(d.startsWith("v4l2src name=cam1_src device=/dev/video60 io-mode=mmap ! "
                + "video/x-raw,format=NV16,width=1920,height=1080,framerate=30/1 ! videoconvert name=cam1_convert ! "
                + "video/x-raw,format=NV12 ! mpph265enc name=cam1_enc bps=18000000"), d);
    }
}
