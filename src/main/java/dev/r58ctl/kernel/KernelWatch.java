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

        /**
         * Whether {@link #line} must see ordinary lines (those with no match) too. A listener that answers false
         * gets the classified lines and those of open incidents; when every listener answers false, the watch
         * passes over the other lines without decoding them, which is most of the work on a long log.
         */
        default boolean ordinaryLines() {
            return true;
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
    /** Some listener wants every line, so none may be passed over. */
    private volatile boolean everyLine;
    private final KernelSource.Skip skipper = new KernelSource.Skip() {
        @Override
        public boolean skip(byte[] utf8, int from, int to, long seq) {
            return KernelWatch.this.skip(utf8, from, to, seq);
        }

        @Override
        public int firstOfInterest(byte[] utf8, int from, int to) {
            return KernelWatch.this.firstOfInterest(utf8, from, to);
        }

        @Override
        public void passedOver(long seq) {
            lastSeq = seq;
        }
    };

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
        if (listener.ordinaryLines()) {
            everyLine = true;
        }
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
        for (KernelLine l = source.next(skipper); l != null; l = source.next(skipper)) {
            process(l);
        }
        assembler.flush();
        return this;
    }

    private void run() {
        try {
            for (KernelLine l = source.next(skipper); l != null; l = source.next(skipper)) {
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

    /**
     * Passes over a line that cannot matter: no listener wants ordinary lines, no incident is open (which it
     * could join or close), and no pattern's literal is in its bytes, so it is not trouble. Such a line is
     * not decoded, not kept in {@link #recent()} and not heard by listeners; its number still counts.
     */
    private boolean skip(byte[] utf8, int from, int to, long seq) {
        if (everyLine || assembler.hasOpenIncident()
                || classifier.mayMatch(utf8, KernelText.textStartBound(utf8, from, to), to)) {
            return false;
        }
        lastSeq = seq;
        return true;
    }

    /**
     * Where the lines that {@link #skip} would surely pass over end: before the line holding the first literal
     * of the classifier, while nobody wants ordinary lines and no incident is open (which any line could join or
     * close); nowhere otherwise.
     */
    private int firstOfInterest(byte[] utf8, int from, int to) {
        if (everyLine || assembler.hasOpenIncident()) {
            return from;
        }
        return classifier.firstLiteral(utf8, from, to);
    }

    private void process(KernelLine line) {
        KernelClassifier.Match match = classifier.classify(line.text());
        lastSeq = line.seq();
        recent.add(new Classified(line, match));
        synchronized (assembler) {
            current = match;
            assembler.accept(line, match);
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

    /**
     * The newest lines, oldest first. While no listener wants ordinary lines ({@link Listener#ordinaryLines}),
     * only the lines that were read in full are here.
     */
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
