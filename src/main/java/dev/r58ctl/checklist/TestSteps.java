package dev.r58ctl.checklist;

import dev.r58ctl.Shutdown;
import dev.r58ctl.config.Config;
import dev.r58ctl.stability.Capacity;
import dev.r58ctl.stability.Criterion;
import dev.r58ctl.stability.CpuReport;
import dev.r58ctl.stability.MatrixRow;
import dev.r58ctl.stability.RunStore;
import dev.r58ctl.stability.StabilityMatrix;
import dev.r58ctl.stability.StabilityTest;
import dev.r58ctl.stability.TestKind;
import dev.r58ctl.stability.TestResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The three stability tests of the H.265 migration plan (December 2025), run for the target encoder with the
 * checklist's durations (each a real {@link StabilityTest}: its run and verdict become the step's evidence and the
 * matrix's), and the checks made from their results: the encode's file, the soak's CPU.
 */
final class TestSteps {
    private TestSteps() {
    }

    static Evidence test(StepContext ctx, TestKind kind) {
        Config.ChecklistSettings s = ctx.config.checklist();
        Duration d = switch (kind) {
            case ENCODE -> s.encode();
            case SOAK -> s.soak();
            case PUSH -> s.push();
        };
        dev.r58ctl.stability.StabilityListener shown = ctx.listener.stability();
        StabilityTest t = new StabilityTest(ctx.config).test(kind).encoder(s.targetEncoder()).duration(d)
                .listener(new dev.r58ctl.stability.StabilityListener() {
                    @Override
                    public void started(String id, dev.r58ctl.stability.TestPlan plan) {
                        ctx.known(id, "stability-" + id); // the test's mark (KernelGuard names it so)
                        shown.started(id, plan);
                    }

                    @Override
                    public void second(dev.r58ctl.stability.CpuSample sample) {
                        shown.second(sample);
                    }

                    @Override
                    public void stopped(String why, long latencyMs) {
                        shown.stopped(why, latencyMs);
                    }

                    @Override
                    public void kernelTrouble(dev.r58ctl.stability.TroubleIncident incident) {
                        shown.kernelTrouble(incident);
                    }

                    @Override
                    public void finished(TestResult result) {
                        shown.finished(result);
                    }
                });
        t.plan(); // bad input (no camera to take a bitrate from...) fails before anything runs
        ctx.onCancel(t::cancel);
        TestResult r = ctx.listener.test(kind, s.targetEncoder(), t::call);
        if (r == null) {
            return Evidence.failed(kind.key() + " test stopped by " + Shutdown.stoppedBy() + " before it began");
        }
        String mark = r.kernel() == null ? null : r.kernel().mark();
        return new Evidence(r.passed(), r.id(), mark, null, null, kind.key() + " " + r.verdict() + ": " + r.reason());
    }

    /** The encode test's file: written, read back with the right codec and enough frames, still there. */
    static Evidence verifyOutput(StepContext ctx) {
        TestResult r = run(ctx, StepOperation.TEST_ENCODE);
        if (r == null) {
            return Evidence.failed("no passed encode test in this walk: run test-encode first");
        }
        List<Criterion> wanted = r.checks().stream().filter(c -> List.of("file", "codec", "frames").contains(c.name()))
                .toList();
        Criterion bad = wanted.stream().filter(c -> !c.ok()).findFirst().orElse(null);
        Path file = Path.of(r.plan().output());
        Evidence e;
        if (wanted.size() < 3 || bad != null) {
            e = Evidence.failed(bad == null ? "run " + r.id() + " has no file checks"
                    : bad.name() + ": " + bad.detail());
        } else if (!Files.isRegularFile(file)) {
            e = Evidence.failed(file + " is gone (test files are pruned; run test-encode again)");
        } else {
            e = Evidence.ok(String.join("; ", wanted.stream().map(c -> c.name() + " " + c.detail()).toList()));
        }
        return e.withRun(r.id(), null);
    }

    /** CPU during the soak, and what it means for capacity. */
    static Evidence cpuReport(StepContext ctx) {
        TestResult r = run(ctx, StepOperation.TEST_SOAK);
        if (r == null) {
            return Evidence.failed("no passed soak test in this walk: run test-soak first");
        }
        CpuReport cpu = r.cpu();
        if (cpu == null || cpu.system().samples() == 0) {
            return Evidence.failed("run " + r.id() + " has no CPU samples").withRun(r.id(), null);
        }
        MatrixRow row = new StabilityMatrix(ctx.config).build().row(r.plan().key());
        Capacity c = row == null ? null : row.capacity();
        return Evidence.ok(String.format("system avg %.1f%% p95 %.1f%% max %.1f%%; pipeline avg %.1f%% of a core "
                        + "(%s%% of %d cores per stream)%s", cpu.system().average(), cpu.system().p95(),
                cpu.system().max(), cpu.pipeline().average(), cpu.perStream(), cpu.cores(),
                c == null ? "" : "; capacity " + c.arithmetic())).withRun(r.id(), null);
    }

    /** The result of the run the step that ran {@code op} produced in this walk, or null. */
    static TestResult run(StepContext ctx, StepOperation op) {
        StepRecord rec = ctx.evidenceOf(op);
        if (rec == null || rec.runId() == null) {
            return null;
        }
        RunStore store = new RunStore(ctx.config);
        try {
            return store.read(store.file(rec.runId()));
        } catch (IOException e) {
            throw dev.r58ctl.R58Exception.failed("run " + rec.runId() + " unreadable: " + e.getMessage());
        }
    }
}
