package dev.r58ctl.host;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

/**
 * Asks the recorder's health URL. Healthy means an HTTP 2xx answer within the timeout and, when the body is a
 * JSON object with a {@code status} field, a status of {@code healthy} or {@code ok}; anything else is unhealthy
 * with one line saying why. It never throws for an unhealthy service.
 */
public final class HealthCheck {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One answer.
     *
     * @param healthy    the verdict
     * @param httpStatus the HTTP status, 0 when there was no answer
     * @param detail     one line: what was answered, or why there was no answer
     * @param elapsedMs  how long it took (for a wait: until the verdict)
     */
    public record Result(String url, boolean healthy, int httpStatus, String detail, long elapsedMs) {
    }

    private final URI url;
    private final Duration timeout;
    private final HttpClient client;

    public HealthCheck(String url, Duration timeout) {
        this.url = URI.create(url);
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public String url() {
        return url.toString();
    }

    /** One request, answered within the timeout or counted as unhealthy. */
    public Result check() {
        long t0 = System.nanoTime();
        try {
            HttpRequest request = HttpRequest.newBuilder(url).timeout(timeout).GET().build();
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            long ms = (System.nanoTime() - t0) / 1_000_000;
            int code = response.statusCode();
            if (code < 200 || code > 299) {
                return new Result(url.toString(), false, code, "HTTP " + code, ms);
            }
            String status = jsonStatus(response.body());
            if (status == null) {
                return new Result(url.toString(), true, code, "HTTP " + code, ms);
            }
            boolean ok = status.equalsIgnoreCase("healthy") || status.equalsIgnoreCase("ok");
            return new Result(url.toString(), ok, code, "HTTP " + code + ", status \"" + status + "\"", ms);
        } catch (HttpTimeoutException e) {
            return failed(t0, "no answer within " + timeout.toMillis() + " ms");
        } catch (ConnectException e) {
            return failed(t0, "connection refused (is the service running?)");
        } catch (IOException e) {
            return failed(t0, e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed(t0, "interrupted");
        }
    }

    /** Asks every {@code interval} until healthy or until {@code within} has passed; the last answer counts. */
    public Result waitHealthy(Duration within, Duration interval) {
        long t0 = System.nanoTime();
        long deadline = t0 + within.toNanos();
        while (true) {
            Result r = check();
            long now = System.nanoTime();
            if (r.healthy() || now + interval.toNanos() > deadline) {
                String detail = r.healthy() ? r.detail() : r.detail() + " (still, after " + within.toMillis() + " ms)";
                return new Result(r.url(), r.healthy(), r.httpStatus(), detail, (now - t0) / 1_000_000);
            }
            try {
                Thread.sleep(interval.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return r;
            }
        }
    }

    private Result failed(long t0, String detail) {
        return new Result(url.toString(), false, 0, detail, (System.nanoTime() - t0) / 1_000_000);
    }

    /** The {@code status} field of a JSON object body; null when the body is not one or has none. */
    static String jsonStatus(String body) {
        String b = body.strip();
        if (!b.startsWith("{")) {
            return null;
        }
        try {
            JsonNode status = JSON.readTree(b).get("status");
            return status == null || status.isNull() ? null : status.asText();
        } catch (IOException e) {
            return null;
        }
    }
}
