package dev.r58ctl.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end: a real Prometheus scrapes a real MetricsServer every second and answers queries on what it stored,
 * with r58ctl's alert rules loaded; the Grafana dashboard's every query is parsed by it. The test's Prometheus listens
 * on a free loopback port, never on 9090.
 */
class PrometheusScrapeTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration BOUND = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void prometheusScrapesTheBoardAndFindsItsBuildAndItsCameras() throws Exception {
        long t0 = System.nanoTime();
        MetricsState state = MetricsFixtures.fed(MetricsFixtures.config(dir.resolve("board")));
        try (MetricsServer server = MetricsServer.start(MetricsServerTest.on(0), state)) {
            int port = freePort();
            Path config = dir.resolve("prometheus.yml");
            Files.writeString(config, "global: {scrape_interval: 1s, evaluation_interval: 1s}\n"
                    + "rule_files: ['" + PrometheusTools.ROOT.resolve("docs/prometheus/r58ctl.rules.yml") + "']\n"
                    + "scrape_configs:\n  - job_name: r58ctl\n    static_configs:\n"
                    + "      - targets: ['127.0.0.1:" + server.port() + "']\n");
            Path log = dir.resolve("prometheus.log");
            Process prometheus = new ProcessBuilder(PrometheusTools.prometheus().toString(),
                    "--config.file=" + config, "--storage.tsdb.path=" + dir.resolve("data"),
                    "--web.listen-address=127.0.0.1:" + port)
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            try {
                String api = "http://127.0.0.1:" + port + "/api/v1/";
                JsonNode build = awaitSeries(api, "r58ctl_build_info", prometheus, log);
                assertEquals("r58ctl", build.get(0).get("metric").get("job").asText());
                JsonNode fps = awaitSeries(api, "r58ctl_camera_fps{camera=\"cam0\"}", prometheus, log);
                assertEquals("29.97", fps.get(0).get("value").get(1).asText());
                System.out.printf("Prometheus had r58ctl_build_info and a camera's fps %.1f s after the test began%n",
                        (System.nanoTime() - t0) / 1e9);

                JsonNode groups = get(api + "rules").get("data").get("groups");
                assertEquals(9, groups.get(0).get("rules").size(), "r58ctl's alert rules loaded: " + groups);
                for (JsonNode rule : groups.get(0).get("rules")) {
                    assertEquals("ok", rule.get("health").asText(), rule.toString());
                }
                for (String expr : GrafanaDashboardTest.expressions()) {
                    String q = expr.replace("$instance", ".*");
                    JsonNode answer = get(api + "query?query=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
                    assertEquals("success", answer.get("status").asText(), "the dashboard's " + expr + ": " + answer);
                }
            } finally {
                prometheus.destroy();
                if (!prometheus.waitFor(30, TimeUnit.SECONDS)) {
                    prometheus.destroyForcibly().waitFor();
                }
            }
        }
    }

    private JsonNode awaitSeries(String api, String query, Process prometheus, Path log) throws Exception {
        String url = api + "query?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8);
        long end = System.nanoTime() + BOUND.toNanos();
        String last = "no answer yet";
        while (System.nanoTime() < end) {
            if (!prometheus.isAlive()) {
                fail("prometheus exited with " + prometheus.exitValue() + ":\n" + tail(log));
            }
            try {
                JsonNode answer = get(url);
                JsonNode result = answer.path("data").path("result");
                if (result.size() > 0) {
                    return result;
                }
                last = answer.toString();
            } catch (IOException e) {
                last = e.toString(); // not listening yet
            }
            Thread.sleep(200);
        }
        return fail("Prometheus had no " + query + " within " + BOUND.toSeconds() + " s (last answer: " + last
                + "); its log ends:\n" + tail(log));
    }

    private JsonNode get(String url) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(r.body());
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.exists(log) ? Files.readAllLines(log) : List.of("(no log)");
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    }

    /** A loopback port free a moment ago (bound to port 0, then closed), never Prometheus's usual 9090. */
    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertTrue(s.getLocalPort() > 0);
            return s.getLocalPort();
        }
    }
}
