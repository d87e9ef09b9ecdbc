package dev.r58ctl.monitor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.MalformedURLException;
import java.net.Proxy;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URL;
import java.net.UnknownHostException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One asynchronous GET whose whole exchange, body included, is bounded by the timeout. Every failure becomes an
 * {@link Answer} with a one-line reason: the returned future never completes exceptionally.
 *
 * <p>Plain {@link HttpURLConnection} on the caller's executor, HTTP/1.1, no proxy, redirects followed: the recorder and
 * MediaMTX speak plain HTTP on the board, and java.net.http's client set up TLS and its selector thread on every
 * start (measured: 300-550 ms of a status command's start-up and ~600 classes, against 45-110 ms).
 */
final class HttpGet {
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

    private final Executor executor;
    private final Duration timeout;
    private final boolean followRedirects;

    HttpGet(Executor executor, Duration timeout) {
        this(executor, timeout, true);
    }

    /** With {@code followRedirects} false a 3xx is the answer (a health URL must answer for itself). */
    HttpGet(Executor executor, Duration timeout, boolean followRedirects) {
        this.executor = executor;
        this.timeout = timeout;
        this.followRedirects = followRedirects;
    }

    Duration timeout() {
        return timeout;
    }

    CompletableFuture<Answer> get(String url) {
        long start = System.nanoTime();
        URL target;
        try {
            URI uri = URI.create(url);
            // the messages java.net.http gave for the same mistakes
            if (uri.getScheme() == null) {
                throw new IllegalArgumentException("URI with undefined scheme");
            }
            if (!uri.getScheme().equalsIgnoreCase("http") && !uri.getScheme().equalsIgnoreCase("https")) {
                throw new IllegalArgumentException("invalid URI scheme " + uri.getScheme());
            }
            if (uri.getHost() == null) {
                throw new IllegalArgumentException("unsupported URI " + url);
            }
            target = uri.toURL();
        } catch (IllegalArgumentException | MalformedURLException e) {
            return CompletableFuture.completedFuture(failed(start, "bad URL " + url + ": " + oneLine(e.getMessage())));
        }
        Exchange exchange = new Exchange(target);
        CompletableFuture<Answer> answer;
        try {
            answer = CompletableFuture.supplyAsync(() -> exchange.run(start), executor);
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(failed(start, reason(e)));
        }
        // Connect and read timeouts bound each step; a body that trickles in must not hold a round open, so the whole
        // exchange gets the same bound, and a late one is disconnected, which frees its thread.
        return answer.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS).handle((a, error) -> {
            if (error != null) {
                exchange.abort();
                return failed(start, reason(error));
            }
            return a;
        });
    }

    /** One request on one connection. */
    private final class Exchange {
        private final URL url;
        private volatile HttpURLConnection connection;
        private volatile boolean aborted;

        Exchange(URL url) {
            this.url = url;
        }

        Answer run(long start) {
            try {
                HttpURLConnection c = (HttpURLConnection) url.openConnection(Proxy.NO_PROXY);
                connection = c;
                if (aborted) {
                    throw new CancellationException();
                }
                int ms = (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis()));
                c.setConnectTimeout(ms);
                c.setReadTimeout(ms);
                c.setInstanceFollowRedirects(followRedirects);
                c.setUseCaches(false);
                c.setRequestProperty("Accept", "application/json");
                try {
                    c.connect();
                } catch (SocketTimeoutException e) {
                    throw new ConnectTimeout();
                }
                int code = c.getResponseCode();
                if (code < 0) {
                    throw new IOException("not an HTTP response");
                }
                String body;
                try (InputStream in = code >= 400 ? c.getErrorStream() : c.getInputStream()) {
                    body = in == null ? "" : new String(in.readAllBytes(), charset(c.getContentType()));
                }
                long now = System.nanoTime();
                return new Answer(code, body, (now - start) / 1_000_000, now, null);
            } catch (IOException e) {
                throw new CompletionException(e);
            }
        }

        void abort() {
            aborted = true;
            HttpURLConnection c = connection;
            if (c != null) {
                c.disconnect();
            }
        }
    }

    /** The body's charset from its Content-Type, UTF-8 when none or unknown (as java.net.http's ofString). */
    static Charset charset(String contentType) {
        if (contentType != null) {
            for (String part : contentType.split(";")) {
                String p = part.trim();
                if (p.regionMatches(true, 0, "charset=", 0, 8)) {
                    try {
                        return Charset.forName(p.substring(8).replace("\"", "").trim());
                    } catch (RuntimeException unknown) {
                        return StandardCharsets.UTF_8;
                    }
                }
            }
        }
        return StandardCharsets.UTF_8;
    }

    /** A connect that did not complete within the timeout. */
    private static final class ConnectTimeout extends IOException {
        ConnectTimeout() {
            super("connect timed out", null);
        }
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
        if (e instanceof ConnectTimeout) {
            return "timeout after " + ms + " ms (connecting)";
        }
        if (e instanceof SocketTimeoutException || e instanceof TimeoutException) {
            return "timeout after " + ms + " ms";
        }
        if (e instanceof UnknownHostException || e.getCause() instanceof UnknownHostException) {
            return "unknown host" + (e.getMessage() == null ? "" : " " + oneLine(e.getMessage()));
        }
        if (e instanceof ConnectException) {
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
            return dev.r58ctl.Json.mapper().readTree(body);
        } catch (JsonProcessingException e) {
            throw new NotJson(oneLine(e.getOriginalMessage()));
        }
    }

    /** A JSON object's fields as a map, JSON nulls kept (the recorder's {@code gstreamer_error: null} means "none"). */
    @SuppressWarnings("unchecked")
    static Map<String, Object> fields(JsonNode object) {
        return dev.r58ctl.Json.mapper().convertValue(object, LinkedHashMap.class);
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
