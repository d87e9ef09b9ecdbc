package dev.r58ctl.repo;

import dev.r58ctl.DiskFull;
import dev.r58ctl.FreeSpace;
import dev.r58ctl.R58Exception;
import dev.r58ctl.host.HealthCheck;
import dev.r58ctl.host.ServiceControl;
import dev.r58ctl.host.ServiceSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rolls the checkout back to a commit so that nothing is lost and every run ends with a verified answer: HEAD and
 * uncommitted work are saved under {@code refs/r58ctl/backup/ID/} before the service is stopped and the tree reset;
 * untracked and ignored files (recordings) are never touched; each step is journaled before it starts, so a run cut
 * short can be finished or undone; and an undo returns to the state before the last rollback, uncommitted work
 * included, backing up what it replaces in turn. It either completes or refuses before it changes anything when a
 * disk it writes to (the state directory's, the checkout's) lacks the room it needs, naming the disk and what to
 * free ({@link RollbackSpace}, {@link FreeSpace}); a write that fails all the same (a race) stops it in one line with
 * the journal saying where, for a finish or an undo.
 */
public final class Rollback {
    private static final Logger LOG = LoggerFactory.getLogger(Rollback.class);

    private final RepoView view;
    private final Path journalDir;
    /** Where a rollback goes: a named commit, the newest known-good mark, back before the last one, or on. */
    private enum Mode { TO, LAST_GOOD, UNDO, FINISH }

    private Mode mode;
    private String toRev;
    private ServiceControl service;
    private HealthCheck health;
    private Duration healthWait = Duration.ofSeconds(30);
    /** Set by recorderService: the service is the one the plan records (see there). */
    private boolean recorder;
    private RollbackPlanner.Service recorderFallback;
    private Progress progress = Progress.NONE;
    private Supplier<Collection<Path>> recordings = List::of;
    private RollbackPlan plan;
    private RollbackJournal resume;
    private RollbackJournal undone;

    public Rollback(RepoView view, Path journalDir) {
        this.view = view;
        this.journalDir = journalDir;
    }

    private Rollback mode(Mode m) {
        if (mode != null) {
            throw R58Exception.badInput("choose one of --to, --last-good, --undo and --finish");
        }
        mode = m;
        return this;
    }

    /** Rolls back to the commit {@code rev} names. */
    public Rollback to(String rev) {
        toRev = rev;
        return mode(Mode.TO);
    }

    /** Rolls back to the newest known-good mark. */
    public Rollback lastGood() {
        return mode(Mode.LAST_GOOD);
    }

    /** Returns to the state before the last rollback (or undoes an interrupted one). */
    public Rollback undo() {
        return mode(Mode.UNDO);
    }

    /** Finishes an interrupted rollback from its journal. */
    public Rollback finish() {
        return mode(Mode.FINISH);
    }

    /** The service to stop before the reset and start after it; null (the default) leaves it alone. */
    public Rollback service(ServiceControl control) {
        this.service = control;
        return this;
    }

    /** Waits up to {@code wait} for this check to say healthy after the start. */
    public Rollback health(HealthCheck check, Duration wait) {
        this.health = check;
        this.healthWait = wait;
        return this;
    }

    /**
     * The recorder's service as configured: stopped before the reset, started after it, and its health awaited
     * for {@code recorder.health_timeout_ms}, which is the rollback plan the operator would follow by hand over SSH.
     * See {@link #recorderService(ServiceSpec, String, Duration)} for finish and undo.
     */
    public Rollback recorderService(dev.r58ctl.config.Config c) {
        return recorderService(ServiceSpec.of(c), c.recorder().healthUrl(),
                Duration.ofMillis(c.recorder().healthTimeoutMs()));
    }

    /**
     * The recorder's service from plain values (a trial record, or the configuration). The plan records how to run
     * it and the steps use what the plan records, so a finish uses the interrupted rollback's own service settings,
     * not these; these count only for a journal of an older r58ctl, which does not record them. With {@code spec}
     * null (no configuration could be read) a finish or an undo takes the service from the journal and refuses a
     * journal that does not say, and a rollback to a commit is refused.
     *
     * @param spec      how to run the service, or null to rely on the journal
     * @param healthUrl the health URL to wait on after the start (ignored when spec is null)
     * @param timeout   how long to wait for health
     */
    public Rollback recorderService(ServiceSpec spec, String healthUrl, Duration timeout) {
        this.recorder = true;
        this.recorderFallback = spec == null ? null : new RollbackPlanner.Service(spec.name(), spec, healthUrl, timeout);
        return this;
    }

    /**
     * Where the cameras record, named in a refusal for want of space as what takes it (never touched). Read only for
     * such a refusal; one that fails names none.
     */
    public Rollback recordings(Supplier<Collection<Path>> dirs) {
        this.recordings = dirs;
        return this;
    }

    public Rollback progress(Progress listener) {
        this.progress = listener;
        return this;
    }

    /** The interrupted rollback in {@code journalDir}, if there is one. */
    public static Optional<RollbackJournal> interrupted(Path journalDir) {
        return RollbackJournal.unfinished(journalDir);
    }

    /** Works out what will happen, changing nothing; refusals are {@link R58Exception}s. */
    public RollbackPlan plan() {
        if (plan != null) {
            return plan;
        }
        if (mode == null) {
            throw R58Exception.badInput("say where to: --to REF, --last-good, --undo or --finish");
        }
        RollbackPlanner planner = new RollbackPlanner(view, journalDir, recorder ? recorderFallback
                : new RollbackPlanner.Service(service == null ? null : service.name(), null,
                health == null ? null : health.url(), healthWait));
        try {
            plan = switch (mode) {
                case FINISH -> planner.finish();
                case UNDO -> planner.undo();
                case TO -> planner.rollback(toRev);
                case LAST_GOOD -> planner.rollback(null);
            };
        } catch (IOException e) {
            throw R58Exception.failed(view.dir() + ": cannot plan the rollback: " + e.getMessage());
        }
        resume = planner.resume;
        undone = planner.undone;
        if (recorder) {
            useRecorded(plan);
        }
        return plan;
    }

