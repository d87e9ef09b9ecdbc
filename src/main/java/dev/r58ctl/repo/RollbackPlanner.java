package dev.r58ctl.repo;

import dev.r58ctl.R58Exception;
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

    private final RepoView view;
    private final Path journalDir;
    private final String service;
    private final String healthUrl;
    private final Duration healthWait;
    /** The interrupted journal a finish continues. */
    Journal resume;
    /** The journal an undo undoes. */
    Journal undone;

    RollbackPlanner(RepoView view, Path journalDir, String service, String healthUrl, Duration healthWait) {
        this.view = view;
        this.journalDir = journalDir;
        this.service = service;
        this.healthUrl = healthUrl;
        this.healthWait = healthWait;
    }

    RollbackPlan finish() {
        resume = Journal.unfinished(journalDir).orElseThrow(() ->
                R58Exception.badInput("no interrupted rollback to finish in " + journalDir));
        return resume.plan();
    }

    RollbackPlan rollback(String toRev) throws IOException {
        Optional<Journal> open = Journal.unfinished(journalDir);
        if (open.isPresent()) {
            throw R58Exception.failed("rollback " + open.get().id() + " was interrupted: finish it with "
                    + "`r58ctl rollback --finish` or undo it with `r58ctl rollback --undo`");
        }
        ObjectId to = toRev != null ? view.resolve(toRev) : view.resolve(new KnownGood(view).newest()
                .orElseThrow(() -> R58Exception.badInput("no known-good mark yet: mark one with "
                        + "`r58ctl repo mark-good [REF]`")).name());
        return build("rollback", to, null, null, view.describe(to) + markOf(to));
    }

    RollbackPlan undo() throws IOException {
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
                    undone.id(), service, healthUrl, healthWait.toMillis());
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
                uncommitted, restoreWip, undoes, service, healthUrl, healthWait.toMillis());
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
