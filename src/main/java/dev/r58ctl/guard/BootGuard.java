package dev.r58ctl.guard;

import dev.r58ctl.R58Exception;
import dev.r58ctl.config.Config;
import dev.r58ctl.kernel.Incident;
import dev.r58ctl.kernel.IncidentJournal;
import dev.r58ctl.kernel.JournalEntry;
import dev.r58ctl.kernel.KernelLine;
import dev.r58ctl.kernel.KernelLog;
import dev.r58ctl.kernel.PreviousBoot;
import dev.r58ctl.kernel.Severity;
import dev.r58ctl.repo.RepoView;
import dev.r58ctl.repo.Rollback;
import dev.r58ctl.repo.RollbackResult;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code guard boot}: run once at boot. With no trial armed, or in the boot already checked, it changes nothing.
 * With a trial armed it rolls back to the commit to return to when the previous boot ended in a panic or Oops (or
 * r58ctl's incident journal holds a critical line from a boot since arming), when more than max-boots boots passed,
 * or when the window passed; it writes why before it starts, so a guard killed half way is finished by the next
 * run, and records the outcome with the evidence in {@code last.json} before it disarms.
 */
public final class BootGuard {
    private static final Logger LOG = LoggerFactory.getLogger(BootGuard.class);
    private static final int MAX_EVIDENCE = 40;

    private final Config config;
    private final GuardStore store;
    private final KernelLog kernel;

    public BootGuard(Config config) {
        this.config = config;
        this.store = Trial.store(config);
        this.kernel = new KernelLog(config);
    }

    public GuardResult run() {
        Optional<TrialState> armed = store.trial();
        String boot = kernel.bootId();
        if (armed.isEmpty()) {
            return GuardResult.nothing("no trial armed; nothing to do", boot);
        }
        TrialState state = armed.get();
        if (state.rolling() != null) {
            LOG.warn("guard: finishing the rollback started in boot {} ({})", state.rolling().boot(),
                    state.rolling().summary());
            return rollBack(state);
        }
        if (state.boots().contains(boot)) {
            return GuardResult.nothing("boot " + boot + " already checked; nothing to do", boot);
        }
        TrialState seen = state.withBoot(boot);
        TrialState.Rolling why = decide(seen, boot);
        if (why == null) {
            store.saveTrial(seen);
            String line = "trial of " + Trial.shortId(seen.underTest()) + ": boot " + seen.bootsSinceArming() + " of "
                    + seen.maxBoots() + " since arming, previous boot clean; nothing changed";
            LOG.info("guard: {}", line);
            return GuardResult.nothing(line, boot);
        }
        TrialState rolling = seen.withRolling(why);
        store.saveTrial(rolling);
        LOG.warn("guard: {}; rolling back to {}", why.summary(), seen.returnTo());
        return rollBack(rolling);
    }

    /** Why to roll back, or null. */
    private TrialState.Rolling decide(TrialState s, String boot) {
        String now = Instant.now().toString();
        List<String> evidence = crashEvidence(s, boot);
        if (!evidence.isEmpty()) {
            return new TrialState.Rolling("crash", "the previous boot ended in a kernel panic or Oops", evidence, boot,
                    now);
        }
        if (s.bootsSinceArming() > s.maxBoots()) {
            List<String> ids = new ArrayList<>();
            for (int i = 1; i < s.boots().size(); i++) {
                ids.add("boot " + i + ": " + s.boots().get(i));
            }
            return new TrialState.Rolling("boots", s.bootsSinceArming() + " boots since arming without a commit "
                    + "(max " + s.maxBoots() + ")", ids, boot, now);
        }
        Instant end = s.armedInstant().plusSeconds(s.windowSeconds());
        if (Instant.now().isAfter(end)) {
            return new TrialState.Rolling("window", "the trial window of " + java.time.Duration.ofSeconds(
                    s.windowSeconds()).toString().substring(2).toLowerCase() + " passed at " + end
                    + " without a commit", List.of("armed at " + s.armedAt()), boot, now);
        }
        return null;
    }

    private List<String> crashEvidence(TrialState s, String boot) {
        List<String> out = new ArrayList<>();
        PreviousBoot.Report prev = kernel.previousBoot();
        if (prev.crashed()) {
            out.add("previous boot (" + prev.source() + "):");
            List<Incident> critical = prev.incidents().stream().filter(i -> i.severity() == Severity.CRITICAL).toList();
            if (critical.isEmpty()) {
                out.addAll(prev.lastLines());
            }
            for (Incident i : critical) {
                i.lines().stream().map(KernelLine::text).forEach(out::add);
            }
        }
        // r58ctl's own journal: critical lines from the boots since arming (not this one), after the arming
        List<String> before = s.boots().stream().filter(b -> !b.equals(boot)).toList();
        Instant armedAt = s.armedInstant();
        try (IncidentJournal journal = kernel.journal()) {
            List<JournalEntry> entries = journal.read(e -> e.severity() == Severity.CRITICAL
                    && before.contains(e.log()) && !armedTime(e).isBefore(armedAt));
            if (!entries.isEmpty()) {
                out.add("incident journal " + journal.file() + ":");
                entries.forEach(e -> out.add(e.text()));
            }
        } catch (IOException | R58Exception e) {
            LOG.warn("guard: cannot read the incident journal: {}", e.getMessage());
        }
        return out.size() > MAX_EVIDENCE ? List.copyOf(out.subList(0, MAX_EVIDENCE)) : out;
    }

    private static Instant armedTime(JournalEntry e) {
        try {
            return Instant.parse(e.time());
        } catch (RuntimeException bad) {
            return Instant.MAX; // an entry without a readable time counts: better a needless rollback than a crash loop
        }
    }

    private GuardResult rollBack(TrialState s) {
        TrialState.Rolling why = s.rolling();
        java.nio.file.Path journalDir = config.stateDir().resolve("rollback");
        RollbackResult r;
        try (RepoView view = RepoView.open(config.recorder().repo())) {
            Rollback rollback = new Rollback(view, journalDir);
            rollback = Rollback.interrupted(journalDir).isPresent() ? rollback.finish() : rollback.to(s.returnTo());
            r = rollback.recorderService(config).call();
        } catch (R58Exception e) {
            // the trial stays armed with its reason: the next guard boot (or the operator) finishes it
            LOG.error("guard: rollback to {} failed: {}", s.returnTo(), e.getMessage());
            throw R58Exception.failed("guard: " + why.summary() + ", but the rollback to "
                    + Trial.shortId(s.returnTo()) + " failed: " + e.getMessage());
        }
        String health = r.health() == null ? null : r.health().detail();
        String line = "rolled back from " + Trial.shortId(s.underTest()) + " to " + Trial.shortId(s.returnTo())
                + " (" + s.returnToName() + "): " + why.summary() + "; "
                + (r.ok() ? "service healthy" : "service NOT healthy: " + health);
        GuardResult result = new GuardResult("rolled-back", line, why.reason(), why.evidence(), why.boot(),
                s.underTest(), s.returnTo(), r.outcome(), health, Instant.now().toString());
        store.saveLast(result);
        store.disarm();
        LOG.warn("guard: {}", line);
        return result;
    }
}
