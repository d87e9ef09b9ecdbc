package dev.r58ctl.stability;

import dev.r58ctl.R58Exception;
import dev.r58ctl.Shutdown;
import dev.r58ctl.config.Config;
import dev.r58ctl.kernel.KernelLog;
import dev.r58ctl.kernel.Severity;
import dev.r58ctl.pipeline.BusEvent;
import dev.r58ctl.pipeline.CameraRunner;
import dev.r58ctl.pipeline.ElementPackages;
import dev.r58ctl.pipeline.GstSupport;
import dev.r58ctl.pipeline.MediaProbe;
import dev.r58ctl.pipeline.PipelineSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one planned test: checks its elements, marks the kernel log, writes the run as RUNNING, plays the pipeline at
 * real time with a CPU sample a second, and stops it at once (EOS bounded to 300 ms, then NULL) when the kernel log
 * reports trouble; then verifies what was produced and writes the verdict. The kernel log is watched until the
 * verdict, so trouble during the checks counts too.
 */
final class TestRun {
    private static final long SECOND = 1_000_000_000L;
    /** EOS wait when kernel trouble stops a run: the file is finalised if the encoder still answers, else dropped. */
    static final Duration TROUBLE_EOS = Duration.ofMillis(300);
    private static final Duration NORMAL_EOS = Duration.ofSeconds(5);
    private static final long CHECKPOINT_NANOS = 5 * SECOND;
    /**
     * A push keeps publishing past its duration, by at most this, while its reader still waits for frames: a reader
     * joins at the next keyframe, and on a loaded machine that can be the last second of a short push.
     */
    static final long PUSH_GRACE = 5 * SECOND;

    private static final Logger LOG = LoggerFactory.getLogger(TestRun.class);

    private final Config config;
    private final RunStore store;
    private final StabilityListener listener;
    private final CountDownLatch wake = new CountDownLatch(1);
    private volatile boolean cancelled;

    TestRun(Config config, RunStore store, StabilityListener listener) {
        this.config = config;
        this.store = store;
        this.listener = listener;
    }

    /** Ends the run early, as the operator asked (Ctrl-C): the pipeline gets EOS, the verdict says so. */
    void cancel() {
        cancelled = true;
        wake.countDown();
    }

