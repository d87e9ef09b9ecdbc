package dev.r58ctl.kernel;

import dev.r58ctl.RecentItems;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a kernel log source on its own thread, classifies every line, keeps multi-line reports together as
 * incidents, writes trouble to the incident journal (forced to disk) before telling anyone, and then tells
 * subscribers: an Oops is known the moment its line is read. Lines already journaled by an earlier run (same log,
 * sequence number not newer) are not journaled twice.
 */
public final class KernelWatch implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(KernelWatch.class);
    private static final int RECENT = 2000;
    private static final int INCIDENTS = 200;

    /** What subscribers hear. Called on the reader thread: return quickly. */
    public interface Listener {
        /** Every line, with its classification (null for ordinary lines). */
        default void line(KernelLine line, KernelClassifier.Match match) {
        }

        /** An incident opened, grew or closed. */
        default void incident(IncidentListener.Event event, Incident incident) {
        }
    }

    /** A line with its classification, as kept for the dashboard's kernel pane. */
    public record Classified(KernelLine line, KernelClassifier.Match match) {
    }

    private final KernelSource source;
    private final KernelClassifier classifier;
    private final IncidentJournal journal;
    private final IncidentAssembler assembler;
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final RecentItems<Classified> recent = new RecentItems<>(RECENT);
    private final RecentItems<Incident> incidents = new RecentItems<>(INCIDENTS);
    private final long journaledUpTo;
    private volatile long lastSeq = -1;
    private volatile String failure;
    /** The classification of the line being accepted, so the journal need not classify it again. */
    private KernelClassifier.Match current;
    private Thread reader;

    public KernelWatch(KernelSource source, KernelClassifier classifier, IncidentJournal journal) {
        this.source = source;
        this.classifier = classifier;
        this.journal = journal;
        this.assembler = new IncidentAssembler(classifier, this::onIncident);
        long upTo = -1;
        if (journal != null) {
            try {
                upTo = journal.lastSeq(source.logId());
            } catch (IOException e) {
                LOG.warn("cannot read {}: {}", journal.file(), e.getMessage());
            }
        }
        this.journaledUpTo = upTo;
    }

    public KernelSource source() {
        return source;
    }

    public void subscribe(Listener listener) {
        listeners.add(listener);
    }

    /** Starts the reader thread (a daemon: it must never keep the JVM alive). */
    public synchronized KernelWatch start() {
        if (reader == null) {
            reader = new Thread(this::run, "r58ctl-kernel");
            reader.setDaemon(true);
            reader.start();
        }
        return this;
    }

    /** Waits until the reader thread ends (its source ended or was closed). */
    public void join() {
        Thread t;
        synchronized (this) {
            t = reader;
        }
        if (t != null) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Reads the source to its end on the calling thread (dump mode): for one-shot commands. */
    public KernelWatch readToEnd() throws IOException {
        for (KernelLine l = source.next(); l != null; l = source.next()) {
            process(l);
        }
        assembler.flush();
        return this;
    }

    private void run() {
        try {
            for (KernelLine l = source.next(); l != null; l = source.next()) {
                process(l);
            }
        } catch (IOException | RuntimeException e) {
            failure = source.name() + ": " + e.getMessage();
            LOG.error("kernel log reader stopped: {}", failure, e);
        } finally {
            synchronized (assembler) {
                assembler.flush();
            }
        }
    }

    private void process(KernelLine line) {
        KernelClassifier.Match match = classifier.classify(line.text());
        lastSeq = line.seq();
        recent.add(new Classified(line, match));
        synchronized (assembler) {
            current = match;
            assembler.accept(line);
        }
        for (Listener l : listeners) {
            l.line(line, match);
        }
    }

    private void onIncident(IncidentListener.Event event, Incident incident, KernelLine line) {
        if (event != IncidentListener.Event.CLOSED) {
            journal(incident, line);
        }
        if (event == IncidentListener.Event.OPENED) {
            incidents.add(incident);
        } else {
            incidents.replaceLast(i -> i.id().equals(incident.id()), incident);
        }
        for (Listener l : listeners) {
            l.incident(event, incident);
        }
    }

    private void journal(Incident incident, KernelLine line) {
        if (journal == null || line.seq() <= journaledUpTo) {
            return;
        }
        KernelClassifier.Match m = current;
        try {
            journal.append(new JournalEntry(Instant.ofEpochMilli(line.receivedMillis()).toString(), source.logId(),
                    line.seq(), line.monotonicMicros(), m == null ? incident.severity() : m.severity(),
                    m == null ? null : m.patternId(), incident.id(), line.text()));
        } catch (IOException e) {
            LOG.error("{}", dev.r58ctl.DiskFull.message(journal.file(), e, "cannot write the incident journal"));
        }
    }

    /** Closes an incident whose report stopped mid-way (a dying board); call from a periodic tick. */
    public void closeIdle(long nowMillis) {
        synchronized (assembler) {
            assembler.closeIfIdle(nowMillis);
        }
    }

    /** The newest lines, oldest first. */
    public List<Classified> recent() {
        return recent.all();
    }

    /** Incidents seen, oldest first. */
    public List<Incident> incidents() {
        return incidents.all();
    }

    /** Incidents at or above {@code min} whose lines reach past sequence number {@code seq}. */
    public List<Incident> troubleSince(long seq, Severity min) {
        List<Incident> out = new ArrayList<>();
        for (Incident i : incidents.all()) {
            if (i.lastSeq() > seq && i.severity().atLeast(min)) {
                out.add(i);
            }
        }
        return out;
    }

    /** The sequence number of the last line read, or -1. */
    public long lastSeq() {
        return lastSeq;
    }

    /** Why the reader stopped, or null while it runs. */
    public String failure() {
        return failure;
    }

    @Override
    public void close() {
        source.close();
        Thread t = reader;
        if (t != null) {
            try {
                t.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
