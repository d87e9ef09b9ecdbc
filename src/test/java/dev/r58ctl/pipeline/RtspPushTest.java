package dev.r58ctl.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.r58ctl.config.Camera;
import dev.r58ctl.config.Codec;
import dev.r58ctl.config.Config;
import dev.r58ctl.testsupport.RtspTestServer;
import dev.r58ctl.testsupport.TestConfigs;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.freedesktop.gstreamer.Bus;
import org.freedesktop.gstreamer.Caps;
import org.freedesktop.gstreamer.PadProbeReturn;
import org.freedesktop.gstreamer.PadProbeType;
import org.freedesktop.gstreamer.Pipeline;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A camera pipeline at 640x360@30 pushes RTSP (rtspclientsink, RECORD) through {@link CameraRunner} to a real RTSP
 * server on loopback ({@link RtspTestServer}), and a reader plays the stream back from the server.
 */
class RtspPushTest {
    private static final Duration RUN = Duration.ofSeconds(3);
    private static final Duration STOP = Duration.ofSeconds(5);
    private static final Duration READ = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    private Config config(String codec) {
        return TestConfigs.generic(dir, "  cam0: {resolution: 640x360, bitrate: 1000, codec: " + codec
                + ", transport: none}\n");
    }

    /** A camera publishing to {@code server} as cam0, not started. */
    private CameraRunner publisher(String codec, RtspTestServer server) {
        Config c = config(codec);
        Camera cam = c.requireCamera("cam0");
        return new CameraRunner(new PipelinePlanner(c).plan(cam, List.of(Output.rtsp(server.publishUrl("cam0")))),
                cam.framerate());
    }

    /**
     * Publishes for {@link #RUN}, reading back from the server once the camera has run a second and the server has
     * its first packet; the camera must stay running without a bus error.
     */
    private void publishesAndReadsBack(String codec, Codec expected) throws Exception {
        try (RtspTestServer server = RtspTestServer.start(dir.resolve("rtsp"))) {
            CameraRunner runner = publisher(codec, server);
            long started = System.nanoTime();
            runner.start();
            MediaProbe.Result r;
            try {
                Thread.sleep(1000);
                assertTrue(server.awaitPublishing("cam0", Duration.ofSeconds(5)),
                        "nothing published: " + runner.events() + "\n" + server.log());
                r = MediaProbe.stream(server.readUrl("cam0"), expected, READ, 30);
                long left = RUN.toMillis() - TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
                if (left > 0) {
                    Thread.sleep(left);
                }
                assertEquals(CameraRunner.State.RUNNING, runner.state(), runner.events().toString());
            } finally {
                runner.stop(STOP);
            }
            assertTrue(runner.errors().isEmpty(), runner.errors() + "\n" + server.log());
            assertTrue(r.frames() >= 30, "RTSP frames read back: " + r + "\n" + server.log());
            assertEquals(expected.mediaType(), r.mediaType(), server.log());
        }
    }

    @Test
    void x265PushesRtspAndReadsBack() throws Exception {
        publishesAndReadsBack("h265", Codec.H265);
    }

    @Test
    void x264PushesRtspAndReadsBack() throws Exception {
        publishesAndReadsBack("h264", Codec.H264);
    }

    @Test
    void aPathNobodyPublishesReadsNothing() throws Exception {
        try (RtspTestServer server = RtspTestServer.start(dir.resolve("rtsp"))) {
            CameraRunner runner = publisher("h265", server);
            runner.start();
            MediaProbe.Result r;
            try {
                assertTrue(server.awaitPublishing("cam0", Duration.ofSeconds(5)), server.log());
                // cam0 is live on the same server, so a reader that ignored the path would find frames
                r = MediaProbe.stream(server.readUrl("cam1"), Codec.H265, Duration.ofSeconds(5), 30);
            } finally {
                runner.stop(STOP);
            }
            assertEquals(0, r.frames(), r.toString());
            assertNull(r.mediaType());
            assertNotNull(r.error(), "a refused read is an error");
            assertTrue(server.log().contains("PUBLISHING cam0"), server.log());
        }
    }
}
