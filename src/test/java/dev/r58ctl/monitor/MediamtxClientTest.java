package dev.r58ctl.monitor;

import dev.r58ctl.testsupport.FakeHttp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** MediaMTX's paths list in the shapes its API documents, from a real HTTP server; bitrate across polls. */
class MediamtxClientTest {
    /** MediaMTX v1.x: {@code ready}, {@code tracks} as strings, {@code bytesReceived}. */
    static final String TWO_PATHS_V1 = """
            {"itemCount": 2, "pageCount": 1, "items": [
              {"name": "cam0", "confName": "cam0",
               "source": {"type": "rtspSession", "id": "a2b6e3f0-1c1d-4e55-9f3a-0d6f2f4c1b11"},
               "ready": true, "readyTime": "2026-01-10T09:12:44.123456789Z", "tracks": ["H265"],
               "bytesReceived": 12345, "bytesSent": 0,
               "readers": [{"type": "rtspSession", "id": "r1"}, {"type": "webRTCSession", "id": "r2"}]},
              {"name": "cam1", "confName": "cam1", "source": null, "ready": false, "readyTime": null,
               "tracks": [], "bytesReceived": 0, "bytesSent": 0, "readers": []}
            ]}""";
    /** Current MediaMTX: {@code available}, {@code tracks2} objects and {@code inboundBytes}, old names still sent. */
    static final String CURRENT = """
            {"itemCount": 1, "pageCount": 1, "items": [
              {"name": "cam2", "confName": "all_others", "source": {"type": "rtmpConn", "id": "c9"},
               "ready": true, "readyTime": "2026-01-10T09:00:00Z", "available": true,
               "availableTime": "2026-01-10T09:00:00Z", "online": true, "onlineTime": "2026-01-10T09:00:00Z",
               "tracks": ["H264", "MPEG-4 Audio"],
               "tracks2": [{"codec": "H264", "codecProps": {"width": 1920, "height": 1080, "profile": "High",
                            "level": "4.1"}},
                           {"codec": "MPEG-4 Audio", "codecProps": {"sampleRate": 48000, "channelCount": 2}}],
               "readers": [{"type": "hlsSession", "id": "h1"}],
               "inboundBytes": 5000, "outboundBytes": 900, "inboundFramesInError": 0,
               "bytesReceived": 5000, "bytesSent": 900}
            ]}""";