    /** The service and health check the plan records; for an older journal, those given to recorderService. */
    private void useRecorded(RollbackPlan p) {
        ServiceSpec spec = p.serviceSpec();
        if (p.service() == null) {
            service = null;
            health = null;
        } else if (spec != null) {
            service = spec.control();
            healthWait = Duration.ofMillis(p.healthTimeoutMs());
            health = p.healthUrl() == null ? null : new HealthCheck(p.healthUrl(), healthWait);
        } else if (recorderFallback != null) {
            LOG.info("rollback {}: its journal does not say how to run {}; using the configuration's", p.id(),
                    p.service());
            service = recorderFallback.spec().control();
            healthWait = recorderFallback.healthWait();
            health = new HealthCheck(recorderFallback.healthUrl(), healthWait);
        } else {
            plan = null;
            String which = mode == Mode.FINISH ? p.id() : p.undoes();
            throw R58Exception.failed("the journal of rollback " + which + " does not say how to run " + p.service()
                    + " (an older r58ctl wrote it) and the configuration cannot be read: fix the configuration, "
                    + "or add --no-restart to leave the service alone (nothing changed)");
        }
    }

    /**
     * Refuses (exit 1, one line naming the disk, what is free and needed, and what to free) when a disk the plan
     * writes to lacks the room; works the plan out first if need be, and changes nothing.
     */
    public void checkSpace() {
        RollbackPlan p = plan();
        if (p.nothingToDo()) {
            return;
        }
        List<FreeSpace.Need> needs;
        try {
            needs = RollbackSpace.of(view.repository(), p, resume, journalDir);
        } catch (IOException | RuntimeException e) {
            // without an estimate the rollback goes ahead: a write that fails still stops it in one line
            LOG.warn("rollback {}: cannot work out the space it needs: {}", p.id(), e.toString());
            return;
        }
        String doing = switch (p.kind()) {
            case "undo" -> "the undo";
            case "abandon" -> "closing the interrupted rollback";
            default -> "the rollback";
        };
        FreeSpace.require(doing, needs, recordings);
    }

    /** Runs the plan (working it out first if need be) to the end, or throws with the step that failed. */
    public RollbackResult call() {
        try (AutoCloseable lock = RollbackJournal.lock(journalDir)) {
            return run();
        } catch (R58Exception e) {
            throw e;
        } catch (Exception e) {
            throw R58Exception.failed("rollback failed: " + e.getMessage());
        }
    }

    private RollbackResult run() {
        long t0 = System.nanoTime();
        RollbackPlan p = plan();
        if (p.nothingToDo()) {
            return new RollbackResult(p, "nothing", List.of(), null, 0);
        }
        checkSpace();
        if (resume != null) {
            RollbackSteps.clearStaleLocks(view, resume);
        } else if (undone != null && !undone.ended()) {
            RollbackSteps.clearStaleLocks(view, undone);
        }
        RollbackJournal journal;
        try {
            journal = resume != null ? resume : RollbackJournal.create(journalDir, p);
        } catch (R58Exception e) {
            throw new R58Exception(e.exitCode(), e.getMessage() + "; nothing was changed", e);
        }
        if (undone != null && !undone.ended()) {
            undone.end("undone", p.kind().equals("abandon") ? "closed: the repository had not been changed"
                    : "undone by " + p.id());
        }
        RollbackSteps steps = new RollbackSteps(view, p, journal, service, health, healthWait);
        List<RollbackResult.Step> ran = new ArrayList<>();
        for (String step : p.steps()) {
            if (journal.isDone(step)) {
                continue;
            }
            long s0 = System.nanoTime();
            progress.begin(step, "");
            RollbackSteps.Done d;
            try {
                journal.begin(step);
                d = steps.run(step);
                journal.done(step, d.detail(), d.value());
            } catch (RuntimeException e) {
                // whatever failed, the journal now says where: the operator can finish or undo from there
                throw stopped(p, "rollback stopped at " + step, e);
            }
            long ms = (System.nanoTime() - s0) / 1_000_000;
            progress.done(step, d.detail(), ms);
            ran.add(new RollbackResult.Step(step, d.detail(), ms));
        }
        String outcome = p.kind().equals("abandon") ? "closed"
                : steps.lastHealth() != null && !steps.lastHealth().healthy() ? "unhealthy" : "ok";
        try {
            journal.end(outcome, steps.lastHealth() == null ? null : steps.lastHealth().detail());
        } catch (RuntimeException e) {
            throw stopped(p, "rollback done, but its journal was not closed", e);
        }
        LOG.info("rollback {} ({}) from {} to {}: {}", p.id(), p.kind(), p.from(), p.to(), outcome);
        return new RollbackResult(p, outcome, ran, steps.lastHealth(), (System.nanoTime() - t0) / 1_000_000);
    }

    /** One line: where it stopped, why (a full disk in {@link DiskFull}'s words), and what to do next. */
    private static R58Exception stopped(RollbackPlan p, String where, RuntimeException e) {
        LOG.error("rollback {}: {}", p.id(), where, e);
        int code = e instanceof R58Exception r ? r.exitCode() : R58Exception.FAILED;
        return new R58Exception(code, where + ": " + e.getMessage() + (DiskFull.is(e) ? "; free space there, then"
                : "; then") + " `r58ctl rollback --finish` or `--undo`", e);
    }
}
