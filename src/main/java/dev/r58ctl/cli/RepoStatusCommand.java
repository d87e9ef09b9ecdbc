package dev.r58ctl.cli;

import dev.r58ctl.repo.RollbackJournal;
import dev.r58ctl.repo.KnownGood;
import dev.r58ctl.repo.RepoView;
import dev.r58ctl.repo.Rollback;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code r58ctl repo status}: branch, HEAD, uncommitted changes, the newest good mark, an interrupted rollback. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Branch, HEAD, uncommitted changes, the newest known-good mark, and any interrupted rollback.")
final class RepoStatusCommand extends BaseCommand {
    @Option(names = "--json", description = "Print one JSON document.")
    boolean json;

    @Override
    public Integer call() {
        try (RepoView view = openRepo()) {
            RepoView.Status s = view.status();
            Optional<KnownGood.Mark> good = new KnownGood(view).newest();
            Optional<RollbackJournal> interrupted = Rollback.interrupted(journalDir());
            if (json) {
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("status", s);
                doc.put("last_good", good.orElse(null));
                doc.put("interrupted_rollback", interrupted.map(RollbackJournal::id).orElse(null));
                printJson(doc);
                return 0;
            }
            PrintWriter o = out();
            o.println("repo:      " + s.repo());
            o.println("branch:    " + (s.branch() == null ? "(detached HEAD)" : s.branch()));
            o.println("HEAD:      " + (s.head() == null ? "(no commits)" : s.head().substring(0, 7) + " " + s.headSubject()));
            o.println("good:      " + good.map(m -> m.shortCommit() + " " + m.subject() + " (" + m.name() + ")")
                    .orElse("none yet (r58ctl repo mark-good [REF])"));
            o.println("changes:   " + (s.clean() ? "none" : s.changes().size() + " uncommitted"));
            for (RepoView.Change c : s.changes()) {
                o.printf("  %-15s %s%n", c.state(), c.path());
            }
            o.println("untracked: " + s.untracked() + (s.untracked() == 0 ? "" : " (" + String.join(", ", s.untrackedSample())
                    + (s.untracked() > s.untrackedSample().size() ? ", ..." : "") + ")"));
            interrupted.ifPresent(j -> o.println("warning:   rollback " + j.id() + " was interrupted: "
                    + "r58ctl rollback --finish, or --undo"));
            return 0;
        }
    }
}
