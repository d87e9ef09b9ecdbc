package dev.r58ctl.cli;

import dev.r58ctl.R58Exception;
import dev.r58ctl.repo.RepoView;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code r58ctl repo log}: like {@code git log --oneline}, with HEAD, known-good marks and backups beside commits. */
@Command(name = "log", mixinStandardHelpOptions = true,
        description = "Recent commits, newest first, with HEAD, known-good marks and rollback backups beside them.")
final class RepoLogCommand extends BaseCommand {
    @Option(names = "-n", paramLabel = "N", defaultValue = "10", description = "How many commits (default ${DEFAULT-VALUE}).")
    int count;

    @Option(names = "--json", description = "Print one JSON document.")
    boolean json;

    @Override
    public Integer call() {
        if (count < 1) {
            throw R58Exception.badInput("-n must be at least 1, got " + count);
        }
        try (RepoView view = openRepo()) {
            List<RepoView.LogEntry> log = view.log(count);
            if (json) {
                printJson(Map.of("repo", view.dir(), "commits", log));
                return 0;
            }
            for (RepoView.LogEntry e : log) {
                out().println(e.shortId() + (e.marks().isEmpty() ? "" : " (" + String.join(", ", e.marks()) + ")")
                        + " " + e.subject());
            }
            return 0;
        }
    }
}
