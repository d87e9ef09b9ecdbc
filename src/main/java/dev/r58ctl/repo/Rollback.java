package dev.r58ctl.repo;

import dev.r58ctl.R58Exception;
import dev.r58ctl.host.HealthCheck;
import dev.r58ctl.host.ServiceControl;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rolls the checkout back to a commit so that nothing is lost and every run ends with a verified answer: HEAD and
 * uncommitted work are saved under {@code refs/r58ctl/backup/ID/} before the service is stopped and the tree reset;
 * untracked and ignored files (recordings) are never touched; each step is journaled before it starts, so a run cut
 * short can be finished or undone; and an undo returns to the state before the last rollback, uncommitted work
 * included, backing up what it replaces in turn.
 */
public final class Rollback {
    private static final Logger LOG = LoggerFactory.getLogger(Rollback.class);
    private static final DateTimeFormatter ID = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC);

    private final RepoView view;
    private final Path journalDir;
    private String mode;
    private String toRev;
    private ServiceControl service;
    private HealthCheck health;
    private Duration healthWait = Duration.ofSeconds(30);
    private Progress progress = Progress.NONE;
    private RollbackPlan plan;
    private Journal resume;
    private Journal undone;

    public Rollback(RepoView view, Path journalDir) {
        this.view = view;
        this.journalDir = journalDir;
    }

    private Rollback mode(String m) {
        if (mode != null) {
            throw R58Exception.badInput("choose one of --to, --last-good, --undo and --finish");
        }
        mode = m;
        return this;
    }

    /** Rolls back to the commit {@code rev} names. */
    public Rollback to(String rev) {
        toRev = rev;
        return mode("to");
    }

    /** Rolls back to the newest known-good mark. */
    public Rollback lastGood() {
        return mode("last-good");
    }

    /** Returns to the state before the last rollback (or undoes an interrupted one). */
    public Rollback undo() {
        return mode("undo");
    }

    /** Finishes an interrupted rollback from its journal. */
    public Rollback finish() {
        return mode("finish");
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

    public Rollback progress(Progress listener) {
        this.progress = listener;
        return this;
    }

    /** The interrupted rollback in {@code journalDir}, if there is one. */
    public static Optional<Journal> interrupted(Path journalDir) {
        return Journal.unfinished(journalDir);
    }

    /** Works out what will happen, changing nothing; refusals are {@link R58Exception}s. */
    public RollbackPlan plan() {
        if (plan != null) {
            return plan;
        }
        if (mode == null) {
            throw R58Exception.badInput("say where to: --to REF, --last-good, --undo or --finish");
        }
        try {
            plan = switch (mode) {
                case "finish" -> planFinish();
                case "undo" -> planUndo();
                default -> planRollback();
            };
            return plan;
        } catch (IOException e) {
            throw R58Exception.failed(view.dir() + ": cannot plan the rollback: " + e.getMessage());
        }
    }

    private RollbackPlan planFinish() {
        resume = Journal.unfinished(journalDir).orElseThrow(() ->
                R58Exception.badInput("no interrupted rollback to finish in " + journalDir));
        return resume.plan();
    }

    private RollbackPlan planRollback() throws IOException {
        Optional<Journal> open = Journal.unfinished(journalDir);
        if (open.isPresent()) {
            throw R58Exception.failed("rollback " + open.get().id() + " was interrupted: finish it with "
                    + "`r58ctl rollback --finish` or undo it with `r58ctl rollback --undo`");
        }
        ObjectId to = mode.equals("to") ? view.resolve(toRev) : view.resolve(new KnownGood(view).newest()
                .orElseThrow(() -> R58Exception.badInput("no known-good mark yet: mark one with "
                        + "`r58ctl repo mark-good [REF]`")).name());
        return build("rollback", to, null, null, view.describe(to) + markOf(to));
    }

    private RollbackPlan planUndo() throws IOException {
        Optional<Journal> open = Journal.unfinished(journalDir);
        undone = open.orElseGet(() -> Journal.latest(journalDir).orElseThrow(() ->
                R58Exception.badInput("no rollback to undo in " + journalDir)));
        RollbackPlan last = undone.plan();
        if (!last.repo().equals(view.dir().toString())) {
            throw R58Exception.badInput("the last rollback was in " + last.repo() + ", not " + view.dir());
        }
        if (List.of("undone", "nothing", "closed").contains(String.valueOf(undone.result()))) {
            throw R58Exception.badInput("the last rollback (" + undone.id() + ") has nothing to undo");
        }
        if (!undone.began("reset")) {
            // cut short before the reset: the repository is as it was, only the service may be stopped
            ObjectId head = head();
            return new RollbackPlan(newId(), "abandon", view.dir().toString(), view.branch(), head.name(),
                    view.describe(head), head.name(), view.describe(head), null, null, List.of(), null,
                    undone.id(), service == null ? null : service.name(), healthUrl(), healthWait.toMillis());
        }
        if (!java.util.Objects.equals(view.branch(), last.branch())) {
            throw R58Exception.failed("HEAD is on " + (view.branch() == null ? "a detached HEAD" : "branch "
                    + view.branch()) + ", but rollback " + undone.id() + " was on " + last.branch() + ": check that out first");
        }
        String wip = undone.value("backup-wip");
        ObjectId to = ObjectId.fromString(last.from());
        return build("undo", to, wip == null || wip.isEmpty() ? null : wip, undone.id(),
                view.describe(to) + " (before rollback " + undone.id() + ")");
    }

    private RollbackPlan build(String kind, ObjectId to, String restoreWip, String undoes, String toSummary)
            throws IOException {
        Repository repo = view.repository();
        ObjectId head = head();
        List<String> uncommitted = WorkSnapshot.changes(repo, head);
        List<ObjectId> trees = new ArrayList<>();
        try (RevWalk walk = new RevWalk(repo)) {
            trees.add(walk.parseCommit(to).getTree());
            if (restoreWip != null) {
                trees.add(walk.parseCommit(ObjectId.fromString(restoreWip)).getTree());
            }
        }
        List<String> inTheWay = WorkSnapshot.inTheWay(repo, trees);
        if (!inTheWay.isEmpty()) {
            throw R58Exception.failed("untracked " + (inTheWay.size() == 1 ? "file " : "files ")
                    + String.join(", ", inTheWay.stream().limit(5).toList()) + (inTheWay.size() > 5 ? ", ..." : "")
                    + " would be overwritten by " + to.abbreviate(7).name() + ": move them away first "
                    + "(r58ctl never touches untracked files)");
        }
        String id = newId();
        return new RollbackPlan(id, kind, view.dir().toString(), view.branch(), head.name(), view.describe(head),
                to.name(), toSummary, RepoView.BACKUP_PREFIX + id + "/head", RepoView.BACKUP_PREFIX + id + "/wip",
                uncommitted, restoreWip, undoes, service == null ? null : service.name(), healthUrl(),
                healthWait.toMillis());
    }

    private String markOf(ObjectId to) {
        return new KnownGood(view).list().stream().filter(m -> m.commit().equals(to.name())).findFirst()
                .map(m -> " (" + m.name() + ")").orElse("");
    }

    private String healthUrl() {
        return health == null ? null : health.url();
    }

    private ObjectId head() throws IOException {
        ObjectId head = view.repository().resolve(Constants.HEAD + "^{commit}");
        if (head == null) {
            throw R58Exception.badInput(view.dir() + ": the repository has no commits");
        }
        return head;
    }

    private static String newId() {
        return ID.format(Instant.now());
    }

    /** Runs the plan (working it out first if need be) to the end, or throws with the step that failed. */
    public RollbackResult call() {
        try (AutoCloseable lock = Journal.lock(journalDir)) {
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
        if (resume != null) {
            Steps.clearStaleLocks(view, resume);
        } else if (undone != null && !undone.ended()) {
            Steps.clearStaleLocks(view, undone);
        }
        Journal journal = resume != null ? resume : Journal.create(journalDir, p);
        if (undone != null && !undone.ended()) {
            undone.end("undone", p.kind().equals("abandon") ? "closed: the repository had not been changed"
                    : "undone by " + p.id());
        }
        Steps steps = new Steps(view, p, journal, service, health, healthWait);
        List<RollbackResult.Step> ran = new ArrayList<>();
        for (String step : p.steps()) {
            if (journal.isDone(step)) {
                continue;
            }
            long s0 = System.nanoTime();
            progress.begin(step, "");
            journal.begin(step);
            Steps.Done d;
            try {
                d = steps.run(step);
            } catch (R58Exception e) {
                LOG.error("rollback {} stopped at {}: {}", p.id(), step, e.getMessage());
                throw new R58Exception(e.exitCode(), "rollback stopped at " + step + ": " + e.getMessage()
                        + "; then `r58ctl rollback --finish` or `--undo`", e);
            }
            journal.done(step, d.detail(), d.value());
            long ms = (System.nanoTime() - s0) / 1_000_000;
            progress.done(step, d.detail(), ms);
            ran.add(new RollbackResult.Step(step, d.detail(), ms));
        }
        String outcome = p.kind().equals("abandon") ? "closed"
                : steps.lastHealth() != null && !steps.lastHealth().healthy() ? "unhealthy" : "ok";
        journal.end(outcome, steps.lastHealth() == null ? null : steps.lastHealth().detail());
        LOG.info("rollback {} ({}) from {} to {}: {}", p.id(), p.kind(), p.from(), p.to(), outcome);
        return new RollbackResult(p, outcome, ran, steps.lastHealth(), (System.nanoTime() - t0) / 1_000_000);
    }
}
