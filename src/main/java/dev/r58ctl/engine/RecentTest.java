package dev.r58ctl.engine;

import dev.r58ctl.stability.TestResult;
import java.util.Comparator;
import java.util.List;

/**
 * One stability run as the dashboard lists it: what ran, how it ended and the two figures an operator compares.
 *
 * @param id          the run id ({@code r58ctl matrix} and the run file use it)
 * @param test        encode, soak or push
 * @param encoder     the encoder element
 * @param verdict     PASS, FAIL, UNSTABLE, INTERRUPTED, RUNNING...
 * @param startedAt   ISO-8601
 * @param reason      the verdict in one line
 * @param framesPercent frames found in % of what the duration implies, or null when not counted
 * @param cpuPerStream  the pipeline's average in % of all cores, or null when not measured
 */
public record RecentTest(String id, String test, String encoder, String verdict, String startedAt, String reason,
                         Double framesPercent, Double cpuPerStream) {

    static RecentTest of(TestResult r) {
        return new RecentTest(r.id(), r.plan() == null ? "?" : r.plan().test().name().toLowerCase(java.util.Locale.ROOT),
                r.plan() == null ? "?" : r.plan().encoder(), r.verdict().name(), r.startedAt(), r.reason(),
                r.frames() == null ? null : r.frames().percent(), r.cpu() == null ? null : r.cpu().perStream());
    }

    /** The newest {@code n} runs, newest first. */
    static List<RecentTest> newest(List<TestResult> runs, int n) {
        return runs.stream().sorted(Comparator.comparing(TestResult::startedAt).thenComparing(TestResult::id).reversed())
                .limit(n).map(RecentTest::of).toList();
    }
}
