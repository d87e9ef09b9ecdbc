package dev.r58ctl.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.r58ctl.R58Exception;
import dev.r58ctl.config.Config;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The metrics endpoint over real HTTP on loopback. */
class MetricsServerTest {
    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    static Config.AgentSettings on(int port) {
        return new Config.AgentSettings(Duration.ofSeconds(1), Duration.ofHours(48), "127.0.0.1", port,
                Path.of("/nonexistent/agent.sock"));
    }

    private HttpResponse<String> send(String method, int port, String path) throws Exception {
        HttpRequest r = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(30)).build();
        return http.send(r, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void servesMetricsAPageAndNotFoundElsewhereOnOneDaemonThread() throws Exception {
        MetricsState state = MetricsFixtures.fed(MetricsFixtures.config(dir));
        try (MetricsServer server = MetricsServer.start(on(0), state)) {
            int port = server.port();
            assertTrue(port > 0);
            HttpResponse<String> metrics = send("GET", port, "/metrics");
            assertEquals(200, metrics.statusCode());
            assertEquals("text/plain; version=0.0.4; charset=utf-8", metrics.headers().firstValue("Content-Type").orElse(""));
            assertTrue(metrics.body().startsWith("# HELP r58ctl_build_info "), metrics.body());
            assertTrue(metrics.body().contains("\nr58ctl_camera_fps{camera=\"cam0\",encoder=\"mpph264enc\"} 29.97\n"));

            HttpResponse<String> head = send("HEAD", port, "/metrics");
            assertEquals(200, head.statusCode());
            assertEquals("", head.body());
            assertEquals("text/plain; version=0.0.4; charset=utf-8", head.headers().firstValue("Content-Type").orElse(""));

            HttpResponse<String> page = send("GET", port, "/");
            assertEquals(200, page.statusCode());
            assertTrue(page.body().contains("<a href=\"/metrics\">"), page.body());

            assertEquals(404, send("GET", port, "/metrics/extra").statusCode());
            assertEquals(404, send("GET", port, "/favicon.ico").statusCode());
            assertEquals(404, send("HEAD", port, "/nope").statusCode());
            HttpResponse<String> post = send("POST", port, "/metrics");
            assertEquals(405, post.statusCode());
            assertEquals("GET, HEAD", post.headers().firstValue("Allow").orElse(""));

            long ours = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.getThreadGroup() != null && "r58ctl-metrics".equals(t.getThreadGroup().getName()))
                    .peek(t -> assertTrue(t.isDaemon(), t.getName() + " is not a daemon"))
                    .filter(t -> t.getName().contains("Dispatcher")).count();
            assertEquals(1, ours, "one dispatcher thread answers every request");
        }
    }

    @Test
    void aPortInUseIsOneLineNamingTheAddress() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            R58Exception e = assertThrows(R58Exception.class,
                    () -> MetricsServer.start(on(port), new MetricsState(MetricsFixtures.config(dir))));
            assertEquals("cannot serve metrics on 127.0.0.1:" + port + ": address already in use", e.getMessage());
            assertEquals(R58Exception.FAILED, e.exitCode());
        }
    }

    @Test
    void closeFreesThePortAndEndsTheThreads() throws Exception {
        MetricsServer server = MetricsServer.start(on(0), new MetricsState(MetricsFixtures.config(dir)));
        int port = server.port();
        assertEquals(200, send("GET", port, "/metrics").statusCode());
        server.close();
        assertEquals(0, server.liveThreads(), "close() joins the server's threads");
        assertThrows(ConnectException.class, () -> send("GET", port, "/metrics"));
        try (ServerSocket again = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            assertEquals(port, again.getLocalPort());
        } catch (IOException e) {
            throw new AssertionError("port " + port + " still taken after close(): " + e.getMessage(), e);
        }
    }
}
