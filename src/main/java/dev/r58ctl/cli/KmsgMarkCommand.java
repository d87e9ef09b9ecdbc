package dev.r58ctl.cli;

import dev.r58ctl.kernel.KernelLog;
import dev.r58ctl.kernel.KernelMarks;
import dev.r58ctl.kernel.KernelWatch;
import java.io.IOException;
import java.time.Instant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code r58ctl kmsg mark NAME}: remembers the current end of the kernel log under a name. */
@Command(name = "mark", mixinStandardHelpOptions = true,
        description = "Mark the current end of the kernel log as NAME, for a later 'kmsg --since-mark NAME'.")
final class KmsgMarkCommand extends BaseCommand {
    @Parameters(paramLabel = "NAME", description = "Mark name (letters, digits, _ . : -).")
    String name;

    @Option(names = "--json", description = "Print one JSON document.")
    boolean json;

    @Override
    public Integer call() throws IOException {
        KernelLog log = new KernelLog(config());
        KernelMarks.Mark mark;
        try (KernelWatch watch = log.watch(false)) {
            watch.readToEnd(); // journals any trouble on the way, so nothing before the mark is lost
            mark = log.marks().put(name, new KernelMarks.Mark(watch.source().logId(), watch.lastSeq(),
                    Instant.now().toString()));
        }
        if (json) {
            printJson(java.util.Map.of("name", name, "mark", mark));
        } else {
            out().println("mark " + name + " at sequence number " + mark.seq() + " of " + mark.log());
        }
        return 0;
    }
}
