package dev.r58ctl.stability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.r58ctl.config.Config;
import dev.r58ctl.testsupport.FakeHttp;
import dev.r58ctl.testsupport.NginxRtmp;
import dev.r58ctl.testsupport.RtspTestServer;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The push test against a real RTSP server on loopback that accepts rtspclientsink's RECORD and serves the stream
 * back on another path (configured through {@code mediamtx.read_url}), and over RTP/UDP; a push passes only when
 * frames of the right codec are read back, and MediaMTX's API, where it answers, must agree.
 */
class StabilityPushTest {
    private static final Duration RUN = Duration.ofSeconds(5);

    @TempDir
    Path dir;

    private Config config(RtspTestServer server, String readUrl, String apiUrl) {
        return StabilityFixtures.load(dir, "mediamtx: {rtsp_port: " + server.port() + ", read_url: \"" + readUrl
                + "\", api_url: \"" + apiUrl + "\"}\n");
    }

    private static String paths(String name, boolean ready, long bytes) {
        return "{\"itemCount\": 1, \"pageCount\": 1, \"items\": [{\"name\": \"" + name + "\", \"available\": " + ready
                + ", \"availableTime\": \"2026-01-10T09:00:00Z\", \"source\": {\"type\": \"rtspSession\", \"id\": \"s1\"}, "
                + "\"tracks2\": [{\"codec\": \"H265\"}], \"inboundBytes\": " + bytes + ", \"readers\": []}]}";
    }

    @Test
    void anX265PushIsReadBackAndMediamtxAgrees() throws Exception {
        try (RtspTestServer server = RtspTestServer.start(dir.resolve("rtsp")); FakeHttp api = new FakeHttp()) {
            api.json("/v3/paths/list", paths("r58ctl_test", true, 123_456));
            Config c = config(server, server.readUrlTemplate(), api.url(""));
            TestResult r = new StabilityTest(c).test(TestKind.PUSH).encoder("x265enc").duration(RUN).call();
            assertEquals(Verdict.PASS, r.verdict(), r + "\n" + server.log());
            assertEquals("rtsp://127.0.0.1:" + server.port() + "/r58ctl_test", r.plan().output(), "MediaMTX's form");
            assertEquals(server.readUrl("r58ctl_test"), r.plan().readUrl());
            assertTrue(r.plan().description().contains("rtspclientsink name=stab_rtsp location=\"rtsp://127.0.0.1:"
                    + server.port() + "/r58ctl_test\""), "quoted: " + r.plan().description());
            assertEquals("video/x-h265", r.frames().codec());
            assertTrue(r.frames().found() >= 30, r.frames().toString());
            Criterion m = r.checks().stream().filter(k -> k.name().equals("mediamtx")).findFirst().orElseThrow();
            assertTrue(m.ok() && m.detail().contains("ready, 123456 bytes received"), m.toString());
            assertTrue(server.log().contains("PUBLISHING r58ctl_test"), server.log());
            System.out.println("MEASURED push read back: " + r.frames());
        }
    }

    @Test
    void nothingReadableBackIsAFailure() throws Exception {
        try (RtspTestServer server = RtspTestServer.start(dir.resolve("rtsp"))) {
            // the reader asks for a path nobody publishes: the server refuses it, whatever the publisher does
            Config c = config(server, "rtsp://127.0.0.1:" + server.port() + "/read/nobody_{path}",
                    FakeHttp.refusedUrl(""));
            TestResult r = new StabilityTest(c).test(TestKind.PUSH).encoder("x264enc").duration(Duration.ofSeconds(4))
                    .call();
            assertEquals(Verdict.FAIL, r.verdict(), r.toString());
            assertTrue(r.reason().startsWith("read back: no frames from rtsp://"), r.reason());
            assertEquals(0, r.frames().found());
            Criterion m = r.checks().stream().filter(k -> k.name().equals("mediamtx")).findFirst().orElseThrow();
            assertTrue(m.ok() && m.detail().startsWith("not checked"), "an API that does not answer is noted: " + m);
        }
    }

    @Test
    void mediamtxSayingThePathIsNotReadyFailsThePush() throws Exception {
        try (RtspTestServer server = RtspTestServer.start(dir.resolve("rtsp")); FakeHttp api = new FakeHttp()) {
            api.json("/v3/paths/list", paths("r58ctl_test", false, 0));
            Config c = config(server, server.readUrlTemplate(), api.url(""));
            TestResult r = new StabilityTest(c).test(TestKind.PUSH).encoder("x264enc").duration(Duration.ofSeconds(4))
                    .call();
            assertEquals(Verdict.FAIL, r.verdict(), r.toString());
            // MediaMTX's word fails the push on its own; the read-back (checked first) may fail too on a busy
            // machine, and then its reason comes first, so the check itself is what is asserted
            Criterion mtx = r.checks().stream().filter(k -> k.name().equals("mediamtx")).findFirst().orElseThrow();
            assertFalse(mtx.ok(), r.checks().toString());
            assertEquals("path r58ctl_test is not ready", mtx.detail());
            assertTrue(r.reason().equals("mediamtx: path r58ctl_test is not ready")
                    || r.reason().startsWith("read back: "), r.reason());
        }
    }

    @Test
    void anRtpPushOverUdpIsReadBack() throws Exception {
        int port = NginxRtmp.freePort();
        Config c = StabilityFixtures.load(dir, "mediamtx: {read_url: \"udp://" + port + "\", api_url: \""
                + FakeHttp.refusedUrl("") + "\"}\nstability: {resolution: 640x360, push_transport: rtp, push_rtp_port: "
                + port + "}\n");
        TestResult r = new StabilityTest(c).test(TestKind.PUSH).encoder("x264enc").duration(RUN).call();
        assertEquals(Verdict.PASS, r.verdict(), r.toString());
        assertEquals("127.0.0.1:" + port, r.plan().output());
        assertTrue(r.plan().description().contains("rtph264pay"), r.plan().description());
        assertEquals("video/x-h264", r.frames().codec());
        assertFalse(r.plan().description().contains("rtspclientsink"));
    }
}
