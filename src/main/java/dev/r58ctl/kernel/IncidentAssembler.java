package dev.r58ctl.kernel;

import dev.r58ctl.kernel.IncidentListener.Event;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Keeps a multi-line kernel report together as one {@link Incident}. Guarantees: the listener hears
 * OPENED in the very call that accepted an incident's first line; a report runs from its first line
 * (cut here, Unable to handle, Internal error, BUG:, WARNING:, a stall...) through its details, call
 * trace and Code: line to {@code ---[ end ... ]---}, or to the first line that is not part of it; a
 * classified line outside a report is an incident of its own; an incident also closes on a gap of more
 * than two seconds in kernel time, on {@link #closeIfIdle}, and on {@link #flush()}. Ordinary lines
 * outside incidents are dropped. State is updated before listeners run. Not thread-safe: one reader
 * thread feeds it.
 */
public final class IncidentAssembler {
    /** Lines kept per incident; a stuck machine can print backtraces without end. */
    public static final int MAX_LINES = 1000;
    /** Default gap in kernel time that ends an incident. */
    public static final long DEFAULT_GAP_MICROS = 2_000_000;

    private final KernelClassifier classifier;
    private final IncidentListener listener;
    private final long gapMicros;
    private Open open;

    public IncidentAssembler(KernelClassifier classifier, IncidentListener listener) {
        this(classifier, listener, DEFAULT_GAP_MICROS);
    }

    public IncidentAssembler(KernelClassifier classifier, IncidentListener listener, long gapMicros) {
        this.classifier = Objects.requireNonNull(classifier);
        this.listener = Objects.requireNonNull(listener);
        this.gapMicros = gapMicros;
    }

    /** Feeds the next line, in the order the source gave them. */
    public void accept(KernelLine line) {
        accept(line, ReportShape.isNeutral(line.text()) ? null : classifier.classify(line.text()));
    }

    /**
     * Feeds the next line with its classification, for a caller that has classified it already.
     *
     * @param match what this assembler's classifier says of the line's text
     */
    public void accept(KernelLine line, KernelClassifier.Match match) {
        String text = line.text();
        if (open != null && open.gapBefore(line, gapMicros)) {
            close();
        }
        if (ReportShape.isNeutral(text)) {
            return;
        }
        if (open != null) {
            if (joins(text, match)) {
                open.add(line, match);
                listener.incident(Event.LINE_ADDED, open.snapshot(), line);
                if (ReportShape.isEnd(text)) {
                    close();
                }
                return;
            }
            close();
        }
        if (match != null) {
            open = new Open(line, match);
            listener.incident(Event.OPENED, open.snapshot(), line);
            if (ReportShape.isEnd(text)) {
                close();
            }
        }
    }

    /**
     * Whether a line continues the open incident. A report takes its body lines and, before its trace,
     * any classified line (Unable to handle is followed by Internal error, cut here by WARNING). After
     * the trace heading, only trace-shaped lines continue it and a new report start begins another. A
     * lone classified line takes body lines (the stack dump after a hung task) and more lines of the
     * same pattern (a driver's burst of errors).
     */
    private boolean joins(String text, KernelClassifier.Match match) {
        boolean start = match != null && ReportShape.isStart(text);
        if (start && ReportShape.isCutHere(text)) {
            return false;
        }
        boolean body = ReportShape.isBody(text);
        if (open.inTrace) {
            return body && !start;
        }
        if (open.report) {
            return body || match != null;
        }
        if (start) {
            return false;
        }
        return body || (match != null && match.patternId().equals(open.firstPatternId));
    }

    /** Closes the open incident, if any: at the end of a source, or before waiting a long time. */
    public void flush() {
        if (open != null) {
            close();
        }
    }

    /**
     * Closes the open incident when nothing was read for the gap: a dying board's last Oops may have no
     * line after it. Call it from the reader's timer.
     */
    public void closeIfIdle(long nowMillis) {
        if (open != null && nowMillis - open.lastReceivedMillis > gapMicros / 1000) {
            close();
        }
    }

    /** True while an incident is open. */
    public boolean hasOpenIncident() {
        return open != null;
    }

    private void close() {
        Open closing = open;
        open = null;
        listener.incident(Event.CLOSED, closing.snapshot(), closing.last);
    }

    /** The incident being built. */
    private static final class Open {
        private final String id;
        private final long firstSeq;
        private final long openedMillis;
        private final String firstPatternId;
        private final List<KernelLine> lines = new ArrayList<>();
        private Severity severity;
        private String title;
        private boolean titleIsMarker;
        private boolean report;
        private boolean inTrace;
        private KernelLine last;
        private long lastMicros = -1;
        private long lastReceivedMillis;
        private int dropped;

        Open(KernelLine first, KernelClassifier.Match match) {
            id = "K" + first.seq();
            firstSeq = first.seq();
            openedMillis = first.receivedMillis();
            firstPatternId = match.patternId();
            severity = match.severity();
            report = ReportShape.isStart(first.text());
            add(first, match);
        }

        void add(KernelLine line, KernelClassifier.Match match) {
            String text = line.text();
            if (match != null) {
                severity = match.severity().compareTo(severity) > 0 ? match.severity() : severity;
                if (title == null || titleIsMarker) {
                    title = text;
                    titleIsMarker = ReportShape.isCutHere(text);
                }
            }
            if (lines.size() > 0 && ReportShape.isBody(text)) {
                report = true;
            }
            if (ReportShape.isTraceHeading(text)) {
                report = true;
                inTrace = true;
            }
            if (lines.size() < MAX_LINES) {
                lines.add(line);
            } else {
                dropped++;
            }
            last = line;
            lastReceivedMillis = line.receivedMillis();
            if (line.monotonicMicros() >= 0) {
                lastMicros = line.monotonicMicros();
            }
        }

        /** A jump of more than the gap either way: forwards is silence, backwards is a reboot. */
        boolean gapBefore(KernelLine line, long gapMicros) {
            return lastMicros >= 0 && line.monotonicMicros() >= 0
                    && Math.abs(line.monotonicMicros() - lastMicros) > gapMicros;
        }

        Incident snapshot() {
            return new Incident(id, severity, title, lines, firstSeq, last.seq(), openedMillis, dropped);
        }
    }
}
