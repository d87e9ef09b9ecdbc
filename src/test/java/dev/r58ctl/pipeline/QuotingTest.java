package dev.r58ctl.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.r58ctl.config.Codec;
import java.util.List;
import java.util.Map;
import org.freedesktop.gstreamer.Element;
import org.freedesktop.gstreamer.Pipeline;
import org.junit.jupiter.api.Test;

/** No value from configuration can add an element to a pipeline, checked against GStreamer's own parser. */
class QuotingTest {

    private static PipelineSpec spec(String device, String fileLocation) {
        List<Link> head = List.of(
                dev.r58ctl.pipeline.Element.of("v4l2src", "cam0_src").with("device", device),
                Caps.rawVideo("NV12", 640, 360, 30),
                dev.r58ctl.pipeline.Element.of("videoconvert", "cam0_convert"));
        return new PipelineSpec("cam0", Codec.H264, head,
                dev.r58ctl.pipeline.Element.of("x264enc", "cam0_enc"),
                dev.r58ctl.pipeline.Element.of("h264parse", "cam0_parse"),
                List.of(Output.file(fileLocation)));
    }

    private static List<String> factories(Pipeline p) {
        return p.getElementsRecursive().stream().map(e -> e.getFactory().getName()).sorted().toList();
    }

    @Test
    void aDeviceValueCannotAddAFilesink() {
        String evil = "/dev/video0 ! filesink location=/tmp/r58ctl-injected";
        PipelineSpec s = spec(evil, "/tmp/r58ctl-rec.mkv");
        Pipeline p = GstSupport.parse(s.description());
        try {
            assertEquals(1, factories(p).stream().filter("filesink"::equals).count(), factories(p).toString());
            Element src = p.getElementByName("cam0_src");
            assertEquals(evil, src.get("device"));
        } finally {
            p.dispose();
        }
    }

    @Test
    void quotesAndBackslashesInALocationStayInsideTheValue() {
        String evil = "/tmp/a\" ! fakesink name=x \\\" b.mkv";
        Pipeline p = GstSupport.parse(spec("/dev/video0", evil).description());
        try {
            assertEquals(List.of("capsfilter", "filesink", "h264parse", "matroskamux", "queue", "v4l2src", "videoconvert", "x264enc"),
                    factories(p));
            assertEquals(evil, p.getElementByName("cam0_file").get("location"));
        } finally {
            p.dispose();
        }
    }

    @Test
    void plainValuesStayBareAndOthersAreQuoted() {
        assertEquals("/dev/video60", GstQuote.value("/dev/video60"));
        assertEquals("zerolatency", GstQuote.value("zerolatency"));
        assertEquals("\"rtsp://127.0.0.1:8554/cam1\"", GstQuote.value("rtsp://127.0.0.1:8554/cam1"));
        assertEquals("\"a b\"", GstQuote.value("a b"));
        assertEquals("\"-x\"", GstQuote.value("-x"));
        assertEquals("18000000", GstQuote.value(18_000_000L));
        assertEquals("'location=\"a b\"'", GstQuote.shell("location=\"a b\""));
        assertEquals("'it'\\''s'", GstQuote.shell("it's"));
        assertEquals("!", GstQuote.shell("!"));
    }

    @Test
    void elementAndPropertyNamesAreCheckedNotQuoted() {
        assertThrows(IllegalArgumentException.class, () -> dev.r58ctl.pipeline.Element.of("x264enc ! filesink", null));
        assertThrows(IllegalArgumentException.class,
                () -> dev.r58ctl.pipeline.Element.of("x264enc", "e").with("tune=x ! filesink location", "y"));
        assertThrows(IllegalArgumentException.class, () -> new Caps("video/x-raw", Map.of("format", "NV12 ! fakesink")));
    }

    @Test
    void theShellCommandRunsTheSameDescription() {
        PipelineSpec s = spec("/dev/video0", "/tmp/with space.mkv");
        String cmd = s.shellCommand();
        assertEquals("gst-launch-1.0 -e v4l2src name=cam0_src device=/dev/video0 ! "
                + "video/x-raw,format=NV12,width=640,height=360,framerate=30/1 ! videoconvert name=cam0_convert ! "
                + "x264enc name=cam0_enc ! h264parse name=cam0_parse ! queue name=cam0_qfile ! "
                + "matroskamux name=cam0_mux ! filesink name=cam0_file 'location=\"/tmp/with space.mkv\"'", cmd);
    }
}