    private FakeHttp server;
    private final java.util.concurrent.ExecutorService http = java.util.concurrent.Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "test-http");
        t.setDaemon(true);
        return t;
    });

    @BeforeEach
    void start() throws Exception {
        server = new FakeHttp();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private MediamtxClient client() {
        return new MediamtxClient(http, Duration.ofSeconds(2), server.url("/")); // trailing slash on purpose
    }

    private static MediamtxStatus poll(MediamtxClient c) throws Exception {
        return c.paths().get(10, TimeUnit.SECONDS);
    }

    static String onePath(String name, long bytes, String sourceId) {
        return "{\"itemCount\": 1, \"pageCount\": 1, \"items\": [{\"name\": \"" + name + "\", \"confName\": \"" + name
                + "\", \"source\": {\"type\": \"rtspSession\", \"id\": \"" + sourceId + "\"}, \"ready\": true,"
                + " \"readyTime\": \"2026-01-10T09:12:44Z\", \"tracks\": [\"H264\"], \"bytesReceived\": " + bytes
                + ", \"bytesSent\": 0, \"readers\": []}]}";
    }

    @Test
    void twoPathsInTheV1Shape() throws Exception {
        server.json(MediamtxClient.PATHS_LIST, TWO_PATHS_V1);
        MediamtxStatus m = poll(client());
        assertTrue(m.ok(), m.reason());
        assertEquals(server.url("/v3/paths/list"), m.url());
        assertEquals(1, server.hits("/v3/paths/list"));
        assertEquals(2, m.paths().size());
        PathStatus cam0 = m.paths().get(0);
        assertEquals(new PathStatus("cam0", true, "2026-01-10T09:12:44.123456789Z", "rtspSession", List.of("H265"),
                12345L, 2, null, null), cam0);
        PathStatus cam1 = m.paths().get(1);
        assertEquals(new PathStatus("cam1", false, null, null, List.of(), 0L, 0, null, null), cam1);
    }

    @Test
    void theCurrentShapeIsReadByItsNewNames() throws Exception {
        server.json(MediamtxClient.PATHS_LIST, CURRENT.replace("\"inboundBytes\": 5000", "\"inboundBytes\": 7000"));
        PathStatus p = poll(client()).paths().get(0);
        assertEquals("cam2", p.name());
        assertTrue(p.ready());
        assertEquals(List.of("H264", "MPEG-4 Audio"), p.codecs());
        assertEquals(7000L, p.bytesReceived(), "inboundBytes wins over the deprecated bytesReceived");
        assertEquals(1, p.readers());
        assertEquals("rtmpConn", p.sourceType());
    }

    @Test
    void tracksAsObjectsAndAsStrings() throws Exception {
        server.json(MediamtxClient.PATHS_LIST, """
                {"items": [
                  {"name": "a", "ready": true, "tracks": [{"codec": "H264"}, {"type": "Opus"}, {"format": "KLV"}]},
                  {"name": "b", "ready": true, "tracks": ["H265", "G711"]}
                ]}""");
        MediamtxStatus m = poll(client());
        assertEquals(List.of("H264", "Opus", "KLV"), m.paths().get(0).codecs());
        assertEquals(List.of("H265", "G711"), m.paths().get(1).codecs());
        assertNull(m.paths().get(0).bytesReceived());
    }

    @Test
    void bitrateIsMeasuredBetweenTwoPollsAndNullOtherwise() throws Exception {
        AtomicLong bytes = new AtomicLong(1_000_000);
        AtomicReference<String> source = new AtomicReference<>("s1");
        server.on(MediamtxClient.PATHS_LIST, () -> FakeHttp.Reply.json(onePath("cam0", bytes.get(), source.get())));
        MediamtxClient c = client();

        long before1 = System.nanoTime();
        PathStatus first = poll(c).paths().get(0);
        long after1 = System.nanoTime();
        assertNull(first.bitrateKbps(), "no rate without an earlier sample");
        assertNull(first.bitrateIntervalMs());

        Thread.sleep(300);
        long delta = 250_000;
        bytes.addAndGet(delta);
        long before2 = System.nanoTime();
        PathStatus second = poll(c).paths().get(0);
        long after2 = System.nanoTime();

        // the client's interval lies between the two polls' nearest and farthest ends, as measured here
        double shortestS = (before2 - after1) / 1e9;
        double longestS = (after2 - before1) / 1e9;
        double expectedMax = delta * 8 / 1000.0 / shortestS;
        double expectedMin = delta * 8 / 1000.0 / longestS;
        assertNotNull(second.bitrateKbps());
        assertTrue(second.bitrateKbps() >= expectedMin - 0.1 && second.bitrateKbps() <= expectedMax + 0.1,
                second.bitrateKbps() + " kbit/s not within [" + expectedMin + ", " + expectedMax + "]");
        double byInterval = delta * 8 / 1000.0 / (second.bitrateIntervalMs() / 1000.0);
        assertEquals(byInterval, second.bitrateKbps(), byInterval * 0.01 + 0.2, "rate agrees with its interval");

        bytes.set(4096); // MediaMTX restarted: the counter went back
        assertNull(poll(c).paths().get(0).bitrateKbps());
        bytes.addAndGet(10_000);
        assertNotNull(poll(c).paths().get(0).bitrateKbps(), "measured again from the new counter");

        source.set("s2"); // a new publisher: its counter is not the old one's
        bytes.addAndGet(10_000);
        assertNull(poll(c).paths().get(0).bitrateKbps());
    }

    @Test
    void aPathThatDisappearsStartsAgainWithoutARate() throws Exception {
        AtomicReference<String> body = new AtomicReference<>(onePath("cam0", 5000, "s1"));
        server.on(MediamtxClient.PATHS_LIST, () -> FakeHttp.Reply.json(body.get()));
        MediamtxClient c = client();
        poll(c);
        body.set("{\"itemCount\": 0, \"pageCount\": 0, \"items\": []}");
        assertEquals(List.of(), poll(c).paths());
        body.set(onePath("cam0", 9000, "s1"));
        assertNull(poll(c).paths().get(0).bitrateKbps());
    }

    @Test
    void malformedJsonIsReachableButNotOk() throws Exception {
        server.json(MediamtxClient.PATHS_LIST, "{\"itemCount\": 2, \"items\": [{\"name\": \"cam0\",");
        MediamtxStatus m = poll(client());
        assertTrue(m.reachable());
        assertFalse(m.ok());
        assertTrue(m.reason().startsWith("not JSON: "), m.reason());
        assertEquals(List.of(), m.paths());
    }

    @Test
    void anAnswerWithoutItemsSaysSo() throws Exception {
        server.json(MediamtxClient.PATHS_LIST, "{\"paths\": {}}");
        assertEquals("no \"items\" list in the answer", poll(client()).reason());
    }

    @Test
    void anApiErrorCarriesMediamtxsMessage() throws Exception {
        server.reply(MediamtxClient.PATHS_LIST, 401, "application/json",
                "{\"status\": \"error\", \"error\": \"authentication error\"}");
        MediamtxStatus m = poll(client());
        assertTrue(m.reachable());
        assertEquals("HTTP 401: authentication error", m.reason());
    }

    @Test
    void nothingListeningIsUnreachable() throws Exception {
        MediamtxClient c = new MediamtxClient(http, Duration.ofSeconds(2), FakeHttp.refusedUrl(""));
        MediamtxStatus m = poll(c);
        assertFalse(m.reachable());
        assertEquals("connection refused", m.reason());
    }
}
