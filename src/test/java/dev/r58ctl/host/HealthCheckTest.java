package dev.r58ctl.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.r58ctl.testsupport.StandIn;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Health against a real HTTP server on 127.0.0.1: status codes, JSON status values, timeouts, no server. */
class HealthCheckTest {
    private HttpServer server;
    private final AtomicInteger lateCalls = new AtomicInteger();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        answer("/plain", 200, "OK");
        answer("/healthy", 200, "{\"status\": \"healthy\", \"platform\": \"r58\", \"gstreamer\": \"initialized\"}");
        answer("/ok", 200, "{\"status\":\"ok\"}");
        answer("/degraded", 200, "{\"status\": \"degraded\"}");
        answer("/nostatus", 204, "");
        answer("/otherjson", 200, "{\"uptime\": 12}");
        answer("/broken-json", 200, "{\"status\": ");
        answer("/error", 500, "{\"status\": \"healthy\"}");
        answer("/redirect", 302, "");
        answer("/nullstatus", 200, "{\"status\": null}");
        server.createContext("/slow", ex -> {
            sleep(1500);
            reply(ex, 200, "{\"status\": \"healthy\"}");
        });
        server.createContext("/late", ex -> reply(ex, lateCalls.incrementAndGet() < 3 ? 503 : 200, "{\"status\":\"ok\"}"));
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void answer(String path, int code, String body) {
        server.createContext(path, ex -> reply(ex, code, body));
    }

    private static void reply(HttpExchange ex, int code, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(code, b.length == 0 ? -1 : b.length);
        if (b.length > 0) {
            ex.getResponseBody().write(b);
        }
        ex.close();
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private HealthCheck.Result check(String path, long timeoutMs) {
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + path;
        return new HealthCheck(url, Duration.ofMillis(timeoutMs)).check();
    }

    @Test
    void twoHundredWithoutJsonIsHealthy() {
        HealthCheck.Result r = check("/plain", 2000);
        assertTrue(r.healthy(), r.toString());
        assertEquals(200, r.httpStatus());
        assertEquals("HTTP 200", r.detail());
        assertTrue(check("/nostatus", 2000).healthy());
        assertTrue(check("/otherjson", 2000).healthy(), "JSON without a status field");
        assertTrue(check("/broken-json", 2000).healthy(), "a body that is not JSON is not judged");
    }

    @Test
    void jsonStatusMustBeHealthyOrOk() {
        HealthCheck.Result healthy = check("/healthy", 2000);
        assertTrue(healthy.healthy(), healthy.toString());
        assertEquals("HTTP 200, status \"healthy\"", healthy.detail());
        assertTrue(check("/ok", 2000).healthy());
        HealthCheck.Result degraded = check("/degraded", 2000);
        assertFalse(degraded.healthy());
        assertEquals("HTTP 200, status \"degraded\"", degraded.detail());
    }

    @Test
    void nonTwoHundredIsUnhealthyWhateverTheBody() {
        HealthCheck.Result r = check("/error", 2000);
        assertFalse(r.healthy());
        assertEquals(500, r.httpStatus());
        assertEquals("HTTP 500, status \"healthy\"", r.detail(), "the code decides, the body is shown");
        assertFalse(check("/redirect", 2000).healthy(), "redirects are not followed");
        assertFalse(check("/missing", 2000).healthy());
    }

    @Test
    void anAnswerAfterTheTimeoutIsUnhealthy() {
        HealthCheck.Result r = check("/slow", 300);
        assertFalse(r.healthy());
        assertEquals(0, r.httpStatus());
        assertEquals("timeout after 300 ms", r.detail());
    }

    @Test
    void nobodyListeningIsUnhealthyWithOneLine() {
        int port = StandIn.freePort();
        HealthCheck.Result r = new HealthCheck("http://127.0.0.1:" + port + "/health", Duration.ofSeconds(2)).check();
        assertFalse(r.healthy());
        assertEquals("connection refused (is the service running?)", r.detail());
    }

    @Test
    void waitingAsksAgainUntilHealthy() {
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/late";
        HealthCheck.Result r = new HealthCheck(url, Duration.ofSeconds(2)).waitHealthy(Duration.ofSeconds(10),
                Duration.ofMillis(50));
        assertTrue(r.healthy(), r.toString());
        assertEquals(3, lateCalls.get());
        HealthCheck.Result never = new HealthCheck(url.replace("/late", "/degraded"), Duration.ofSeconds(1))
                .waitHealthy(Duration.ofMillis(300), Duration.ofMillis(50));
        assertFalse(never.healthy());
        assertEquals("HTTP 200, status \"degraded\" (still, after 300 ms)", never.detail());
    }

    @Test
    void theVerdictIsTheDashboards() throws Exception {
        // one rule for rollback, checklist, guard and the dashboard: the same answer, the same verdict
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            for (String path : new String[] {"/plain", "/healthy", "/ok", "/degraded", "/nostatus", "/otherjson",
                    "/broken-json", "/error", "/redirect", "/nullstatus"}) {
                String url = "http://127.0.0.1:" + server.getAddress().getPort() + path;
                boolean dashboard = new dev.r58ctl.monitor.RecorderClient(pool, Duration.ofSeconds(2), url, null)
                        .health().get().healthy();
                assertEquals(dashboard, check(path, 2000).healthy(), path);
            }
        } finally {
            pool.shutdownNow();
        }
        HealthCheck.Result nul = check("/nullstatus", 2000);
        assertFalse(nul.healthy());
        assertEquals("HTTP 200, status null", nul.detail());
        assertTrue(check("/redirect", 2000).detail().startsWith("HTTP 302 (a redirect: set recorder.health_url"));
    }
}
