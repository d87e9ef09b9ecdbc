package dev.r58ctl.guard;

import dev.r58ctl.R58Exception;
import dev.r58ctl.config.Config;
import dev.r58ctl.kernel.KernelLog;
import dev.r58ctl.repo.KnownGood;
import dev.r58ctl.repo.RepoView;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.lib.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Arms, commits and aborts the panic-safe trial. Arming records the commit under test, the commit to return to, the
 * boot and everything the boot guard acts on (checkout, service, health check, kernel log: {@link TrialSetup}), or
 * refuses and writes nothing; commit marks the commit under test known-good and disarms; abort
 * disarms; none of them touches the checkout.
 */
public final class Trial {
    private static final Logger LOG = LoggerFactory.getLogger(Trial.class);

    private final Config config;
    private final GuardStore store;

    public Trial(Config config) {
        this.config = config;
        this.store = store(config);
    }

    /** Where the guard keeps its state for this configuration. */
    public static GuardStore store(Config config) {
        return store(config.stateDir());
    }

    /** Where the guard keeps its state under {@code stateDir}. */
    public static GuardStore store(java.nio.file.Path stateDir) {
        return new GuardStore(stateDir.resolve("guard"));
    }

    public GuardStore store() {
        return store;
    }

    /**
     * Arms a trial of HEAD.
     *
     * @param rollbackTo the commit to return to, or null for the newest known-good mark
     * @param window     null for guard.window
     * @param maxBoots   null for guard.max_boots
     */
    public TrialState arm(String rollbackTo, Duration window, Integer maxBoots) {
        Optional<TrialState> armed = store.trial();
        if (armed.isPresent()) {
            throw R58Exception.failed("a trial of " + shortId(armed.get().underTest()) + " is already armed: "
                    + "`r58ctl trial commit` or `r58ctl trial abort` it first (nothing changed)");
        }
        String boot = new KernelLog(config).bootId();
        TrialState state;
        try (RepoView view = RepoView.open(config.recorder().repo())) {
            String head = view.resolve("HEAD").name();
            String to;
            String name;
            if (rollbackTo != null) {
                ObjectId id = view.resolve(rollbackTo);
                to = id.name();
                name = rollbackTo;
            } else {
                KnownGood.Mark mark = new KnownGood(view).newest().orElseThrow(() -> R58Exception.failed(
                        "no known-good mark to return to: mark one with `r58ctl repo mark-good` or give "
                                + "--rollback-to REF (nothing armed)"));
                to = mark.commit();
                name = mark.name();
            }
            state = new TrialState(head, to, name, boot, Instant.now().toString(),
                    (window == null ? config.guard().window() : window).toSeconds(),
                    maxBoots == null ? config.guard().maxBoots() : maxBoots, List.of(boot), null,
                    TrialSetup.of(config));
        }
        store.saveTrial(state);
        LOG.info("trial armed: {} under test, return to {} ({}), boot {}", state.underTest(), state.returnTo(),
                state.returnToName(), boot);
        return state;
    }

    public Optional<TrialState> armed() {
        return store.trial();
    }

    /** Marks the commit under test known-good and disarms. */
    public KnownGood.Mark commit() {
        TrialState state = requireArmed();
        KnownGood.Mark mark;
        try (RepoView view = RepoView.open(config.recorder().repo())) {
            mark = new KnownGood(view).mark(state.underTest());
        }
        store.disarm();
        LOG.info("trial committed: {} marked known-good as {}", state.underTest(), mark.name());
        return mark;
    }

    /** Disarms without changing anything else. */
    public TrialState abort() {
        TrialState state = requireArmed();
        store.disarm();
        LOG.info("trial of {} aborted", state.underTest());
        return state;
    }

    private TrialState requireArmed() {
        return store.trial().orElseThrow(() -> R58Exception.failed("no trial is armed (`r58ctl trial arm` arms one)"));
    }

    static String shortId(String id) {
        return id == null ? "-" : id.substring(0, Math.min(7, id.length()));
    }
}
