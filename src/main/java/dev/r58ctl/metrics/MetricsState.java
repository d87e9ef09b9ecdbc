package dev.r58ctl.metrics;

import dev.r58ctl.config.Config;
import dev.r58ctl.engine.CameraView;
import dev.r58ctl.engine.EngineEvent;
import dev.r58ctl.guard.GuardResult;
import dev.r58ctl.kernel.Incident;
import dev.r58ctl.kernel.IncidentListener;
import dev.r58ctl.kernel.Severity;
import dev.r58ctl.monitor.DiskFigures;
import dev.r58ctl.monitor.DiskLimits;
import dev.r58ctl.monitor.SystemSample;
import dev.r58ctl.stability.MatrixReport;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The latest figures of the engine's events, kept for the next scrape. Events arrive on the engine's threads and
 * scrapes on the metrics server's thread: every figure is an immutable record swapped in whole, the incident counters
 * are guarded by this object, so a scrape never sees half an event. Nothing here wakes up by itself: the trial record
 * is read during a scrape, at most every {@link TrialReading#EVERY_MILLIS}.
 *
 * <p>Kernel incidents are counted when they open, by severity, and never go down while the process lives; an
 * incident that grows worse while it is read (a warning report that turns into an Oops) counts again under the worse
 * severity, so an alert on {@code critical} sees it.
 */
public final class MetricsState implements Consumer<EngineEvent> {
    private static final int MAX_OPEN = 1000;

    private final Config config;
    private final LongSupplier clock;
    private final long startedMillis;
    private final TrialReading trial;
    private volatile SystemSample sample;
    private volatile List<CameraView> cameras;
    private volatile DiskFigures disks;
    private volatile DiskLimits recordingLimits;
    private volatile Boolean recorderHealthy;
    private volatile MatrixReport matrix;
    private volatile GuardResult guard;
    private final long[] incidents = new long[Severity.values().length];
    private final long[] lastIncidentMillis = new long[Severity.values().length];
    private final Map<String, Severity> open = new HashMap<>();

    /** State for the board that {@code config} describes (its state directory holds the trial record). */
    public MetricsState(Config config) {
        this(config, System::currentTimeMillis);
    }

    MetricsState(Config config, LongSupplier clock) {
        this.config = config;
        this.clock = clock;
        this.startedMillis = clock.getAsLong();
        this.trial = new TrialReading(dev.r58ctl.guard.Trial.store(config), clock);
    }

    @Override
    public void accept(EngineEvent event) {
        if (event instanceof EngineEvent.SystemSampled s) {
            sample = s.sample();
        } else if (event instanceof EngineEvent.CamerasUpdated c) {
            cameras = List.copyOf(c.cameras());
        } else if (event instanceof EngineEvent.DisksSampled d) {
            if (recordingLimits == null) {
                recordingLimits = DiskLimits.of(recordingSettings());
            }
            disks = d.disks();
        } else if (event instanceof EngineEvent.StreamsPolled p) {
            if (p.snapshot().health().lastAttemptMillis() != null) {
                recorderHealthy = p.snapshot().health().result().healthy();
            }
        } else if (event instanceof EngineEvent.KernelIncident k) {
            incident(k.event(), k.incident());
        } else if (event instanceof EngineEvent.MatrixUpdated m) {
            matrix = m.report();
        } else if (event instanceof EngineEvent.GuardActed g) {
            guard = g.result();
        }
        // the other events (kernel lines, messages, test progress...) have no metric
    }

    private synchronized void incident(IncidentListener.Event event, Incident incident) {
        Severity counted = open.get(incident.id());
        if (event == IncidentListener.Event.OPENED && counted == null) {
            if (open.size() >= MAX_OPEN) {
                open.clear(); // incidents never closed (a source that died mid-report): forget, never grow
            }
            count(incident);
            open.put(incident.id(), incident.severity());
        } else if (counted != null && incident.severity().compareTo(counted) > 0) {
            count(incident);
            open.put(incident.id(), incident.severity());
        }
        if (event == IncidentListener.Event.CLOSED) {
            open.remove(incident.id());
        }
    }

    private void count(Incident incident) {
        int i = incident.severity().ordinal();
        incidents[i]++;
        lastIncidentMillis[i] = Math.max(lastIncidentMillis[i], incident.openedMillis());
    }

    private Config.RecordingSettings recordingSettings() {
        try {
            return config.recording();
        } catch (RuntimeException e) {
            return null; // the recorder's file is foreign input: r58ctl's own levels then
        }
    }

    /** The metrics as Prometheus reads them (text format 0.0.4). */
    public String render() {
        long[] counts;
        long[] last;
        synchronized (this) {
            counts = incidents.clone();
            last = lastIncidentMillis.clone();
        }
        long now = clock.getAsLong();
        Families.Snapshot s = new Families.Snapshot(now, startedMillis, sample, cameras, disks,
                DiskLimits.of(null), recordingLimits, recorderHealthy, counts, last, trial.read(), matrix, guard);
        Exposition out = new Exposition();
        Families.write(s, out);
        return out.text();
    }
}
