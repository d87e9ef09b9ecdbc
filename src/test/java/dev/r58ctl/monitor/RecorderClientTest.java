package dev.r58ctl.monitor;

import dev.r58ctl.testsupport.FakeHttp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The recorder's health and status endpoints, answered by a real HTTP server in the recorder's shapes. */
class RecorderClientTest {
    static final String RECORDER_HEALTHY =
            "{\"status\": \"healthy\", \"platform\": \"r58\", \"gstreamer\": \"initialized\", \"gstreamer_error\": null}";
    static final String RECORDER_STATUS = """
            {"cameras": {
              "cam1": {"status": "recording", "file": "/mnt/sdcard/recordings/cam1/2026.mkv", "duration": 12.5},
              "cam2": {"status": "preview"},
              "cam3": {"status": "idle"}
            }}""";
    private static final Duration TIMEOUT = Duration.ofMillis(1500);

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

    private RecorderClient client() {
        return new RecorderClient(http, TIMEOUT, server.url("/health"), server.url("/status"));
    }

    private HealthStatus health() throws Exception {
        return client().health().get(10, TimeUnit.SECONDS);
    }

    @Test
    void theRecordersOwnHealthyAnswerIsHealthy() throws Exception {
        server.json("/health", RECORDER_HEALTHY);
        HealthStatus h = health();
        assertTrue(h.reachable());
        assertTrue(h.healthy(), h.reason());
        assertNull(h.reason());
        assertEquals(200, h.statusCode());
        assertEquals("healthy", h.status());
        assertEquals("r58", h.fields().get("platform"));
        assertEquals("initialized", h.fields().get("gstreamer"));
        assertTrue(h.fields().containsKey("gstreamer_error"));
        assertNull(h.fields().get("gstreamer_error"));
        assertTrue(h.latencyMs() >= 0);
        assertEquals(server.url("/health"), h.url());
    }

    @Test
    void statusOkCountsAsHealthy() throws Exception {
        server.json("/health", "{\"status\": \"OK\"}");
        assertTrue(health().healthy());
    }

    @Test
    void aDegradedBodyIsUnhealthyThoughReachable() throws Exception {
        server.json("/health", "{\"status\": \"degraded\", \"platform\": \"r58\", \"gstreamer\": \"error\","
                + " \"gstreamer_error\": \"no element v4l2src\"}");
        HealthStatus h = health();
        assertTrue(h.reachable());
        assertFalse(h.healthy());
        assertEquals("body status \"degraded\"", h.reason());
        assertEquals("no element v4l2src", h.fields().get("gstreamer_error"));
    }

    @Test
    void http503IsUnhealthyWithTheCode() throws Exception {
        server.reply("/health", 503, "application/json", "{\"detail\": \"GStreamer not initialized\"}");
        HealthStatus h = health();
        assertTrue(h.reachable());
        assertFalse(h.healthy());
        assertEquals(503, h.statusCode());
        assertEquals("HTTP 503: GStreamer not initialized", h.reason());
    }

    @Test
    void aPlainTextTwoHundredIsHealthyByTheStatusCodeRule() throws Exception {
        server.reply("/health", 200, "text/plain", "OK");
        HealthStatus h = health();
        assertTrue(h.healthy(), h.reason());
        assertNull(h.status());
        assertEquals(Map.of(), h.fields());
    }

    @Test
    void connectionRefusedIsUnreachable() throws Exception {
        RecorderClient c = new RecorderClient(http, TIMEOUT, FakeHttp.refusedUrl("/health"), FakeHttp.refusedUrl("/s"));
        HealthStatus h = c.health().get(10, TimeUnit.SECONDS);
        assertFalse(h.reachable());
        assertFalse(h.healthy());
        assertNull(h.statusCode());
        assertEquals("connection refused", h.reason());
    }

    @Test
    void aSlowHealthEndpointTimesOut() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        server.held("/health", release, FakeHttp.Reply.json(RECORDER_HEALTHY));
        try {
            RecorderClient c = new RecorderClient(http, Duration.ofMillis(300), server.url("/health"), "");
            HealthStatus h = c.health().get(10, TimeUnit.SECONDS);
            assertFalse(h.reachable());
            assertEquals("timeout after 300 ms", h.reason());
            assertEquals(1, release.getCount(), "the answer came from the timeout, not from the handler");
        } finally {
            release.countDown();
        }
    }

    @Test
    void perCameraStatusWithExtraFieldsKept() throws Exception {
        server.json("/status", RECORDER_STATUS);
        RecorderStatus s = client().status().get(10, TimeUnit.SECONDS);
        assertTrue(s.ok(), s.reason());
        assertEquals(List.of("cam1", "cam2", "cam3"), List.copyOf(s.cameras().keySet()));
        assertEquals("recording", s.cameras().get("cam1").status());
        assertEquals("preview", s.cameras().get("cam2").status());
        assertEquals("idle", s.cameras().get("cam3").status());
        assertEquals(Map.of("file", "/mnt/sdcard/recordings/cam1/2026.mkv", "duration", 12.5),
                s.cameras().get("cam1").extra());
        assertEquals(Map.of(), s.cameras().get("cam2").extra());
    }

    @Test
    void aStatusWithoutCamerasIsToleratedWithAReason() throws Exception {
        server.json("/status", "{\"recording\": false}");
        RecorderStatus s = client().status().get(10, TimeUnit.SECONDS);
        assertTrue(s.reachable());
        assertFalse(s.ok());
        assertEquals("no \"cameras\" in the answer", s.reason());
        assertEquals(Map.of(), s.cameras());
    }

    @Test
    void aMalformedStatusBodyIsNotJson() throws Exception {
        server.json("/status", "{\"cameras\": {\"cam1\": {\"status\": \"recording\"");
        RecorderStatus s = client().status().get(10, TimeUnit.SECONDS);
        assertTrue(s.reachable());
        assertFalse(s.ok());
        assertTrue(s.reason().startsWith("not JSON: "), s.reason());
        assertFalse(s.reason().contains("\n"));
    }

    @Test
    void aStatusErrorCodeIsReported() throws Exception {
        server.reply("/status", 500, "text/plain", "Internal Server Error");
        RecorderStatus s = client().status().get(10, TimeUnit.SECONDS);
        assertFalse(s.ok());
        assertEquals(500, s.statusCode());
        assertEquals("HTTP 500", s.reason());
    }
}
