package dev.r58ctl.stability;

import dev.r58ctl.R58Exception;
import dev.r58ctl.kernel.Incident;
import dev.r58ctl.kernel.IncidentListener;
import dev.r58ctl.kernel.KernelLog;
import dev.r58ctl.kernel.KernelMarks;
import dev.r58ctl.kernel.KernelWatch;
import dev.r58ctl.kernel.Severity;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Watches the kernel log for the whole of a test: takes a named mark at its start (kept in
 * {@code kernel/marks.json}, so it survives a crash), follows the log from there, and calls {@code onTrouble} the
 * moment a line at or above the threshold is read after the mark. The watch journals every such line to disk before
 * anyone is told, so the evidence is kept even if the board dies a moment later.
 */
final class TestKernelWatch implements AutoCloseable {
    private final KernelLog log;
    private final Severity threshold;
    private final String markName;
    private final Runnable onTrouble;
    private final AtomicLong troubleNanos = new AtomicLong();
    private final AtomicReference<Incident> first = new AtomicReference<>();
    private KernelWatch watch;
    private KernelMarks.Mark mark;

    TestKernelWatch(KernelLog log, Severity threshold, String markName, Runnable onTrouble) {
        this.log = log;
        this.threshold = threshold;
        this.markName = markName;
        this.onTrouble = onTrouble;
    }

    /** Marks the end of the log now and starts following it; a log that cannot be read fails the test up front. */
    TestKernelWatch open() {
        try (KernelWatch dump = log.watch(false)) {
            dump.readToEnd();
            mark = log.marks().put(markName, new KernelMarks.Mark(dump.source().logId(), dump.lastSeq(),
                    Instant.now().toString()));
        } catch (IOException | R58Exception e) {
            throw R58Exception.failed("cannot watch the kernel log (" + e.getMessage() + "); a stability test "
                    + "without it proves nothing: set kernel_log.source, or run as root for /dev/kmsg");
        }
        watch = log.watch(true);
        long after = mark.seq();
        watch.subscribe(new KernelWatch.Listener() {
            @Override
            public boolean ordinaryLines() {
                return false; // incidents only
            }

            @Override
            public void incident(IncidentListener.Event event, Incident incident) {
                // an incident grows line by line: it counts once it reaches past the mark at the threshold
                if (incident.lastSeq() > after && incident.severity().atLeast(threshold)
                        && troubleNanos.compareAndSet(0, System.nanoTime())) {
                    first.set(incident);
                    onTrouble.run();
                }
            }
        });
        watch.start();
        return this;
    }

    boolean troubled() {
        return troubleNanos.get() != 0;
    }

    /** {@link System#nanoTime()} when trouble was first read, or 0. */
    long troubleNanos() {
        return troubleNanos.get();
    }

    Incident firstTrouble() {
        return first.get();
    }

    /** Closes a report whose end never came (a dying board stops mid-trace); called once a second. */
    void tick() {
        watch.closeIdle(System.currentTimeMillis());
    }

    /** Everything at or above the threshold since the mark, with its lines. */
    List<TroubleIncident> trouble() {
        return watch.troubleSince(mark.seq(), threshold).stream().map(TroubleIncident::of).toList();
    }

    String sourceName() {
        return watch.source().name();
    }

    KernelMarks.Mark mark() {
        return mark;
    }

    String markName() {
        return markName;
    }

    KernelEvidence evidence(Long stopLatencyMs) {
        return new KernelEvidence(sourceName(), mark.log(), markName, mark.seq(), threshold.name(), trouble(),
                stopLatencyMs);
    }

    @Override
    public void close() {
        if (watch != null) {
            watch.close();
        }
    }
}
