package dev.r58ctl.monitor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One asynchronous GET whose whole exchange, body included, is bounded by the timeout. Every failure becomes an
 * {@link Answer} with a one-line reason: the returned future never completes exceptionally.
 */
final class HttpGet {
    static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int MAX_REASON = 160;

    /**
     * What came back: a status code and body, or the reason nothing did.
     *
     * @param statusCode    the HTTP status, or null when there was no response
     * @param body          the body, or null when there was no response
     * @param latencyMs     from sending to the answer (or to the failure)
     * @param receivedNanos {@link System#nanoTime()} when the answer arrived, for rates between polls
     * @param failure       why there was no response, or null when there was one
     */
    record Answer(Integer statusCode, String body, long latencyMs, long receivedNanos, String failure) {
        boolean reached() {
            return failure == null;
        }

        boolean success() {
            return reached() && statusCode / 100 == 2;
        }
    }

    private final HttpClient client;
    private final Duration timeout;

    HttpGet(HttpClient client, Duration timeout) {
        this.client = client;
        this.timeout = timeout;
    }

    Duration timeout() {
        return timeout;
    }

    CompletableFuture<Answer> get(String url) {
        long start = System.nanoTime();
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                    .header("Accept", "application/json").GET().build();
        } catch (IllegalArgumentException e) {
            return CompletableFuture.completedFuture(failed(start, "bad URL " + url + ": " + oneLine(e.getMessage())));
        }
        CompletableFuture<HttpResponse<String>> exchange;
        try {
            exchange = client.sendAsync(request, HttpResponse.BodyHandlers.ofString());
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(failed(start, reason(e)));
        }
        // The request timeout ends when the headers arrive; a body that trickles in must not hold a round open,
        // so the whole exchange gets the same bound. On a copy, so that the original can be cancelled, which
        // makes HttpClient drop the connection instead of reading on.
        return exchange.copy().orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS).handle((response, error) -> {
            if (error != null) {
                exchange.cancel(true);
                return failed(start, reason(error));
            }
            long now = System.nanoTime();
            return new Answer(response.statusCode(), response.body(), (now - start) / 1_000_000, now, null);
        });
    }

    private static Answer failed(long start, String reason) {
        long now = System.nanoTime();
        return new Answer(null, null, (now - start) / 1_000_000, now, reason);
    }

    /** The operator's one-line reason for an exchange that got no response. */
    String reason(Throwable error) {
        Throwable e = error;
        while ((e instanceof CompletionException || e instanceof ExecutionException) && e.getCause() != null) {
            e = e.getCause();
        }
        long ms = timeout.toMillis();
        if (e instanceof HttpConnectTimeoutException) {
            return "timeout after " + ms + " ms (connecting)";
        }
        if (e instanceof HttpTimeoutException || e instanceof TimeoutException) {
            return "timeout after " + ms + " ms";
        }
        if (e instanceof UnknownHostException || e.getCause() instanceof UnknownHostException) {
            return "unknown host" + (e.getMessage() == null ? "" : " " + oneLine(e.getMessage()));
        }
        if (e instanceof ConnectException) {
            // HttpClient's ConnectException often has no message; the refusal is in its cause
            String m = e.getMessage() != null ? e.getMessage()
                    : e.getCause() != null && e.getCause().getMessage() != null ? e.getCause().getMessage() : "";
            return m.isEmpty() || m.toLowerCase().contains("refused") ? "connection refused" : "cannot connect: " + oneLine(m);
        }
        if (e instanceof CancellationException) {
            return "cancelled";
        }
        if (e instanceof IOException && e.getMessage() != null) {
            return oneLine(e.getMessage());
        }
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + oneLine(e.getMessage()));
    }

    /** The body as JSON; a body that is not JSON is an exception whose message fits one line. */
    static JsonNode json(String body) throws NotJson {
        if (body == null || body.isBlank()) {
            throw new NotJson("empty body");
        }
        try {
            return MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw new NotJson(oneLine(e.getOriginalMessage()));
        }
    }

    /** A JSON object's fields as a map, JSON nulls kept (the recorder's {@code gstreamer_error: null} means "none"). */
    @SuppressWarnings("unchecked")
    static Map<String, Object> fields(JsonNode object) {
        return MAPPER.convertValue(object, LinkedHashMap.class);
    }

    /** A text value, or null for a missing or JSON-null node; numbers and booleans as their text. */
    static String text(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode() || node.isContainerNode() ? null : node.asText();
    }

    static String oneLine(String s) {
        if (s == null) {
            return "";
        }
        String line = s.strip().replaceAll("\\s*\\R\\s*", " ");
        return line.length() <= MAX_REASON ? line : line.substring(0, MAX_REASON - 3) + "...";
    }

    /** A parsing bug must not leave the poller without a result: it becomes the reason instead. */
    static <T> T guarded(Supplier<T> parse, Function<String, T> onError) {
        try {
            return parse.get();
        } catch (RuntimeException e) {
            return onError.apply("cannot read the answer: " + e.getClass().getSimpleName() + " "
                    + oneLine(e.getMessage()));
        }
    }

    /** A body that could not be read as JSON. */
    static final class NotJson extends Exception {
        NotJson(String message) {
            super(message, null, false, false);
        }
    }
}
