package dev.r58ctl.repo;

import dev.r58ctl.DiskFull;
import dev.r58ctl.R58Exception;
import dev.r58ctl.host.HealthCheck;
import dev.r58ctl.host.ServiceControl;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.ResetCommand;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The steps of a rollback, each safe to run again after an interruption: a backup ref is only (re)written to the
 * same commit, saving uncommitted work does not change the work tree, a reset to the same commit and a restore of
 * the same saved work give the same result, and starting or stopping a service twice is harmless.
 */
final class RollbackSteps {
    private static final Logger LOG = LoggerFactory.getLogger(RollbackSteps.class);

    /** What a step did, in a line, and the value the journal keeps for later steps (a commit id). */
    record Done(String detail, String value) {
    }

    private final RepoView view;
    private final RollbackPlan plan;
    private final RollbackJournal journal;
    private final ServiceControl service;
    private final HealthCheck health;
    private final Duration healthWait;
    private HealthCheck.Result lastHealth;

    RollbackSteps(RepoView view, RollbackPlan plan, RollbackJournal journal, ServiceControl service, HealthCheck health,
          Duration healthWait) {
        this.view = view;
        this.plan = plan;
        this.journal = journal;
        this.service = service;
        this.health = health;
        this.healthWait = healthWait;
    }

    HealthCheck.Result lastHealth() {
        return lastHealth;
    }

    Done run(String step) {
        try {
            return switch (step) {
                case "backup-head" -> backupHead();
                case "backup-wip" -> backupWip();
                case "stop-service" -> serviceStep(false);
                case "reset" -> reset();
                case "restore-wip" -> restoreWip();
                case "start-service" -> serviceStep(true);
                case "health" -> health();
                default -> throw new IllegalStateException("unknown step " + step);
            };
        } catch (IOException | GitAPIException e) {
            throw full(step, e) ? DiskFull.full(writes(step), e) : R58Exception.failed(e.getMessage());
        } catch (R58Exception e) {
            throw e;
        } catch (RuntimeException e) {
            // JGit wraps what its reset met (a full disk) in an unchecked exception of its own
            throw full(step, e) ? DiskFull.full(writes(step), e) : e;
        }
    }

    /** A full disk: said so, or for a git step a failure without a reason on a disk with no room left. */
    private boolean full(String step, Throwable e) {
        return step.endsWith("-service") || step.equals("health") ? DiskFull.is(e) : DiskFull.is(e, writes(step));
    }

    /** Where a step writes: the .git directory for the backup, else the work tree. */
    private Path writes(String step) {
        Repository repo = view.repository();
        return (step.startsWith("backup") ? repo.getDirectory() : repo.getWorkTree()).toPath();
    }

    private Done backupHead() throws IOException {
        setRef(plan.backupRef(), ObjectId.fromString(plan.from()));
        return new Done("HEAD " + plan.from().substring(0, 7) + " saved as " + plan.backupRef(), plan.from());
    }

    private Done backupWip() throws IOException {
        Repository repo = view.repository();
        Ref existing = repo.exactRef(plan.wipRef());
        ObjectId wip = existing != null ? existing.getObjectId()
                : WorkSnapshot.save(repo, ObjectId.fromString(plan.from()),
                "r58ctl backup before " + plan.kind() + " " + plan.id() + " (on " + plan.fromSummary() + ")");
        if (wip == null) {
            return new Done("no uncommitted changes to save", "");
        }
        setRef(plan.wipRef(), wip);
        return new Done(plan.uncommitted().size() + " uncommitted changes saved as " + plan.wipRef(), wip.name());
    }

    private Done reset() throws IOException, GitAPIException {
        Repository repo = view.repository();
        if (!java.util.Objects.equals(view.branch(), plan.branch())) {
            throw R58Exception.failed("HEAD left branch " + plan.branch() + " since the plan was made");
        }
        new Git(repo).reset().setMode(ResetCommand.ResetType.HARD).setRef(plan.to()).call();
        return new Done("HEAD is now " + view.describe(ObjectId.fromString(plan.to())), plan.to());
    }

    private Done restoreWip() throws IOException {
        int n = WorkSnapshot.restore(view.repository(), ObjectId.fromString(plan.restoreWip()));
        return new Done(n + " uncommitted changes put back from " + plan.restoreWip().substring(0, 7), null);
    }

    private Done serviceStep(boolean start) {
        if (service == null) {
            return new Done("skipped: no service given", null);
        }
        if (start) {
            service.start();
        } else {
            service.stop();
        }
        return new Done((start ? "started " : "stopped ") + service.name(), null);
    }

    private Done health() {
        if (health == null) {
            return new Done("skipped: no health check given", null);
        }
        lastHealth = health.waitHealthy(healthWait, Duration.ofMillis(500));
        return new Done((lastHealth.healthy() ? "healthy: " : "NOT healthy: ") + lastHealth.detail(),
                lastHealth.healthy() ? "healthy" : "unhealthy");
    }

    private void setRef(String name, ObjectId id) throws IOException {
        RefUpdate u = view.repository().updateRef(name);
        u.setNewObjectId(id);
        u.setForceUpdate(true);
        u.setRefLogMessage("r58ctl " + plan.kind() + " " + plan.id(), false);
        RefUpdate.Result r = u.update();
        if (r != RefUpdate.Result.NEW && r != RefUpdate.Result.FORCED && r != RefUpdate.Result.NO_CHANGE
                && r != RefUpdate.Result.FAST_FORWARD) {
            throw new IOException("cannot write " + name + ": " + r);
        }
    }

    /**
     * A reset or restore cut short by kill -9 leaves git's lock files behind, and every later git command would
     * refuse to run. Only the locks that this journal's interrupted reset or restore can have left are removed,
     * while the rollback lock keeps other r58ctl runs out.
     */
    static void clearStaleLocks(RepoView view, RollbackJournal interrupted) {
        boolean cut = (interrupted.began("reset") && !interrupted.isDone("reset"))
                || (interrupted.began("restore-wip") && !interrupted.isDone("restore-wip"));
        if (!cut) {
            return;
        }
        RollbackPlan plan = interrupted.plan();
        Path git = view.repository().getDirectory().toPath();
        String ref = plan.branch() == null ? Constants.HEAD : Constants.R_HEADS + plan.branch();
        for (Path lock : new Path[] {git.resolve("index.lock"), git.resolve(ref + ".lock"), git.resolve("HEAD.lock")}) {
            try {
                if (Files.deleteIfExists(lock)) {
                    LOG.warn("removed {} left by the interrupted rollback {}", lock, plan.id());
                }
            } catch (IOException e) {
                LOG.warn("cannot remove {}: {}", lock, e.getMessage());
            }
        }
    }
}
