package dev.r58ctl.monitor;

import java.util.Map;

/**
 * The recorder's answer to {@code GET health_url}. Healthy means a 2xx within the timeout and, when the body is a
 * JSON object with a {@code status} field, a status of {@code healthy} or {@code ok}; a body that is not JSON does
 * not make a 2xx unhealthy.
 *
 * @param url        the URL asked
 * @param reachable  a response came back within the timeout
 * @param healthy    the rule above holds
 * @param statusCode the HTTP status, or null when unreachable
 * @param latencyMs  from sending to the answer, or to the failure
 * @param status     the body's {@code status} field, or null when absent or the body is not a JSON object
 * @param fields     every field of a JSON object body (JSON nulls kept), empty otherwise
 * @param reason     why not healthy, one line ({@code connection refused}, {@code timeout after 2000 ms},
 *                   {@code HTTP 503}, {@code body status "degraded"}); null when healthy
 */
public record HealthStatus(String url, boolean reachable, boolean healthy, Integer statusCode, long latencyMs,
                           String status, Map<String, Object> fields, String reason) implements SourceAnswer {

    /** What a source reports before its first answer or when it gave none. */
    public static HealthStatus unreachable(String url, long latencyMs, String reason) {
        return new HealthStatus(url, false, false, null, latencyMs, null, Map.of(), reason);
    }

    @Override
    public boolean ok() {
        return healthy;
    }
}
