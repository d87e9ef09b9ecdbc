package dev.r58ctl.history;

import dev.r58ctl.DiskFull;
import dev.r58ctl.config.Config;
import dev.r58ctl.engine.CameraView;
import dev.r58ctl.engine.EngineEvent;
import dev.r58ctl.kernel.IncidentListener;
import dev.r58ctl.monitor.DiskFigures;
import dev.r58ctl.monitor.HealthStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The flight recorder: takes the engine's events and appends, per sampling round, one {@link SampleRecord} (the
 * system figures with the newest cameras, disks and recorder health), and a record for each kernel incident opened or
 * closed and for the boot guard acting. Segments are hourly gzip files ({@link Segments}); what is older than the
 * retention goes, checked at start and once an hour. Samples are flushed out of the deflater and forced to disk every
 * {@value #FORCE_EVERY_MS} ms (a power cut loses at most those seconds; readers see the history up to the last flush),
 * incidents and the guard at once.
 * A write that fails (a full disk, the directory gone) is logged once and counted, samples are dropped meanwhile and
 * the writer tries again {@value #RETRY_MS} ms later: it never throws into the engine.
 */
public final class HistoryWriter implements Consumer<EngineEvent>, AutoCloseable {
    static final long FORCE_EVERY_MS = 5_000;
    static final long RETRY_MS = 10_000;
    private static final Logger LOG = LoggerFactory.getLogger(HistoryWriter.class);

    private final Path dir;
    private final Duration retention;
    private final Clock clock;
    private List<CameraView> cameras;
    private DiskFigures disks;
    private SampleRecord.Health health;
    private SegmentWriter segment;
    private long lastForce;
    private long nextPrune;
    private long retryAt;
    private long lost;
    private long lostInStreak;
    private long unflushed;
    private String problem;
    private boolean closed;

    public HistoryWriter(Path dir, Duration retention, Clock clock) {
        this.dir = dir;
        this.retention = retention;
        this.clock = clock;
        prune(clock.millis());
    }

    public HistoryWriter(Path dir, Duration retention) {
        this(dir, retention, Clock.systemUTC());
    }

    /** {@code <state_dir>/history}, kept for {@code agent.retention}. */
    public static HistoryWriter of(Config config) {
        return new HistoryWriter(dir(config), config.agent().retention());
    }

    /** Where the history of this configuration is. */
    public static Path dir(Config config) {
        return config.stateDir().resolve("history");
    }

    @Override
    public synchronized void accept(EngineEvent event) {
        if (closed) {
            return;
        }
        try {
            if (event instanceof EngineEvent.CamerasUpdated c) {
                cameras = c.cameras();
            } else if (event instanceof EngineEvent.DisksSampled d) {
                disks = d.disks();
            } else if (event instanceof EngineEvent.StreamsPolled p) {
                health = health(p.snapshot().health());
            } else if (event instanceof EngineEvent.SystemSampled s) {
                append(SampleRecord.of(s.sample(), cameras, disks, health));
            } else if (event instanceof EngineEvent.KernelIncident k && k.event() != IncidentListener.Event.LINE_ADDED) {
                append(IncidentRecord.of(clock.millis(), k.event(), k.incident(), k.during()));
            } else if (event instanceof EngineEvent.GuardActed g) {
                append(new GuardRecord(clock.millis(), g.result() == null ? null : g.result().action(), g.line(),
                        g.result() == null ? null : g.result().outcome()));
            }
        } catch (RuntimeException e) {
            LOG.warn("history: an event could not be recorded", e);
            lost++;
        }
    }

    private static SampleRecord.Health health(dev.r58ctl.monitor.LatestAnswer<HealthStatus> p) {
        if (p == null || p.lastAttemptMillis() == null || p.result() == null) {
            return null;
        }
        HealthStatus h = p.result();
        return new SampleRecord.Health(h.reachable(), h.healthy(), h.reason());
    }

    private void append(HistoryRecord r) {
        long now = clock.millis();
        if (now >= nextPrune) {
            prune(now);
        }
        if (now < retryAt) {
            lost++;
            lostInStreak++;
            return;
        }
        Path target = dir;
        try {
            byte[] line = HistoryJson.MAPPER.writeValueAsBytes(r);
            long hour = Segments.hourOf(r.time());
            if (segment != null && segment.hourStart() != hour) {
                SegmentWriter old = segment;
                segment = null;
                old.close();
            }
            if (segment == null) {
                segment = SegmentWriter.open(dir, hour);
                lastForce = now;
                unflushed = 0;
            }
            target = segment.file();
            boolean urgent = !(r instanceof SampleRecord);
            boolean due = now - lastForce >= FORCE_EVERY_MS || now < lastForce;
            segment.append(line, urgent || due);
            unflushed++;
            if (urgent || due) {
                segment.force();
                lastForce = now;
                unflushed = 0;
            }
            if (problem != null) {
                LOG.info("history is written again to {} ({} record(s) lost meanwhile)", target, lostInStreak);
                problem = null;
                lostInStreak = 0;
            }
        } catch (IOException | RuntimeException e) {
            failed(target, e, now);
        }
    }

    private void failed(Path target, Exception e, long now) {
        long gone = 1 + unflushed; // the records still in the deflater go with the file
        unflushed = 0;
        lost += gone;
        lostInStreak += gone;
        retryAt = now + RETRY_MS;
        if (segment != null) {
            segment.abandon();
            segment = null; // the next try starts a new part: this one may end in a torn record
        }
        if (problem == null) {
            problem = DiskFull.message(target, e, "cannot write history");
            LOG.warn("history: {}; samples are dropped and counted until it can be written again", problem);
        }
    }

    /** Deletes the segments whose whole hour is older than the retention; the open one stays. */
    private void prune(long now) {
        nextPrune = now + Segments.HOUR;
        try {
            for (Segments.Segment s : Segments.list(dir)) {
                if (s.hourEnd() <= now - retention.toMillis()
                        && (segment == null || !segment.file().equals(s.file()))) {
                    Files.deleteIfExists(s.file());
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("history: old segments under {} could not be deleted: {}", dir, e.toString());
        }
    }

    /** Records that could not be written since this writer started. */
    public synchronized long lost() {
        return lost;
    }

    /** The one line of the current write failure, or null while writing works. */
    public synchronized String problem() {
        return problem;
    }

    public Path dir() {
        return dir;
    }

    /** Ends the open segment (its gzip trailer) and forces it to disk. */
    @Override
    public synchronized void close() {
        closed = true;
        if (segment != null) {
            try {
                segment.close();
            } catch (IOException e) {
                LOG.warn("history: {}", DiskFull.message(segment.file(), e, "cannot close"));
            }
            segment = null;
        }
    }
}
