package dev.r58ctl.checklist;

import dev.r58ctl.R58Exception;
import dev.r58ctl.Shutdown;
import dev.r58ctl.guard.Trial;
import dev.r58ctl.host.HealthCheck;
import dev.r58ctl.kernel.Incident;
import dev.r58ctl.kernel.IncidentListener;
import dev.r58ctl.kernel.KernelLog;
import dev.r58ctl.kernel.KernelMarks;
import dev.r58ctl.kernel.KernelWatch;
import dev.r58ctl.kernel.Severity;
import dev.r58ctl.repo.KnownGood;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A watch period with the recorder running: a kernel-log mark at its start, the log followed throughout (an incident
 * at {@code stability.kernel_trouble} or worse ends it at once, failed), and health asked every
 * {@code monitor.stream_poll_ms} (a recorder that stays unhealthy for {@code recorder.health_timeout_ms} ends it,
 * failed). The monitoring period ends with {@code trial commit}: the migrated commit is marked known-good.
 */
final class WatchStep {
    private static final long PROGRESS_EVERY_NANOS = 60_000_000_000L;
    private static final DateTimeFormatter MARK_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");

    private WatchStep() {
    }

    static Evidence watch(StepContext ctx, Duration d) {
        KernelLog log = new KernelLog(ctx.config);
        Severity min = Severity.parse(ctx.config.stability().kernelTrouble());
        String markName = "checklist-" + ctx.step.id() + "-" + LocalDateTime.now().format(MARK_TIME);
        Duration timeout = Duration.ofMillis(ctx.config.recorder().healthTimeoutMs());
        HealthCheck health = new HealthCheck(ctx.config.recorder().healthUrl(), timeout);
        AtomicReference<Incident> trouble = new AtomicReference<>();
        KernelMarks.Mark mark;
        try (KernelWatch dump = log.watch(false)) {
            dump.readToEnd();
            mark = log.marks().put(markName, new KernelMarks.Mark(dump.source().logId(), dump.lastSeq(),
                    Instant.now().toString()));
        } catch (IOException e) {
            throw R58Exception.failed("cannot watch the kernel log (" + e.getMessage() + "); a watch without it "
                    + "proves nothing");
        }
        ctx.known(null, markName);
        long poll = Math.max(500, ctx.config.monitor().streamPollMillis());
        long t0 = System.nanoTime();
        long end = t0 + d.toNanos();
        HealthCheck.Result last = null;
        long shown = t0;
        ctx.listener.progress(ctx.step.id() + " for " + d.toSeconds() + " s: kernel log from mark " + markName
                + ", health every " + poll + " ms");
        try (KernelWatch watch = log.watch(true)) {
            watch.subscribe(new KernelWatch.Listener() {
                @Override
                public boolean ordinaryLines() {
                    return false; // incidents only
                }

                @Override
                public void incident(IncidentListener.Event event, Incident i) {
                    if (i.lastSeq() > mark.seq() && i.severity().atLeast(min) && trouble.compareAndSet(null, i)) {
                        ctx.wake();
                    }
                }
            });
            watch.start();
            while (true) {
                last = health.check();
                if (!last.healthy()) {
                    ctx.listener.progress("health: " + last.detail() + "; asking again for " + timeout.toSeconds()
                            + " s");
                    last = health.waitHealthy(timeout, Duration.ofMillis(500), ctx::isCancelled);
                }
                long now = System.nanoTime();
                if (!last.healthy() || trouble.get() != null || now >= end || ctx.isCancelled()) {
                    break;
                }
                if (now - shown >= PROGRESS_EVERY_NANOS) { // a line a minute, not one a poll for 24 hours
                    shown = now;
                    ctx.listener.progress(String.format("%s: %d s of %d s, healthy, kernel quiet", ctx.step.id(),
                            (now - t0) / 1_000_000_000L, d.toSeconds()));
                }
                ctx.sleep(Math.min(poll, (end - now) / 1_000_000L + 1));
            }
        }
        String seconds = (System.nanoTime() - t0) / 1_000_000_000L + " s";
        String answer = last.url() + ": " + last.detail();
        Evidence e;
        if (trouble.get() != null) {
            e = Evidence.failed("kernel trouble after " + seconds + ": " + trouble.get().title());
        } else if (ctx.isCancelled()) {
            // before the health verdict: a wait for health cut short by the stop says nothing about the recorder
            e = Evidence.failed("stopped by " + Shutdown.stoppedBy() + " after " + seconds + " of " + d.toSeconds()
                    + " s");
        } else if (!last.healthy()) {
            e = Evidence.failed("the recorder is NOT healthy after " + seconds + ": " + last.detail());
        } else {
            e = Evidence.ok("watched " + seconds + ": healthy throughout, no kernel lines at " + min.name()
                    + " or worse");
        }
        return e.withRun(null, markName).withHealth(answer).withCommit(MigrationSteps.head(ctx));
    }

    /** The monitoring period, then the trial's commit: HEAD becomes known-good. */
    static Evidence monitor(StepContext ctx) {
        Evidence e = watch(ctx, ctx.config.checklist().monitor());
        if (!e.ok()) {
            return e;
        }
        KnownGood.Mark m = new Trial(ctx.config).commit();
        return new Evidence(true, null, e.mark(), m.commit(), e.health(), e.detail() + "; trial committed: "
                + m.shortCommit() + " marked known-good as " + m.name());
    }
}