    TestResult run(String id, TestPlan plan, PipelineSpec spec) {
        long begun = System.nanoTime();
        ResultBuilder d = new ResultBuilder(id, Instant.now().toString(), plan, process(new KernelLog(config)));
        String missing = missingElements(spec);
        if (missing != null) {
            return finish(d.notRun(missing, begun));
        }
        String space = Verification.spaceProblem(plan);
        if (space != null) {
            return finish(d.notRun(space, begun));
        }
        Severity threshold = Severity.parse(config.stability().kernelTrouble());
        try (TestKernelWatch guard = new TestKernelWatch(new KernelLog(config), threshold, "stability-" + id,
                wake::countDown).open()) {
            CpuMeter meter = new CpuMeter(config);
            d.kernel = guard.evidence(null);
            store.write(d.result(Verdict.RUNNING, "running", List.of(), 0, begun, null, List.of(), meter));
            listener.started(id, plan);
            CameraRunner runner = new CameraRunner(spec, plan.framerate());
            runner.onEvent(e -> {
                if (e.level() == BusEvent.Level.ERROR) {
                    wake.countDown();
                }
            });
            try {
                runner.start();
            } catch (R58Exception e) {
                d.kernel = guard.evidence(null);
                List<Criterion> checks = List.of(Criterion.failed("pipeline", "did not start: " + e.getMessage()),
                        Verification.kernel(guard));
                return finish(d.result(guard.troubled() ? Verdict.UNSTABLE : Verdict.FAIL, null, checks, 0, begun,
                        null, errors(runner), meter));
            }
            long start = System.nanoTime();
            long deadline = start + plan.durationMs() * 1_000_000;
            long nextTick = start + SECOND;
            long nextCheckpoint = start + CHECKPOINT_NANOS;
            CompletableFuture<MediaProbe.Result> readBack = null;
            String stopped = null;
            long now;
            while (true) {
                now = System.nanoTime();
                if (guard.troubled()) {
                    stopped = "kernel trouble: " + guard.firstTrouble().title();
                    LOG.warn("{}: {}; stopping the pipeline", id, stopped);
                    break;
                }
                if (cancelled) {
                    stopped = "stopped by " + Shutdown.stoppedBy();
                    break;
                }
                if ((wake.getCount() == 0 && !cancelled) || runner.state() == CameraRunner.State.FAILED
                        || runner.state() == CameraRunner.State.ENDED) {
                    stopped = "the pipeline " + (runner.errors().isEmpty() ? "ended by itself"
                            : "failed: " + runner.errors().get(0));
                    break;
                }
                boolean reading = readBack != null && !readBack.isDone() && now < deadline + PUSH_GRACE;
                if (now >= deadline && !reading) {
                    break;
                }
                // read from the start: a refused read (nothing published yet) is retried, and a reader joins at
                // the next keyframe, so every second of waiting costs a second of the push
                if (plan.test() == TestKind.PUSH && readBack == null) {
                    readBack = PushReadBack.start(plan.readUrl(), spec.codec(), 2L * plan.framerate(),
                            deadline + PUSH_GRACE);
                }
                if (now >= nextTick) {
                    listener.second(meter.sample(runner, start));
                    guard.tick();
                    while (nextTick <= now) {
                        nextTick += SECOND;
                    }
                    if (now >= nextCheckpoint) { // the CPU series so far survives a board that dies mid-run
                        store.write(d.result(Verdict.RUNNING, "running", List.of(), (now - start) / 1_000_000,
                                begun, null, List.of(), meter));
                        nextCheckpoint = now + CHECKPOINT_NANOS;
                    }
                    continue;
                }
                long until = now >= deadline ? Math.min(nextTick, now + SECOND / 5) : Math.min(nextTick, deadline);
                await(wake, until - now);
            }
            long ranMs = (now - start) / 1_000_000;
            if (stopped == null && now - (nextTick - SECOND) > SECOND / 2) {
                listener.second(meter.sample(runner, start)); // the last part-second counts too
            }
            Criterion mediamtx = plan.test() == TestKind.PUSH && stopped == null
                    ? PushReadBack.mediamtx(config, plan.path()) : null; // asked while the stream is still there
            Long latency = null;
            if (guard.troubled()) {
                runner.stop(TROUBLE_EOS);
                latency = (System.nanoTime() - guard.troubleNanos()) / 1_000_000;
                listener.stopped(stopped, latency);
                guard.trouble().forEach(listener::kernelTrouble);
            } else {
                runner.stop(NORMAL_EOS);
                if (stopped != null) {
                    listener.stopped(stopped, -1);
                }
            }
            MediaProbe.Result read = readBack == null ? null : join(readBack, deadline + PUSH_GRACE + SECOND);
            Verification verify = new Verification(plan, spec.codec(), config.stability().minFramesPercent());
            // an operator who pressed Ctrl-C wants out, not a read-back of a file nobody will judge; the same for a
            // signal or a terminal that hung up, named as the cause
            String stoppedAfter = "stopped by " + Shutdown.stoppedBy() + " after " + Verification.seconds(ranMs);
            List<Criterion> checks = cancelled ? new ArrayList<>(List.of(Criterion.failed("ran", stoppedAfter)))
                    : verify.checks(stopped, ranMs, runner, read, mediamtx);
            d.frames = verify.frames(runner, read);
            if (guard.troubled()) {
                settle();
            }
            checks.add(Verification.kernel(guard));
            d.kernel = guard.evidence(latency);
            Verdict v = guard.troubled() ? Verdict.UNSTABLE : cancelled ? Verdict.INTERRUPTED : null;
            return finish(d.result(v, v == Verdict.INTERRUPTED ? "interrupted: " + stoppedAfter : null, checks, ranMs,
                    begun, Instant.now().toString(), errors(runner), meter));
        }
    }

    private TestResult finish(TestResult r) {
        store.write(r);
        LOG.info("stability run {}: {}: {}", r.id(), r.verdict(), r.reason());
        listener.finished(r);
        return r;
    }

    /** Names each missing element with the package it comes from: a missing rtspclientsink is never a pass. */
    private static String missingElements(PipelineSpec spec) {
        List<String> missing = new ArrayList<>();
        for (String f : spec.factories()) {
            if (!GstSupport.hasElement(f)) {
                missing.add(f + " missing (it comes from " + ElementPackages.sourceOf(f) + ")");
            }
        }
        return missing.isEmpty() ? null : "could not run: " + String.join("; ", missing);
    }

    private static RunProcess process(KernelLog log) {
        return RunProcess.current(log.bootId());
    }

    private static List<String> errors(CameraRunner runner) {
        return runner.errors().stream().map(BusEvent::toString).toList();
    }

    private static void await(CountDownLatch wake, long nanos) {
        try {
            wake.await(Math.max(0, nanos), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw R58Exception.failed("interrupted");
        }
    }

    private static MediaProbe.Result join(CompletableFuture<MediaProbe.Result> f, long untilNanos) {
        try {
            return f.get(Math.max(SECOND, untilNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (Exception e) {
            return new MediaProbe.Result(null, 0, "the reader did not finish: " + e);
        }
    }

    /** A kernel report goes on for a few lines after its first: give them a moment to arrive as evidence. */
    private static void settle() {
        try {
            Thread.sleep(300);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
