package dev.r58ctl.monitor;

import dev.r58ctl.testsupport.FakeHttp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The poller against a real HTTP server playing both the recorder and MediaMTX. */
class StreamStatusPollerTest {
    /** Generous: these tests check what happens, not how fast; the slack only keeps a broken poller from hanging. */
    private static final long WAIT_S = 15;

    private FakeHttp server;
    private StreamStatusPoller poller;

    @BeforeEach
    void start() throws Exception {
        server = new FakeHttp()
                .json("/health", RecorderClientTest.RECORDER_HEALTHY)
                .json("/status", RecorderClientTest.RECORDER_STATUS)
                .json(MediamtxClient.PATHS_LIST, MediamtxClientTest.TWO_PATHS_V1);
    }

    @AfterEach
    void stop() {
        if (poller != null) {
            poller.close();
        }
        server.close();
    }

    private StreamStatusPoller poller(Duration timeout) {
        poller = new StreamStatusPoller(server.url("/health"), server.url("/status"), server.url(""), timeout);
        return poller;
    }

    @Test
    void beforeTheFirstRoundEverySourceSaysNotPolledYet() {
        StreamSnapshot s = poller(StreamStatusPoller.DEFAULT_TIMEOUT).snapshot();
        assertFalse(s.polling());
        assertEquals(0, s.rounds());
        assertFalse(s.health().result().reachable());
        assertEquals(LatestAnswer.NOT_POLLED, s.health().result().reason());
        assertEquals(LatestAnswer.NOT_POLLED, s.recorder().result().reason());
        assertEquals(LatestAnswer.NOT_POLLED, s.mediamtx().result().reason());
        assertNull(s.mediamtx().lastAttemptMillis());
        assertEquals(0, server.hits("/health"), "building a poller asks nothing");
    }

    @Test
    void oneRoundAsksAllThree() throws Exception {
        long before = System.currentTimeMillis();
        StreamSnapshot s = poller(StreamStatusPoller.DEFAULT_TIMEOUT).pollNow().get(WAIT_S, TimeUnit.SECONDS);
        assertFalse(s.polling());
        assertEquals(1, s.rounds());
        assertTrue(s.health().result().healthy(), s.health().result().reason());
        assertEquals("recording", s.recorder().result().cameras().get("cam1").status());
        assertEquals(2, s.mediamtx().result().paths().size());
        for (LatestAnswer<?> p : new LatestAnswer<?>[] {s.health(), s.recorder(), s.mediamtx()}) {
            assertTrue(p.lastAttemptMillis() >= before);
            assertEquals(p.lastAttemptMillis(), p.lastSuccessMillis());
        }
        assertEquals(s, poller.snapshot(), "snapshot() gives what the round ended with");
    }

