package dev.r58ctl.checklist;

import dev.r58ctl.R58Exception;
import dev.r58ctl.config.Config;
import dev.r58ctl.guard.Trial;
import dev.r58ctl.guard.TrialState;
import dev.r58ctl.host.HealthCheck;
import dev.r58ctl.host.ServiceControl;
import dev.r58ctl.repo.ApplyPatch;
import dev.r58ctl.repo.PatchCheck;
import dev.r58ctl.repo.PatchReport;
import dev.r58ctl.repo.RepoView;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.eclipse.jgit.api.CommitCommand;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.revwalk.RevCommit;

/**
 * "If tests pass": the migration patch applied (all or nothing, through the repo package) and committed with the
 * migration plan's message (exactly the patch's files), the panic-safe trial armed, and the recorder restarted until
 * healthy.
 */
final class MigrationSteps {
    private MigrationSteps() {
    }

    static Evidence apply(StepContext ctx) {
        Config.ChecklistSettings s = ctx.config.checklist();
        try (RepoView view = RepoView.open(ctx.config.recorder().repo())) {
            Evidence already = committed(view, s.patch(), s.commitMessage());
            if (already != null) {
                return already;
            }
            ApplyPatch.Result r = new ApplyPatch(view).file(s.patch()).recordings(ctx.config::recordingDirs).call();
            PatchReport p = r.report();
            return Evidence.ok("applied " + s.patch() + ": " + String.join(", ", r.paths()) + " (" + p.hunks()
                    + " hunks, +" + p.added() + " -" + p.removed() + "), not committed yet")
                    .withCommit(view.resolve("HEAD").name());
        }
    }

    static Evidence commit(StepContext ctx) {
        Config.ChecklistSettings s = ctx.config.checklist();
        try (RepoView view = RepoView.open(ctx.config.recorder().repo())) {
            Set<String> paths = new LinkedHashSet<>();
            for (PatchReport.FileChange f : new PatchCheck(view).file(s.patch()).call().files()) {
                paths.add(f.path());
                if (f.oldPath() != null && !f.oldPath().equals("/dev/null")) {
                    paths.add(f.oldPath());
                }
            }
            Set<String> changed = new LinkedHashSet<>();
            view.status().changes().forEach(c -> changed.add(c.path()));
            paths.retainAll(changed);
            Evidence already = committed(view, s.patch(), s.commitMessage());
            if (paths.isEmpty() && already != null) {
                return already;
            }
            if (paths.isEmpty()) {
                return Evidence.failed("none of the patch's files differ from HEAD: apply it first (patch-apply)");
            }
            CommitCommand commit = Git.wrap(view.repository()).commit().setMessage(s.commitMessage());
            paths.forEach(commit::setOnly);
            RevCommit c = commit.call();
            return Evidence.ok("committed " + c.getName().substring(0, 7) + " \"" + s.commitMessage() + "\": "
                    + String.join(", ", paths)).withCommit(c.getName());
        } catch (GitAPIException e) {
            throw R58Exception.failed("cannot commit in " + ctx.config.recorder().repo() + ": " + e.getMessage());
        }
    }

    /**
     * HEAD is the migration commit already (a step cut off after its work, retried), or null when HEAD has another
     * message. A commit with the message that is not exactly the patch (a migration made by hand) is refused: the
     * patch belongs on the commit it was made against, so the way on is a rollback first.
     */
    private static Evidence committed(RepoView view, java.nio.file.Path patch, String message) {
        RepoView.Status st = view.status();
        if (!message.equals(st.headSubject())) {
            return null;
        }
        String differs = new PatchCheck(view).file(patch).headDiffers();
        if (differs != null) {
            throw R58Exception.failed("HEAD " + st.head().substring(0, 7) + " is \"" + message + "\" but not "
                    + patch.getFileName() + " (" + differs + "): roll back to the known-good mark first (b in the "
                    + "dashboard, `r58ctl rollback --last-good`), then this step applies the patch");
        }
        return Evidence.ok("already done: HEAD " + st.head().substring(0, 7) + " is \"" + message + "\"")
                .withCommit(st.head());
    }

    /** Arms the trial of HEAD; one already armed for HEAD (a retried step) counts. */
    static Evidence armTrial(StepContext ctx) {
        Trial trial = new Trial(ctx.config);
        Optional<TrialState> armed = trial.armed();
        TrialState t;
        if (armed.isPresent()) {
            t = armed.get();
            try (RepoView view = RepoView.open(ctx.config.recorder().repo())) {
                if (!t.underTest().equals(view.resolve("HEAD").name())) {
                    return Evidence.failed("a trial of " + t.underTest().substring(0, 7) + " (not HEAD) is armed: "
                            + "`r58ctl trial commit` or `r58ctl trial abort` it first");
                }
            }
        } else {
            // the trial must outlive the watch and the monitoring period that end with its commit
            Config.ChecklistSettings s = ctx.config.checklist();
            Duration needed = s.watch().plus(s.monitor()).plusHours(1);
            Duration window = ctx.config.guard().window().compareTo(needed) >= 0 ? null : needed;
            t = trial.arm(null, window, null);
        }
        return Evidence.ok("trial of " + t.underTest().substring(0, 7) + " armed: returns to "
                + t.returnTo().substring(0, 7) + " (" + t.returnToName() + ") after a panic or Oops, after "
                + t.maxBoots() + " boots or " + t.windowSeconds() + " s without a commit").withCommit(t.underTest());
    }

    /** Restarts the recorder and waits for health. */
    static Evidence deploy(StepContext ctx) {
        return restart(ctx, "deployed HEAD").withCommit(head(ctx));
    }

    /** Restarts the recorder service and waits for its health; the answer is the evidence. */
    static Evidence restart(StepContext ctx, String what) {
        ServiceControl service = ServiceControl.of(ctx.config);
        ctx.listener.progress("restarting " + service.name());
        service.restart();
        Duration timeout = Duration.ofMillis(ctx.config.recorder().healthTimeoutMs());
        HealthCheck.Result h = new HealthCheck(ctx.config.recorder().healthUrl(), timeout)
                .waitHealthy(timeout, Duration.ofMillis(500));
        String answer = h.url() + ": " + h.detail();
        return new Evidence(h.healthy(), null, null, null, answer, what + "; " + service.name() + " restarted, "
                + (h.healthy() ? "healthy" : "NOT healthy: " + h.detail()));
    }

    static String head(StepContext ctx) {
        try (RepoView view = RepoView.open(ctx.config.recorder().repo())) {
            return view.resolve("HEAD").name();
        }
    }
}
