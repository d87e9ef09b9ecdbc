package dev.r58ctl.monitor;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Asks the recorder service (FastAPI) for its health and its per-camera status. Every call returns at once; its
 * future always completes, within the timeout, with a result that says whether the recorder answered and why it
 * is not ok; it never completes exceptionally.
 */
public final class RecorderClient {
    private static final Set<String> HEALTHY = Set.of("healthy", "ok");

    private final HttpGet http;
    private final HttpGet healthHttp;
    private final String healthUrl;
    private final String statusUrl;

    public RecorderClient(Executor executor, Duration timeout, String healthUrl, String statusUrl) {
        this.http = new HttpGet(executor, timeout);
        this.healthHttp = new HttpGet(executor, timeout, false);
        this.healthUrl = healthUrl;
        this.statusUrl = statusUrl;
    }

    public String healthUrl() {
        return healthUrl;
    }

    public String statusUrl() {
        return statusUrl;
    }

    /**
     * {@code GET health_url}, redirects not followed: the one health rule of r58ctl (dashboard, status, rollback,
     * checklist and the boot guard all judge the same answer the same way).
     */
    public CompletableFuture<HealthStatus> health() {
        return healthHttp.get(healthUrl).thenApply(a -> HttpGet.guarded(() -> health(healthUrl, a),
                e -> new HealthStatus(healthUrl, true, false, a.statusCode(), a.latencyMs(), null, Map.of(), e)));
    }

    /** {@code GET status_url}. */
    public CompletableFuture<RecorderStatus> status() {
        return http.get(statusUrl).thenApply(a -> HttpGet.guarded(() -> status(statusUrl, a),
                e -> new RecorderStatus(statusUrl, true, false, a.statusCode(), a.latencyMs(), Map.of(), e)));
    }

    static HealthStatus health(String url, HttpGet.Answer a) {
        if (!a.reached()) {
            return HealthStatus.unreachable(url, a.latencyMs(), a.failure());
        }
        JsonNode body;
        try {
            body = HttpGet.json(a.body());
        } catch (HttpGet.NotJson e) {
            body = null; // a plain "OK" is still healthy by the 2xx rule
        }
        boolean object = body != null && body.isObject();
        Map<String, Object> fields = object ? Collections.unmodifiableMap(HttpGet.fields(body)) : Map.of();
        boolean hasStatus = object && body.has("status");
        String status = hasStatus ? HttpGet.text(body.get("status")) : null;
        String shown = status == null ? "null" : "\"" + status + "\"";
        String reason = null;
        if (a.statusCode() / 100 != 2) {
            reason = "HTTP " + a.statusCode() + (hasStatus ? ", body status " + shown : "") + detail(body);
        } else if (hasStatus && (status == null || !HEALTHY.contains(status.strip().toLowerCase(Locale.ROOT)))) {
            reason = "body status " + shown;
        }
        return new HealthStatus(url, true, reason == null, a.statusCode(), a.latencyMs(), status, fields, reason);
    }

    static RecorderStatus status(String url, HttpGet.Answer a) {
        if (!a.reached()) {
            return RecorderStatus.unreachable(url, a.latencyMs(), a.failure());
        }
        JsonNode body = null;
        String reason = null;
        try {
            body = HttpGet.json(a.body());
        } catch (HttpGet.NotJson e) {
            reason = "not JSON: " + e.getMessage();
        }
        if (!a.success()) {
            reason = "HTTP " + a.statusCode() + detail(body);
        }
        if (reason != null) {
            return new RecorderStatus(url, true, false, a.statusCode(), a.latencyMs(), Map.of(), reason);
        }
        JsonNode cameras = body.isObject() ? body.get("cameras") : null;
        if (cameras == null || cameras.isNull()) {
            reason = "no \"cameras\" in the answer";
        } else if (!cameras.isObject()) {
            reason = "\"cameras\" is not an object";
        }
        if (reason != null) {
            return new RecorderStatus(url, true, false, a.statusCode(), a.latencyMs(), Map.of(), reason);
        }
        Map<String, CameraStatus> out = new LinkedHashMap<>();
        cameras.properties().forEach(e -> out.put(e.getKey(), camera(e.getKey(), e.getValue())));
        return new RecorderStatus(url, true, true, a.statusCode(), a.latencyMs(), Collections.unmodifiableMap(out),
                null);
    }

    private static CameraStatus camera(String id, JsonNode node) {
        if (!node.isObject()) {
            // tolerate {"cam1": "recording"}: the value is the status
            return new CameraStatus(id, HttpGet.text(node), Map.of());
        }
        Map<String, Object> extra = HttpGet.fields(node);
        extra.remove("status");
        return new CameraStatus(id, HttpGet.text(node.get("status")), Collections.unmodifiableMap(extra));
    }

    /** FastAPI puts an error's explanation in {@code detail}; worth the few words on the operator's line. */
    private static String detail(JsonNode body) {
        String d = body != null && body.isObject() ? HttpGet.text(body.get("detail")) : null;
        return d == null ? "" : ": " + HttpGet.oneLine(d);
    }
}
