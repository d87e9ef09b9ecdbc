package dev.r58ctl.monitor;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Asks MediaMTX's control API for its paths and derives each path's inbound bitrate from the byte counter of two
 * successive answers. A call returns at once; its future always completes within the timeout with a result, never
 * exceptionally. A bitrate is only ever a measured one: null when there is no earlier sample to measure against.
 *
 * <p>Field names are those of MediaMTX's {@code APIPath}: the current {@code available}/{@code availableTime},
 * {@code tracks2} ({@code [{"codec": "H264", "codecProps": {...}}]}) and {@code inboundBytes} are read first, then
 * the v1.x names they replace ({@code ready}/{@code readyTime}, {@code tracks} as strings, {@code bytesReceived}),
 * so both a current server and the v1.x one on older images work.
 */
public final class MediamtxClient {
    /** The paths list under the API address; MediaMTX pages it by 100, far above a recorder's camera count. */
    public static final String PATHS_LIST = "/v3/paths/list";

    private final HttpGet http;
    private final String url;
    private final Map<String, Sample> samples = new HashMap<>();

    /** The previous byte counter of one path, when it was read, and from which publisher. */
    private record Sample(long bytes, long nanos, String sourceId) {
    }

    public MediamtxClient(Executor executor, Duration timeout, String apiUrl) {
        this.http = new HttpGet(executor, timeout);
        this.url = apiUrl.replaceAll("/+$", "") + PATHS_LIST;
    }

    public String url() {
        return url;
    }

    /** {@code GET {api_url}/v3/paths/list}. */
    public CompletableFuture<MediamtxStatus> paths() {
        return http.get(url).thenApply(a -> HttpGet.guarded(() -> read(a),
                e -> new MediamtxStatus(url, true, false, a.statusCode(), a.latencyMs(), List.of(), e)));
    }

    /** Reads one answer and moves the bitrate samples on; synchronized because answers may complete on any thread. */
    synchronized MediamtxStatus read(HttpGet.Answer a) {
        if (!a.reached()) {
            // keep the samples: the next answer's rate is then an average over the gap, still a measured one
            return MediamtxStatus.unreachable(url, a.latencyMs(), a.failure());
        }
        JsonNode body = null;
        String reason = null;
        try {
            body = HttpGet.json(a.body());
        } catch (HttpGet.NotJson e) {
            reason = "not JSON: " + e.getMessage();
        }
        if (!a.success()) {
            String error = body != null && body.isObject() ? HttpGet.text(body.get("error")) : null;
            reason = "HTTP " + a.statusCode() + (error == null ? "" : ": " + HttpGet.oneLine(error));
        } else if (reason == null && !(body.isObject() && body.path("items").isArray())) {
            reason = "no \"items\" list in the answer";
        }
        if (reason != null) {
            return new MediamtxStatus(url, true, false, a.statusCode(), a.latencyMs(), List.of(), reason);
        }
        List<PathStatus> paths = new ArrayList<>();
        Map<String, Sample> next = new HashMap<>();
        for (JsonNode item : body.get("items")) {
            if (item.isObject()) {
                paths.add(path(item, a.receivedNanos(), next));
            }
        }
        // paths that went away are forgotten: if one comes back, its counter starts again and needs a new sample
        samples.clear();
        samples.putAll(next);
        return new MediamtxStatus(url, true, true, a.statusCode(), a.latencyMs(), List.copyOf(paths), null);
    }

    private PathStatus path(JsonNode item, long nanos, Map<String, Sample> next) {
        String name = Objects.requireNonNullElse(HttpGet.text(item.get("name")), "");
        boolean ready = (item.has("available") ? item.get("available") : item.path("ready")).asBoolean(false);
        String readyTime = HttpGet.text(item.has("availableTime") ? item.get("availableTime") : item.get("readyTime"));
        JsonNode source = item.path("source");
        String sourceType = HttpGet.text(source.get("type"));
        String sourceId = HttpGet.text(source.get("id"));
        JsonNode counter = item.has("inboundBytes") ? item.get("inboundBytes") : item.get("bytesReceived");
        Long bytes = counter != null && counter.canConvertToLong() ? counter.asLong() : null;
        int readers = item.path("readers").isArray() ? item.get("readers").size() : 0;

        Double kbps = null;
        Long intervalMs = null;
        if (bytes != null) {
            Sample before = samples.get(name);
            long elapsed = before == null ? 0 : nanos - before.nanos();
            // a counter that went back, or a new publisher, restarted from zero: no rate from that pair
            if (before != null && bytes >= before.bytes() && Objects.equals(sourceId, before.sourceId())
                    && elapsed >= 1_000_000) {
                kbps = Math.round((bytes - before.bytes()) * 8.0 / 1000.0 / (elapsed / 1e9) * 10.0) / 10.0;
                intervalMs = elapsed / 1_000_000;
            }
            next.put(name, new Sample(bytes, nanos, sourceId));
        }
        return new PathStatus(name, ready, readyTime, sourceType, codecs(item), bytes, readers, kbps, intervalMs);
    }

    /**
     * The codec of each track. {@code tracks2} holds objects with a {@code codec}; {@code tracks} holds strings in
     * v1.x and objects in older servers, so an object gives its first of {@code codec}, {@code type}, {@code format}
     * or {@code name}.
     */
    static List<String> codecs(JsonNode item) {
        JsonNode tracks = item.path("tracks2").isArray() ? item.get("tracks2") : item.path("tracks");
        List<String> out = new ArrayList<>();
        for (JsonNode t : tracks) {
            String codec = t.isObject() ? firstText(t, "codec", "type", "format", "name") : HttpGet.text(t);
            if (codec != null) {
                out.add(codec);
            }
        }
        return List.copyOf(out);
    }

    private static String firstText(JsonNode object, String... keys) {
        for (String k : keys) {
            String v = HttpGet.text(object.get(k));
            if (v != null) {
                return v;
            }
        }
        return null;
    }
}
