package dev.r58ctl.cli;

import dev.r58ctl.repo.ApplyPatch;
import dev.r58ctl.repo.PatchReport;
import dev.r58ctl.repo.RepoView;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code r58ctl patch apply FILE [--commit MESSAGE]}: all or nothing, optionally committed. */
@Command(name = "apply", mixinStandardHelpOptions = true,
        description = "Apply a unified diff all or nothing: if any hunk fails, nothing is changed. Files with "
                + "uncommitted changes that the patch touches are refused. Exit 1 when it does not apply, 2 when "
                + "FILE is not a usable patch.")
final class PatchApplyCommand extends BaseCommand {
    @Parameters(paramLabel = "FILE", description = "A unified diff, as `git diff` writes it.")
    Path file;

    @Option(names = "--commit", paramLabel = "MESSAGE",
            description = "Commit exactly the patch with this message, e.g. \"Migrate to H.265 hardware encoding\".")
    String message;

    @Option(names = "--json", description = "Print one JSON document.")
    boolean json;

    @Override
    public Integer call() {
        try (RepoView view = openRepo()) {
            ApplyPatch.Result r = new ApplyPatch(view).file(file).commit(message).recordings(config()::recordingDirs)
                    .call();
            if (json) {
                printJson(r);
                return 0;
            }
            PatchReport p = r.report();
            out().println("applied " + file + " to " + view.dir() + ": " + p.files().size() + " files, " + p.hunks()
                    + " hunks, +" + p.added() + " -" + p.removed());
            out().println(r.commit() == null ? "not committed (add --commit MESSAGE to commit it)"
                    : "committed " + r.commit().substring(0, 7) + " \"" + message + "\"");
            return 0;
        }
    }
}
