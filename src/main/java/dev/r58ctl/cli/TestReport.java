package dev.r58ctl.cli;

import dev.r58ctl.stability.Criterion;
import dev.r58ctl.stability.CpuReport;
import dev.r58ctl.stability.CpuStats;
import dev.r58ctl.stability.TestResult;
import java.io.PrintWriter;
import java.nio.file.Path;

/** The end of a stability test on the terminal: verdict, each check, CPU, kernel, where the result is. */
final class TestReport {
    private TestReport() {
    }

    static void print(PrintWriter out, TestResult r, Path file) {
        out.printf("%s %s: %s (ran %.1f s wall-clock)%n", r.plan().test().key(), r.verdict(), r.reason(),
                r.ranMs() / 1000.0);
        for (Criterion c : r.checks()) {
            out.printf("  %-4s  %-9s %s%n", c.ok() ? "ok" : "FAIL", c.name(), c.detail());
        }
        CpuReport cpu = r.cpu();
        if (cpu != null && cpu.system().samples() > 0) {
            StringBuilder b = new StringBuilder("  cpu       system " + stats(cpu.system()) + "; pipeline "
                    + stats(cpu.pipeline()) + " of a core (" + cpu.perStream() + "% of " + cpu.cores() + " cores)");
            cpu.processes().forEach((role, s) -> b.append("; ").append(role).append(' ').append(stats(s)));
            out.println(b);
        }
        if (r.kernel() != null && r.kernel().stopLatencyMs() != null) {
            out.println("  stopped   " + r.kernel().stopLatencyMs() + " ms after the kernel trouble was read");
        }
        if (r.kernel() != null) {
            r.kernel().trouble().forEach(i -> i.lines().stream().limit(12).forEach(l ->
                    out.println("  kernel    " + l)));
        }
        out.println("  result    " + file);
    }

    private static String stats(CpuStats s) {
        return String.format("avg %.1f%% p95 %.1f%% max %.1f%%", s.average(), s.p95(), s.max());
    }
}
