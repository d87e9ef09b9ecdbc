package dev.r58ctl.repo;

import dev.r58ctl.R58Exception;
import dev.r58ctl.host.ServiceSpec;
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

/**
 * Works out a {@link RollbackPlan} from the repository and the journals, changing nothing: where HEAD goes, what
 * is uncommitted, which earlier rollback an undo undoes, and whether an untracked file stands in the way.
 */
final class RollbackPlanner {
    private static final DateTimeFormatter ID = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC);

    /**
     * The service part of a plan: the service stopped and started (null: left alone), how to run it (null: not
     * said), and the health awaited.
     */
    record Service(String name, ServiceSpec spec, String healthUrl, Duration healthWait) {
        /** As an earlier plan recorded it. */
        static Service of(RollbackPlan p) {
            return new Service(p.service(), p.serviceSpec(), p.healthUrl(), Duration.ofMillis(p.healthTimeoutMs()));
        }
    }

    private final RepoView view;
    private final Path journalDir;
    /** The service for a new plan; null: an undo takes the one the undone rollback recorded. */
    private final Service service;
    /** The interrupted journal a finish continues. */
    RollbackJournal resume;
    /** The journal an undo undoes. */
    RollbackJournal undone;

    RollbackPlanner(RepoView view, Path journalDir, Service service) {
        this.view = view;
        this.journalDir = journalDir;
        this.service = service;
    }

    RollbackPlan finish() {
        resume = RollbackJournal.unfinished(journalDir).orElseThrow(() ->
                R58Exception.badInput("no interrupted rollback to finish in " + journalDir));
        RollbackPlan plan = resume.plan();
        if (!plan.repo().equals(view.dir().toString())) {
            throw R58Exception.badInput("the interrupted rollback " + resume.id() + " is in " + plan.repo() + ", not "
                    + view.dir());
        }
        return plan;
    }

    RollbackPlan rollback(String toRev) throws IOException {
        if (service == null) {
            throw R58Exception.badInput("a rollback to a commit needs the configuration's recorder service");
        }
        Optional<RollbackJournal> open = RollbackJournal.unfinished(journalDir);
        if (open.isPresent()) {
            throw R58Exception.failed("rollback " + open.get().id() + " was interrupted: finish it with "
                    + "`r58ctl rollback --finish` or undo it with `r58ctl rollback --undo`");
        }
        ObjectId to = toRev != null ? view.resolve(toRev) : view.resolve(new KnownGood(view).newest()
                .orElseThrow(() -> R58Exception.badInput("no known-good mark yet: mark one with "
                        + "`r58ctl repo mark-good [REF]`")).name());
        return build("rollback", to, null, null, view.describe(to) + markOf(to), service);
    }

    RollbackPlan undo() throws IOException {
        Optional<RollbackJournal> open = RollbackJournal.unfinished(journalDir);
        undone = open.orElseGet(() -> RollbackJournal.latest(journalDir).orElseThrow(() ->
                R58Exception.badInput("no rollback to undo in " + journalDir)));
        RollbackPlan last = undone.plan();
        if (!last.repo().equals(view.dir().toString())) {
            throw R58Exception.badInput("the last rollback was in " + last.repo() + ", not " + view.dir());
        }
        if (List.of("undone", "nothing", "closed").contains(String.valueOf(undone.result()))) {
            throw R58Exception.badInput("the last rollback (" + undone.id() + ") has nothing to undo");
        }
        Service svc = service != null ? service : Service.of(last);
        if (!undone.began("reset")) {
            // cut short before the reset: the repository is as it was, only the service may be stopped
            ObjectId head = head();
            return plan(newId(), "abandon", head, head, view.describe(head), null, null, List.of(), null,
                    undone.id(), svc);
        }
        if (!java.util.Objects.equals(view.branch(), last.branch())) {
            throw R58Exception.failed("HEAD is on " + (view.branch() == null ? "a detached HEAD" : "branch "
                    + view.branch()) + ", but rollback " + undone.id() + " was on " + last.branch() + ": check that out first");
        }
        String wip = undone.value("backup-wip");
        ObjectId to = ObjectId.fromString(last.from());
        return build("undo", to, wip == null || wip.isEmpty() ? null : wip, undone.id(),
                view.describe(to) + " (before rollback " + undone.id() + ")", svc);
    }

    private RollbackPlan build(String kind, ObjectId to, String restoreWip, String undoes, String toSummary,
                               Service svc) throws IOException {
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
        return plan(id, kind, head, to, toSummary, RepoView.BACKUP_PREFIX + id + "/head",
                RepoView.BACKUP_PREFIX + id + "/wip", uncommitted, restoreWip, undoes, svc);
    }

    private RollbackPlan plan(String id, String kind, ObjectId head, ObjectId to, String toSummary, String backupRef,
                              String wipRef, List<String> uncommitted, String restoreWip, String undoes, Service svc)
            throws IOException {
        ServiceSpec spec = svc.name() == null ? null : svc.spec();
        return new RollbackPlan(id, kind, view.dir().toString(), view.branch(), head.name(), view.describe(head),
                to.name(), toSummary, backupRef, wipRef, uncommitted, restoreWip, undoes, svc.name(), svc.healthUrl(),
                svc.healthWait().toMillis(), spec == null ? null : spec.manager(), spec == null ? null : spec.command(),
                spec == null || spec.workDir() == null ? null : spec.workDir().toString(),
                spec == null || spec.dir() == null ? null : spec.dir().toString());
    }

    private String markOf(ObjectId to) {
        return new KnownGood(view).list().stream().filter(m -> m.commit().equals(to.name())).findFirst()
                .map(m -> " (" + m.name() + ")").orElse("");
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
}
