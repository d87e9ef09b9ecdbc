package dev.r58ctl.checklist;

import dev.r58ctl.R58Exception;
import dev.r58ctl.kernel.Incident;
import dev.r58ctl.kernel.IncidentJournal;
import dev.r58ctl.kernel.JournalEntry;
import dev.r58ctl.kernel.KernelLog;
import dev.r58ctl.kernel.KernelMarks;
import dev.r58ctl.kernel.KernelWatch;
import dev.r58ctl.kernel.Severity;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * "Check dmesg for kernel errors", done from evidence: the kernel log and r58ctl's incident journal since the mark
 * the encode test took at its start, at the stability threshold ({@code stability.kernel_trouble}) or worse. The
 * journal keeps what a reboot would have wiped from the live log.
 */
final class KernelCheck {
    private KernelCheck() {
    }

    /** No kernel trouble since the encode test's mark. */
    static Evidence clean(StepContext ctx) {
        StepRecord enc = ctx.evidenceOf(StepOperation.TEST_ENCODE);
        if (enc == null || enc.mark() == null) {
            return Evidence.failed("no encode test with a kernel mark in this walk: run test-encode first");
        }
        List<String> trouble = troubleSince(ctx, enc.mark());
        Severity min = Severity.parse(ctx.config.stability().kernelTrouble());
        return (trouble.isEmpty() ? Evidence.ok("no kernel lines at " + min.name() + " or worse since mark "
                + enc.mark()) : Evidence.failed(trouble.size() + " kernel line(s) at " + min.name()
                + " or worse since mark " + enc.mark() + ", first: " + trouble.get(0))).withRun(null, enc.mark());
    }

    /** After the tests: no kernel trouble since the first test began, and the matrix says STABLE. */
    static Evidence systemStable(StepContext ctx) {
        Evidence kernel = clean(ctx);
        Decision d = Decision.of(ctx.config);
        if (!kernel.ok()) {
            return kernel;
        }
        return new Evidence(d.status() == dev.r58ctl.stability.MatrixStatus.STABLE, null, kernel.mark(), null, null,
                kernel.detail() + "; matrix " + d.status() + " for " + d.key() + ": " + d.why());
    }

    /** Kernel lines at the threshold or worse after {@code markName}, from the journal and the live log. */
    static List<String> troubleSince(StepContext ctx, String markName) {
        KernelLog log = new KernelLog(ctx.config);
        KernelMarks.Mark mark = log.marks().get(markName);
        Severity min = Severity.parse(ctx.config.stability().kernelTrouble());
        List<String> out = new ArrayList<>();
        try (KernelWatch dump = log.watch(false)) {
            dump.readToEnd(); // journals anything new on the way
            if (dump.source().logId().equals(mark.log())) {
                for (Incident i : dump.troubleSince(mark.seq(), min)) {
                    out.add(i.title());
                }
            }
        } catch (IOException | R58Exception e) {
            throw R58Exception.failed("cannot read the kernel log (" + e.getMessage() + "); nothing proven");
        }
        try (IncidentJournal journal = log.journal()) {
            for (JournalEntry e : journal.read(e -> e.log().equals(mark.log()) && e.seq() > mark.seq()
                    && e.severity().atLeast(min) && e.pattern() != null)) {
                if (!out.contains(e.text())) {
                    out.add(e.text());
                }
            }
        } catch (IOException e) {
            throw R58Exception.failed("cannot read the incident journal: " + e.getMessage());
        }
        return out;
    }
}