    @Test
    void aSlowSourceTimesOutWhileSnapshotAndPollNowReturnAtOnce() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        server.held("/health", release, FakeHttp.Reply.json(RecorderClientTest.RECORDER_HEALTHY));
        try {
            Duration timeout = Duration.ofMillis(1000);
            StreamStatusPoller p = poller(timeout);
            CompletableFuture<StreamSnapshot> round = p.pollNow();
            CompletableFuture<StreamSnapshot> again = p.pollNow();

            StreamSnapshot during = p.snapshot();
            // the handler is still held, so snapshot() cannot have waited for it
            assertEquals(1, release.getCount());
            assertFalse(round.isDone());
            assertTrue(during.polling());
            assertEquals(0, during.rounds());

            StreamSnapshot after = round.get(timeout.toMillis() / 1000 + WAIT_S, TimeUnit.SECONDS);
            assertEquals(after, again.get(WAIT_S, TimeUnit.SECONDS), "the second call joined the running round");
            assertEquals(1, server.hits("/health"), "a running round is not started twice");
            assertEquals(1, server.hits("/status"));
            assertEquals(1, after.rounds());
            HealthStatus h = after.health().result();
            assertFalse(h.reachable());
            assertTrue(h.reason().contains("timeout"), h.reason());
            assertNotNull(after.health().lastAttemptMillis());
            assertNull(after.health().lastSuccessMillis());
            assertTrue(after.recorder().result().ok(), "the other sources are not held up by the slow one");
            assertTrue(after.mediamtx().result().ok());
        } finally {
            release.countDown();
        }
    }

    @Test
    void aSourceWithNothingListeningIsUnreachableAndTheOthersAnswer() throws Exception {
        poller = new StreamStatusPoller(server.url("/health"), server.url("/status"), FakeHttp.refusedUrl(""),
                StreamStatusPoller.DEFAULT_TIMEOUT);
        StreamSnapshot s = poller.pollNow().get(WAIT_S, TimeUnit.SECONDS);
        assertFalse(s.mediamtx().result().reachable());
        assertEquals("connection refused", s.mediamtx().result().reason());
        assertNotNull(s.mediamtx().lastAttemptMillis());
        assertNull(s.mediamtx().lastSuccessMillis());
        assertTrue(s.health().result().healthy());
    }

    @Test
    void theLastSuccessStaysWhenASourceTurnsBad() throws Exception {
        AtomicReference<FakeHttp.Reply> healthReply =
                new AtomicReference<>(FakeHttp.Reply.json(RecorderClientTest.RECORDER_HEALTHY));
        server.on("/health", healthReply::get);
        StreamStatusPoller p = poller(StreamStatusPoller.DEFAULT_TIMEOUT);
        StreamSnapshot first = p.pollNow().get(WAIT_S, TimeUnit.SECONDS);
        Thread.sleep(20); // so the two rounds' clocks differ
        healthReply.set(new FakeHttp.Reply(503, "application/json", "{\"status\": \"unhealthy\"}"));
        StreamSnapshot second = p.pollNow().get(WAIT_S, TimeUnit.SECONDS);

        assertEquals(2, second.rounds());
        assertFalse(second.health().result().healthy());
        assertEquals("HTTP 503, body status \"unhealthy\"", second.health().result().reason());
        assertEquals(first.health().lastSuccessMillis(), second.health().lastSuccessMillis());
        assertTrue(second.health().lastAttemptMillis() > second.health().lastSuccessMillis());
    }

    @Test
    void bitrateAppearsFromTheSecondRound() throws Exception {
        StreamStatusPoller p = poller(StreamStatusPoller.DEFAULT_TIMEOUT);
        assertNull(p.pollNow().get(WAIT_S, TimeUnit.SECONDS).mediamtx().result().paths().get(0).bitrateKbps());
        server.json(MediamtxClient.PATHS_LIST, MediamtxClientTest.TWO_PATHS_V1.replace("12345", "112345"));
        Thread.sleep(50);
        PathStatus cam0 = p.pollNow().get(WAIT_S, TimeUnit.SECONDS).mediamtx().result().paths().get(0);
        assertNotNull(cam0.bitrateKbps());
        assertTrue(cam0.bitrateKbps() > 0);
    }

    @Test
    void theSnapshotIsPlainJson() throws Exception {
        StreamSnapshot s = poller(StreamStatusPoller.DEFAULT_TIMEOUT).pollNow().get(WAIT_S, TimeUnit.SECONDS);
        JsonNode json = dev.r58ctl.Json.mapper().readTree(dev.r58ctl.Json.line(s));
        assertTrue(json.at("/health/result/healthy").asBoolean());
        assertTrue(json.at("/health/result/fields").has("gstreamer_error"));
        assertEquals("recording", json.at("/recorder/result/cameras/cam1/status").asText());
        assertEquals("cam0", json.at("/mediamtx/result/paths/0/name").asText());
        assertTrue(json.at("/mediamtx/result/paths/0").has("bitrate_kbps"));
        assertTrue(json.at("/mediamtx/last_success_millis").isNumber());
        assertFalse(json.at("/health/result").has("ok"), "ok() is derived, not a field of its own");
    }

    @Test
    void itsThreadsAreDaemonsSoTheJvmCanExit() throws Exception {
        poller(StreamStatusPoller.DEFAULT_TIMEOUT).pollNow().get(WAIT_S, TimeUnit.SECONDS);
        var threads = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("r58ctl-http-") || t.getName().startsWith("HttpClient-")).toList();
        assertFalse(threads.isEmpty());
        assertTrue(threads.stream().allMatch(Thread::isDaemon), threads.toString());
    }

    @Test
    void afterCloseAPollAsksNothing() throws Exception {
        StreamStatusPoller p = poller(StreamStatusPoller.DEFAULT_TIMEOUT);
        p.close();
        StreamSnapshot s = p.pollNow().get(WAIT_S, TimeUnit.SECONDS);
        assertEquals(0, s.rounds());
        assertEquals(0, server.hits("/health"));
    }
}
