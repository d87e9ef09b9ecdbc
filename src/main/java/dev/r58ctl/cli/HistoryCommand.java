package dev.r58ctl.cli;

import dev.r58ctl.R58Exception;
import dev.r58ctl.history.HistoryDocument;
import dev.r58ctl.history.HistoryReader;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code r58ctl history}: what the board, the cameras and the kernel did, second by second, as the agent recorded it. */
@Command(name = "history", mixinStandardHelpOptions = true,
        description = "What the board, the cameras and the kernel did, from the history `r58ctl agent` records: "
                + "one line per sample (CPU, memory, the hottest zone, each camera), kernel incidents between them.")
final class HistoryCommand extends BaseCommand {
    @Option(names = "--since", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "The last DURATION up to now (default 10m).")
    Duration since;

    @Option(names = "--from", paramLabel = "TIME",
            description = "Start: HH:MM[:SS] (today, local time), YYYY-MM-DD HH:MM[:SS], an ISO-8601 instant, -15m "
                    + "or 2h ago.")
    String from;

    @Option(names = "--to", paramLabel = "TIME", description = "End, as --from (default: now, or --from + 10m).")
    String to;

    @Option(names = "--camera", paramLabel = "ID", description = "Only this camera's figures.")
    String camera;

    @Option(names = "--json", description = "One JSON document with every sample: from, to, samples, incidents, notes.")
    boolean json;

    @Override
    public Integer call() {
        Instant now = Instant.now();
        ZoneId zone = ZoneId.systemDefault();
        if (since != null && (from != null || to != null)) {
            throw R58Exception.badInput("--since: give either --since or --from/--to, not both");
        }
        Instant end;
        Instant start;
        if (from == null && to == null) {
            end = now;
            start = now.minus(since == null ? Duration.ofMinutes(10) : since);
        } else {
            start = from == null ? null : TimeArg.parse("--from", from, now, zone);
            end = to == null ? null : TimeArg.parse("--to", to, now, zone);
            if (start == null) {
                start = end.minus(Duration.ofMinutes(10));
            }
            if (end == null) {
                end = now;
            }
            if (end.isBefore(start)) {
                throw R58Exception.badInput("--to: " + to + " is before --from " + from);
            }
        }
        HistoryReader reader = HistoryReader.of(config());
        String none = reader.any() ? null
                : "no history under " + reader.dir() + ": `r58ctl agent` records it";
        if (json) {
            HistoryDocument.write(out(), reader, start, end, camera, none == null ? List.of() : List.of(none));
            out().flush();
        } else if (none != null) {
            out().println(none);
        } else {
            new HistoryText(out(), start, end, zone).print(reader, start, end, camera);
        }
        return 0;
    }
}
