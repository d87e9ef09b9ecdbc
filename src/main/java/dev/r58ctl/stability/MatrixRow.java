package dev.r58ctl.stability;

import java.util.List;
import java.util.Map;

/**
 * One encoder with its settings in the stability matrix.
 *
 * @param key      the normalised encoder and settings
 * @param encoder  the encoder element
 * @param settings its settings, or null when they were not recorded
 * @param status   where it stands
 * @param why      the reason, in one line
 * @param tests    the latest run of each test, by test name (encode, soak, push); absent when not run
 * @param evidence kernel lines (or the configured note) behind an UNSTABLE status
 * @param known    the configured evidence for this row, or null
 * @param capacity cameras that fit under the ceiling, or null when no CPU figure is known
 */
public record MatrixRow(String key, String encoder, Map<String, Object> settings, MatrixStatus status, String why,
                        Map<String, TestSummary> tests, List<String> evidence, String known, Capacity capacity) {

    /**
     * The latest run of one test.
     *
     * @param id      run id
     * @param verdict how it ended
     * @param date    when it started (ISO-8601)
     * @param reason  its verdict in one line
     */
    public record TestSummary(String id, Verdict verdict, String date, String reason) {
        static TestSummary of(TestResult r) {
            return new TestSummary(r.id(), r.verdict(), r.startedAt(), r.reason());
        }
    }
}
