package dev.r58ctl.stability;

import dev.r58ctl.config.Config;
import dev.r58ctl.kernel.IncidentJournal;
import dev.r58ctl.kernel.JournalEntry;
import dev.r58ctl.kernel.KernelLog;
import dev.r58ctl.kernel.PreviousBoot;
import dev.r58ctl.kernel.Severity;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds stability runs whose process died before writing a verdict and records how they ended. Guarantees: a run
 * whose process is still alive in this boot is left alone; a run from an earlier boot is recorded as "interrupted:
 * board went down" with what the previous boot's kernel log says; a run whose process died in this boot is
 * recorded as interrupted (or UNSTABLE when the journal holds kernel trouble after its mark). Kernel lines journaled
 * during the run are attached either way.
 */
public final class UnfinishedRuns {
    private static final Logger LOG = LoggerFactory.getLogger(UnfinishedRuns.class);
    public static final String BOARD_WENT_DOWN = "interrupted: board went down";

    private final Config config;
    private final RunStore store;

    public UnfinishedRuns(Config config) {
        this.config = config;
        this.store = new RunStore(config);
    }

    /** Records every unfinished run found; returns them as recorded now, oldest first. */
    public List<TestResult> recover() {
        List<TestResult> out = new ArrayList<>();
        KernelLog log = null;
        for (TestResult r : store.all()) {
            if (r.verdict() != Verdict.RUNNING) {
                continue;
            }
            log = log != null ? log : new KernelLog(config);
            String boot = log.bootId();
            RunProcess p = r.process();
            boolean sameBoot = p == null || Objects.equals(p.bootId(), boot);
            if (sameBoot && p != null && p.alive()) {
                continue; // another r58ctl is running this test right now
            }
            KernelEvidence kernel = withJournal(log, r.kernel());
            String now = Instant.now().toString();
            TestResult done;
            if (!sameBoot) {
                BootEvidence prev = previousBoot(log.previousBoot());
                TroubleIncident worst = prev.trouble().stream().filter(i -> i.severity().equals("CRITICAL"))
                        .findFirst().orElse(prev.trouble().isEmpty() ? null : prev.trouble().get(0));
                String why = BOARD_WENT_DOWN + (prev.crashed() && worst != null
                        ? " (the previous boot ended in: " + worst.title() + ")"
                        : prev.source() == null ? " (no record of the previous boot: " + prev.note() + ")"
                        : " (the previous boot's log shows no crash; a power cut?)");
                done = withCheck(r, why).ended(Verdict.INTERRUPTED, why, now, prev, kernel);
            } else if (kernel != null && !kernel.trouble().isEmpty()) {
                String why = "interrupted: r58ctl ended during the test after kernel trouble: "
                        + kernel.trouble().get(0).title();
                done = withCheck(r, why).ended(Verdict.UNSTABLE, why, now, null, kernel);
            } else {
                String why = "interrupted: r58ctl ended during the test (killed?); the board stayed up";
                done = withCheck(r, why).ended(Verdict.INTERRUPTED, why, now, null, kernel);
            }
            store.write(done);
            LOG.warn("stability run {} found unfinished: {}", r.id(), done.reason());
            out.add(done);
        }
        return out;
    }

    private static TestResult withCheck(TestResult r, String why) {
        List<Criterion> checks = new ArrayList<>(r.checks());
        checks.add(Criterion.failed("finished", why));
        return new TestResult(r.id(), r.startedAt(), r.endedAt(), r.verdict(), r.reason(), r.plan(), checks,
                r.ranMs(), r.wallMs(), r.frames(), r.cpu(), r.series(), r.kernel(), r.busErrors(), r.process(),
                r.previousBoot());
    }

    /** The run's kernel evidence with what the journal kept after its mark: lines read before the process died. */
    private KernelEvidence withJournal(KernelLog log, KernelEvidence k) {
        if (k == null) {
            return null;
        }
        Severity min = Severity.valueOf(k.threshold());
        Map<String, List<String>> byIncident = new LinkedHashMap<>();
        Map<String, String> severity = new LinkedHashMap<>();
        try (IncidentJournal journal = log.journal()) {
            for (JournalEntry e : journal.read(e -> e.log().equals(k.log()) && e.seq() > k.markSeq())) {
                byIncident.computeIfAbsent(e.incident(), i -> new ArrayList<>()).add(e.text());
                String worst = severity.get(e.incident());
                if (worst == null || e.severity().atLeast(Severity.valueOf(worst))) {
                    severity.put(e.incident(), e.severity().name());
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("cannot read the incident journal: {}", e.getMessage());
            return k;
        }
        List<TroubleIncident> trouble = new ArrayList<>();
        byIncident.forEach((id, lines) -> {
            if (Severity.valueOf(severity.get(id)).atLeast(min)) {
                trouble.add(new TroubleIncident(id, severity.get(id), lines.get(0), List.copyOf(lines)));
            }
        });
        return new KernelEvidence(k.source(), k.log(), k.mark(), k.markSeq(), k.threshold(),
                trouble.isEmpty() ? k.trouble() : List.copyOf(trouble), k.stopLatencyMs());
    }

    private static BootEvidence previousBoot(PreviousBoot.Report r) {
        List<TroubleIncident> trouble = r.incidents().stream()
                .filter(i -> i.severity().atLeast(Severity.WARNING)).map(TroubleIncident::of).toList();
        return new BootEvidence(r.source(), r.crashed(), trouble, r.lastLines(), r.note());
    }
}
