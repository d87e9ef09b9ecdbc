package dev.r58ctl.cli;

import dev.r58ctl.repo.KnownGood;
import dev.r58ctl.repo.RepoView;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code r58ctl repo mark-good [REF]}: marks a commit known-good; the newest mark is where --last-good goes. */
@Command(name = "mark-good", mixinStandardHelpOptions = true,
        description = "Mark a commit as known-good (a tag under r58ctl/good/). `rollback --last-good` returns to the "
                + "newest mark.")
final class RepoMarkGoodCommand extends BaseCommand {
    @Parameters(paramLabel = "REF", defaultValue = "HEAD", arity = "0..1",
            description = "Commit, branch or tag (default ${DEFAULT-VALUE}).")
    String ref;

    @Option(names = "--json", description = "Print one JSON document.")
    boolean json;

    @Override
    public Integer call() {
        try (RepoView view = openRepo()) {
            KnownGood.Mark m = new KnownGood(view).mark(ref);
            if (json) {
                printJson(m);
            } else {
                out().println("marked " + m.shortCommit() + " " + m.subject() + " as known good (" + m.name() + ")");
            }
            return 0;
        }
    }
}
