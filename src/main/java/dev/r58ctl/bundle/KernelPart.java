package dev.r58ctl.bundle;

import dev.r58ctl.R58Exception;
import dev.r58ctl.kernel.IncidentJournal;
import dev.r58ctl.kernel.KernelClassifier;
import dev.r58ctl.kernel.KernelLine;
import dev.r58ctl.kernel.KernelLog;
import dev.r58ctl.kernel.KernelMarks;
import dev.r58ctl.kernel.KernelWatch;
import dev.r58ctl.kernel.PreviousBoot;
import dev.r58ctl.kernel.Severity;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;

/**
 * The kernel's side of a bundle: this boot's lines after a mark (or all of them), and every line the previous boot
 * left. Reading this boot's log journals any trouble not journaled yet, and the journal is closed (forced) before
 * the bundle copies it, so the copy holds everything the bundle's own lines show.
 */
final class KernelPart {
    /** Lines of a kernel log as text, with what was read and from where. */
    record Text(String source, String text, int lines, String note) {
    }

    private final KernelLog log;

    KernelPart(KernelLog log) {
        this.log = log;
    }

    /** The mark named {@code name}, or a bad-input error naming it and the marks there are. */
    static KernelMarks.Mark requireMark(KernelLog log, String name) {
        Map<String, KernelMarks.Mark> all = log.marks().all();
        KernelMarks.Mark mark = all.get(name);
        if (mark == null) {
            throw R58Exception.badInput("no kernel-log mark \"" + name + "\"; known marks: "
                    + (all.isEmpty() ? "none (take one with r58ctl kmsg mark NAME)" : String.join(", ", all.keySet())));
        }
        return mark;
    }

    /** This boot's lines after {@code mark}, or all of them when it is null or was taken in another log. */
    Text thisBoot(String markName, KernelMarks.Mark mark) throws IOException {
        IncidentJournal journal = journal();
        StringBuilder sb = new StringBuilder();
        int[] count = {0};
        try (journal; KernelWatch watch = new KernelWatch(log.open(false), log.classifier(), journal)) {
            String logId = watch.source().logId();
            boolean sameLog = mark != null && mark.log().equals(logId);
            long after = sameLog ? mark.seq() : -1;
            watch.subscribe(new KernelWatch.Listener() {
                @Override
                public void line(KernelLine line, KernelClassifier.Match match) {
                    if (line.seq() > after) {
                        sb.append(format(line, match == null ? Severity.INFO : match.severity())).append('\n');
                        count[0]++;
                    }
                }
            });
            watch.readToEnd();
            String note = mark == null ? "all of this boot"
                    : sameLog ? "after mark " + markName + " (sequence number " + mark.seq() + ", taken " + mark.time() + ")"
                    : "mark " + markName + " was taken in another log (" + mark.log() + "): all of this one";
            return new Text(watch.source().name(), sb.toString(), count[0], note);
        }
    }

    /** The incident journal, or null when the state directory cannot take it: the lines are still worth having. */
    private IncidentJournal journal() {
        try {
            return log.journal();
        } catch (R58Exception e) {
            return null;
        }
    }

    /** Every line the previous boot left, or null with why in the note. */
    Text previousBoot() {
        PreviousBoot.Lines prev = log.previousBootLines();
        if (prev.source() == null) {
            return new Text(null, null, 0, prev.note());
        }
        StringBuilder sb = new StringBuilder();
        for (KernelLine l : prev.lines()) {
            KernelClassifier.Match m = log.classifier().classify(l.text());
            sb.append(format(l, m == null ? Severity.INFO : m.severity())).append('\n');
        }
        return new Text(prev.source(), sb.toString(), prev.lines().size(), prev.dump() ? "a pstore dump" : null);
    }

    /** As {@code r58ctl kmsg} prints a line: severity letter, the kernel's timestamp, the text. */
    static String format(KernelLine l, Severity s) {
        char letter = s.letter() == 'I' ? ' ' : s.letter();
        String ts = l.monotonicMicros() < 0 ? "" : String.format(Locale.ROOT, "[%5d.%06d] ",
                l.monotonicMicros() / 1_000_000, l.monotonicMicros() % 1_000_000);
        return letter + " " + ts + l.text();
    }
}
