package dev.r58ctl.guard;

import dev.r58ctl.R58Exception;
import dev.r58ctl.config.Config;
import dev.r58ctl.kernel.Incident;
import dev.r58ctl.kernel.IncidentJournal;
import dev.r58ctl.kernel.JournalEntry;
import dev.r58ctl.kernel.KernelLine;
import dev.r58ctl.kernel.KernelLog;
import dev.r58ctl.kernel.KernelSources;
import dev.r58ctl.kernel.PreviousBoot;
import dev.r58ctl.kernel.Severity;
import dev.r58ctl.repo.RepoView;
import dev.r58ctl.repo.Rollback;
import dev.r58ctl.repo.RollbackResult;
import java.io.IOException;
import java.nio.file.Path;
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
 *
 * <p>It acts on the trial record alone (checkout, service, health check and kernel log as recorded when the trial
 * was armed), so it works when the configuration cannot be read at boot; only a record of an older r58ctl, which
 * does not hold them, takes them from the configuration, and is refused with one line, nothing changed, when
 * there is none. The configuration's problem, if any, is named in the result.
 */
public final class BootGuard {
    private static final Logger LOG = LoggerFactory.getLogger(BootGuard.class);
    private static final int MAX_EVIDENCE = 40;
    private static final Path BOOT_ID = Path.of("/proc/sys/kernel/random/boot_id");

    private final Path stateDir;
    private final Config config;
    private final String configProblem;
    private final GuardStore store;

    public BootGuard(Config config) {
        this(config.stateDir(), config, null);
    }

    /**
     * @param stateDir      the state directory holding {@code guard/trial.json}
     * @param config        the configuration, or null when it cannot be read
     * @param configProblem why it cannot be read, in one line, or null
     */
    public BootGuard(Path stateDir, Config config, String configProblem) {
        this.stateDir = stateDir;
        this.config = config;
        this.configProblem = configProblem;
        this.store = Trial.store(stateDir);
    }

    public GuardResult run() {
        Optional<TrialState> armed = store.trial();
        if (armed.isEmpty()) {
            String boot = config != null ? new KernelLog(config).bootId() : new KernelSources(BOOT_ID).bootId();
            return GuardResult.nothing("no trial armed; nothing to do", boot, null, configProblem);
        }
        TrialState state = armed.get();
        TrialSetup setup = setup(state);
        KernelLog kernel = new KernelLog(setup.kernelLog(), stateDir);
        String boot = kernel.bootId();
        if (state.rolling() != null) {
            LOG.warn("guard: finishing the rollback started in boot {} ({})", state.rolling().boot(),
                    state.rolling().summary());
            return rollBack(state, setup);
        }
        if (state.boots().contains(boot)) {
            return GuardResult.nothing("boot " + boot + " already checked; nothing to do", boot, state.underTest(),
                    configProblem);
        }
        TrialState seen = state.withBoot(boot);
        TrialState.Rolling why = decide(seen, boot, kernel);
        if (why == null) {
            store.saveTrial(seen);
            String line = "trial of " + Trial.shortId(seen.underTest()) + ": boot " + seen.bootsSinceArming() + " of "
                    + seen.maxBoots() + " since arming, previous boot clean; nothing changed";
            LOG.info("guard: {}", line);
            return GuardResult.nothing(line, boot, seen.underTest(), configProblem);
        }
        TrialState rolling = seen.withRolling(why);
        store.saveTrial(rolling);
        LOG.warn("guard: {}; rolling back to {}", why.summary(), seen.returnTo());
        return rollBack(rolling, setup);
    }

    /** What to act on: the trial record's own settings, or for an older record the configuration's. */
    private TrialSetup setup(TrialState s) {
        if (configProblem != null) {
            LOG.warn("guard: the configuration cannot be read ({}); acting on the trial record", configProblem);
        }
        if (s.setup().complete()) {
            return s.setup();
        }
        if (config != null) {
            LOG.info("guard: the trial record holds no recorder settings (an older r58ctl armed it); using the "
                    + "configuration's");
            return TrialSetup.of(config);
        }
        throw R58Exception.failed("guard: the trial record " + store.dir().resolve(GuardStore.TRIAL) + " was written "
                + "by an older r58ctl and holds no recorder settings, and the configuration cannot be read ("
                + configProblem + "): fix the configuration and run `r58ctl guard boot` again (nothing changed)");
    }

    /** Why to roll back, or null. */
    private TrialState.Rolling decide(TrialState s, String boot, KernelLog kernel) {
        String now = Instant.now().toString();
        List<String> evidence = crashEvidence(s, boot, kernel);
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

    private List<String> crashEvidence(TrialState s, String boot, KernelLog kernel) {
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

    private GuardResult rollBack(TrialState s, TrialSetup setup) {
        TrialState.Rolling why = s.rolling();
        Path journalDir = stateDir.resolve("rollback");
        RollbackResult r;
        try (RepoView view = RepoView.open(setup.repoPath())) {
            Rollback rollback = new Rollback(view, journalDir);
            rollback = Rollback.interrupted(journalDir).isPresent() ? rollback.finish() : rollback.to(s.returnTo());
            // an interrupted rollback's journal says which service it stopped; the record's counts otherwise
            if (config != null) {
                rollback.recordings(config::recordingDirs); // named should the disk be full; never read otherwise
            }
            r = rollback.recorderService(setup.serviceSpec(), setup.healthUrl(), setup.healthTimeout()).call();
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
                s.underTest(), s.returnTo(), r.outcome(), health, Instant.now().toString(), configProblem);
        store.saveLast(result);
        store.disarm();
        LOG.warn("guard: {}", line);
        return result;
    }
}
