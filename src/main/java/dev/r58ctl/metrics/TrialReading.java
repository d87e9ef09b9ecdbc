package dev.r58ctl.metrics;

import dev.r58ctl.guard.GuardStore;
import dev.r58ctl.guard.TrialState;
import java.util.Optional;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether a trial is armed, read from the guard's record ({@code guard/trial.json}) during a scrape and kept for
 * {@link #EVERY_MILLIS}, so a scrape every second reads the file at most every few seconds. A record that cannot be
 * read (torn, hand-edited, written by another version) reads as unknown: the scrape goes on.
 */
final class TrialReading {
    /** How long one reading of the record is kept. */
    static final long EVERY_MILLIS = 5_000;
    private static final Logger LOG = LoggerFactory.getLogger(TrialReading.class);

    /**
     * One reading.
     *
     * @param armed         whether a trial is armed; null when the record could not be read
     * @param armedAtMillis when it was armed (epoch ms), or null when not armed or the time cannot be read
     */
    record Reading(Boolean armed, Long armedAtMillis) {
    }

    private final GuardStore store;
    private final LongSupplier clock;
    private Reading last;
    private long readAt;
    private String lastProblem;

    TrialReading(GuardStore store, LongSupplier clock) {
        this.store = store;
        this.clock = clock;
    }

    synchronized Reading read() {
        long now = clock.getAsLong();
        if (last == null || now - readAt >= EVERY_MILLIS || now < readAt) {
            last = fresh();
            readAt = now;
        }
        return last;
    }

    private Reading fresh() {
        try {
            Optional<TrialState> t = store.trial();
            if (t.isEmpty()) {
                lastProblem = null;
                return new Reading(false, null);
            }
            Long at;
            try {
                at = t.get().armedInstant().toEpochMilli();
            } catch (RuntimeException e) {
                at = null; // armed, but its time is not a time: say armed all the same
            }
            lastProblem = null;
            return new Reading(true, at);
        } catch (RuntimeException e) {
            if (!String.valueOf(e.getMessage()).equals(lastProblem)) {
                lastProblem = String.valueOf(e.getMessage());
                LOG.warn("metrics: trial record: {}", lastProblem); // once per problem, not once per scrape
            }
            return new Reading(null, null);
        }
    }
}
