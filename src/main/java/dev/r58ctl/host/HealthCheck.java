package dev.r58ctl.host;

import dev.r58ctl.monitor.HealthStatus;
import dev.r58ctl.monitor.RecorderClient;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Asks the recorder's health URL and waits for the verdict, for rollback, the checklist, the boot guard and
 * {@code r58ctl health}. The rule is the dashboard's ({@link RecorderClient#health()}): an HTTP 2xx answer within the
 * timeout, redirects not followed, and, when the body is a JSON object with a {@code status} field, a status of
 * {@code healthy} or {@code ok}; anything else is unhealthy with one line saying why. It never throws for an
 * unhealthy service.
 */
public final class HealthCheck {
    /** Requests run here: daemon threads, so a check never holds the process open. */
    private static final ExecutorService REQUESTS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "r58ctl-health");
        t.setDaemon(true);
        return t;
    });

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

    private final String url;
    private final RecorderClient client;

    public HealthCheck(String url, Duration timeout) {
        this.url = url;
        this.client = new RecorderClient(REQUESTS, timeout, url, null);
    }

    public String url() {
        return url;
    }

    /** One request, answered within the timeout or counted as unhealthy. */
    public Result check() {
        HealthStatus h = client.health().join();
        return new Result(url, h.healthy(), h.statusCode() == null ? 0 : h.statusCode(), detail(h), h.latencyMs());
    }

    /** What the operator reads: the HTTP status and the body's status field, or why nothing answered. */
    static String detail(HealthStatus h) {
        if (!h.reachable()) {
            return "connection refused".equals(h.reason()) ? "connection refused (is the service running?)" : h.reason();
        }
        StringBuilder b = new StringBuilder("HTTP ").append(h.statusCode());
        if (h.fields().containsKey("status")) {
            b.append(", status ").append(h.status() == null ? "null" : "\"" + h.status() + "\"");
        }
        if (h.statusCode() / 100 == 3) {
            b.append(" (a redirect: set recorder.health_url to the URL that answers)");
        }
        return b.toString();
    }

    /** Asks every {@code interval} until healthy or until {@code within} has passed; the last answer counts. */
    public Result waitHealthy(Duration within, Duration interval) {
        return waitHealthy(within, interval, () -> false);
    }

    /**
     * As {@link #waitHealthy(Duration, Duration)}, but gives up as soon as {@code stop} says so (a step cancelled by
     * a signal must record itself within the stop's bound, not after the whole health timeout).
     */
    public Result waitHealthy(Duration within, Duration interval, java.util.function.BooleanSupplier stop) {
        long t0 = System.nanoTime();
        long deadline = t0 + within.toNanos();
        while (true) {
            Result r = check();
            long now = System.nanoTime();
            if (r.healthy() || now + interval.toNanos() > deadline || stop.getAsBoolean()) {
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
}
