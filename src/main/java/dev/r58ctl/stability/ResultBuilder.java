package dev.r58ctl.stability;

import java.time.Instant;
import java.util.List;

/** The parts of a stability run's result as they become known, and the result built from them. */
final class ResultBuilder {
    final String id;
    final String startedAt;
    final TestPlan plan;
    final RunProcess process;
    KernelEvidence kernel;
    FrameCounts frames;

    ResultBuilder(String id, String startedAt, TestPlan plan, RunProcess process) {
        this.id = id;
        this.startedAt = startedAt;
        this.plan = plan;
        this.process = process;
    }

    TestResult notRun(String why, long begun) {
        return new TestResult(id, startedAt, Instant.now().toString(), Verdict.NOT_RUN, why, plan,
                List.of(Criterion.failed("elements", why)), 0, (System.nanoTime() - begun) / 1_000_000, null, null,
                List.of(), null, List.of(), process, null);
    }

    /** A verdict of null is derived: FAIL when a check failed, else PASS. */
    TestResult result(Verdict v, String reason, List<Criterion> checks, long ranMs, long begun, String endedAt,
                      List<String> busErrors, CpuMeter meter) {
        Criterion failed = checks.stream().filter(c -> !c.ok()).findFirst().orElse(null);
        Verdict verdict = v != null ? v : failed == null ? Verdict.PASS : Verdict.FAIL;
        String why = reason != null ? reason : failed == null ? "all " + checks.size() + " checks passed"
                : failed.name() + ": " + failed.detail();
        if (verdict == Verdict.UNSTABLE && reason == null) {
            Criterion k = checks.stream().filter(c -> c.name().equals("kernel")).findFirst().orElse(failed);
            why = k == null ? "kernel trouble" : k.detail();
        }
        return new TestResult(id, startedAt, endedAt, verdict, why, plan, checks, ranMs,
                (System.nanoTime() - begun) / 1_000_000, frames, meter.report(), meter.series(), kernel,
                busErrors, process, null);
    }
}
