package dev.r58ctl.stability;

import java.util.List;

/**
 * One stability run as stored under {@code <state_dir>/stability/runs/<id>.json}: what ran (the exact pipeline
 * description and encoder settings), every check with what was found, frames, the CPU series and its summary, the
 * kernel lines, and the verdict. Written with verdict RUNNING when the test starts, so that a board that dies leaves
 * a trace.
 *
 * @param id            unique, sortable by start time, e.g. {@code 20251219-145301-encode-mpph265enc}
 * @param startedAt     ISO-8601
 * @param endedAt       ISO-8601, or null while running
 * @param verdict       how it ended
 * @param reason        the verdict in one line
 * @param plan          what ran
 * @param checks        each pass criterion and what was found
 * @param ranMs         wall-clock time the pipeline ran, from playing to the stop
 * @param wallMs        wall-clock time of the whole test, checks included
 * @param frames        frame counts
 * @param cpu           CPU summary
 * @param series        one sample a second
 * @param kernel        the kernel log during the run
 * @param busErrors     errors the pipeline's bus reported, with the element that raised them
 * @param process       the process and boot it ran in
 * @param previousBoot  for a run the board did not survive: what the previous boot's log says; else null
 */
public record TestResult(String id, String startedAt, String endedAt, Verdict verdict, String reason, TestPlan plan,
                         List<Criterion> checks, long ranMs, long wallMs, FrameCounts frames, CpuReport cpu,
                         List<CpuSample> series, KernelEvidence kernel, List<String> busErrors, RunProcess process,
                         BootEvidence previousBoot) {

    public TestResult {
        checks = checks == null ? List.of() : List.copyOf(checks);
        series = series == null ? List.of() : List.copyOf(series);
        busErrors = busErrors == null ? List.of() : List.copyOf(busErrors);
    }

    public boolean passed() {
        return verdict == Verdict.PASS;
    }

    /** Kernel trouble during the run, or a board that went down under it: evidence against the encoder. */
    public boolean crashEvidence() {
        return verdict == Verdict.UNSTABLE || (verdict == Verdict.INTERRUPTED && previousBoot != null);
    }

    /** A copy with another verdict and reason, ended now: for a run found interrupted. */
    TestResult ended(Verdict v, String why, String endedAt, BootEvidence boot, KernelEvidence k) {
        return new TestResult(id, startedAt, endedAt, v, why, plan, checks, ranMs, wallMs, frames, cpu, series, k,
                busErrors, process, boot);
    }
}
