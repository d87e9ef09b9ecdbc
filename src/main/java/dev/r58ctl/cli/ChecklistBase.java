package dev.r58ctl.cli;

import dev.r58ctl.checklist.Snapshot;
import dev.r58ctl.checklist.Walkthrough;
import picocli.CommandLine.Option;

/** What the checklist commands share: {@code --json}, showing the checklist, and the command line for the lock. */
abstract class ChecklistBase extends BaseCommand {
    @Option(names = "--json", description = "Print one JSON document.")
    boolean json;

    /** Prints the checklist as it stands; reads only. */
    int show() {
        Snapshot s = new Walkthrough(config()).snapshot();
        if (json) {
            printJson(s);
        } else {
            ChecklistPrinter.print(out(), s);
        }
        return 0;
    }

    /** The command line as typed, for the lock's holder line. */
    String commandLine() {
        return "r58ctl " + String.join(" ", spec.root().commandLine().getParseResult().originalArgs());
    }
}
