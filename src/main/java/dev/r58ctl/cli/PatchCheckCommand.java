package dev.r58ctl.cli;

import dev.r58ctl.repo.PatchCheck;
import dev.r58ctl.repo.PatchReport;
import dev.r58ctl.repo.RepoView;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code r58ctl patch check FILE}: does it apply? Files, hunks, lines; exit 1 with the failing file and hunk. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Say whether a unified diff applies to the current tree, with its files, hunks and lines. "
                + "Changes nothing. Exit 1 when it does not apply, 2 when FILE is not a usable patch.")
final class PatchCheckCommand extends BaseCommand {
    @Parameters(paramLabel = "FILE", description = "A unified diff, as `git diff` writes it.")
    Path file;

    @Option(names = "--json", description = "Print one JSON document.")
    boolean json;

    @Override
    public Integer call() {
        try (RepoView view = openRepo()) {
            PatchReport r = new PatchCheck(view).file(file).call();
            if (json) {
                printJson(r);
            } else {
                print(r, view);
            }
            return r.applies() ? 0 : 1;
        }
    }

    private void print(PatchReport r, RepoView view) {
        for (PatchReport.FileChange f : r.files()) {
            String name = f.oldPath() != null && !f.oldPath().equals(f.path()) ? f.oldPath() + " -> " + f.path() : f.path();
            out().printf("  %-7s %-50s %2d hunk%s  +%d -%d%n", f.change(), name, f.hunks(), f.hunks() == 1 ? " " : "s",
                    f.added(), f.removed());
        }
        out().println("  " + r.files().size() + " files, " + r.hunks() + " hunks, +" + r.added() + " -" + r.removed());
        if (r.applies()) {
            out().println(file + ": applies to " + view.dir());
        } else {
            out().println(file + ": does NOT apply: " + r.failure().line());
        }
    }
}
