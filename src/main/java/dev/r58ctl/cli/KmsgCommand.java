package dev.r58ctl.cli;

import dev.r58ctl.Json;
import dev.r58ctl.R58Exception;
import dev.r58ctl.kernel.Incident;
import dev.r58ctl.kernel.KernelClassifier;
import dev.r58ctl.kernel.KernelLine;
import dev.r58ctl.kernel.KernelLog;
import dev.r58ctl.kernel.KernelMarks;
import dev.r58ctl.kernel.KernelWatch;
import dev.r58ctl.kernel.Severity;
import dev.r58ctl.remote.AgentClient;
import dev.r58ctl.remote.RemoteEngine;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code r58ctl kmsg}: this boot's kernel log, classified; trouble is journaled to disk as it is read. */
@Command(name = "kmsg", mixinStandardHelpOptions = true, subcommands = {KmsgMarkCommand.class},
        description = "Print this boot's kernel log with a severity letter per line (C critical, E error, "
                + "W warning). --follow keeps printing new lines; --json prints one document, or one JSON "
                + "object per line with --follow.")
final class KmsgCommand extends BaseCommand {
    @Option(names = "--follow", description = "Keep reading new lines until interrupted.")
    boolean follow;

    @Option(names = "--since-mark", paramLabel = "NAME", description = "Only lines after the mark NAME.")
    String sinceMark;

    @Option(names = "--min-severity", paramLabel = "LEVEL",
            description = "Only lines at or above LEVEL: info, warning, error, critical (default info).")
    String minSeverity = "info";

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Option(names = "--no-agent", description = "With --follow, read the kernel log here even when r58ctl agent runs "
            + "(also: " + AgentClient.NO_AGENT_ENV + "=1).")
    boolean noAgent;

    /** One printed line. */
    record Row(long seq, long monoMicros, String severity, String pattern, String label, String text) {
    }

    @Override
    public Integer call() throws IOException {
        dev.r58ctl.StartupTrace.mark("kmsg command");
        Severity min;
        try {
            min = Severity.parse(minSeverity);
        } catch (IllegalArgumentException e) {
            throw R58Exception.badInput("--min-severity: " + e.getMessage());
        }
        KernelLog log = new KernelLog(config());
        long after = -1;
        String note = null;
        KernelMarks.Mark mark = sinceMark == null ? null : log.marks().get(sinceMark);
        KernelWatch watch = log.watch(follow);
        dev.r58ctl.StartupTrace.mark("watch open");
        if (mark != null) {
            if (mark.log().equals(watch.source().logId())) {
                after = mark.seq();
            } else {
                note = "mark " + sinceMark + " was taken in another log (" + mark.log() + "); showing all of this one";
            }
        }
        long from = after;
        if (follow && !noAgent && !AgentClient.disabledByEnvironment()) {
            RemoteEngine agent = AgentClient.attach(config());
            if (agent == null) {
                err().println("r58ctl: r58ctl agent is not running: following the kernel log here");
            } else {
                watch.close(); // the backlog is read afresh, after the agent's lines are listened for
                if (!json && note != null) {
                    err().println("r58ctl: " + note);
                    note = null; // said once
                }
                AgentFollow f = new AgentFollow(from, min, this::printLine);
                try (agent) {
                    if (f.run(agent, () -> log.watch(false))) {
                        return 0;
                    }
                }
                err().println("r58ctl: r58ctl agent went away: following the kernel log here");
                watch = log.watch(true);
                from = f.lastPrinted();
            }
        }
        List<Row> rows = new ArrayList<>();
        long printedTo = from;
        KernelWatch reading = watch;
        reading.subscribe(new KernelWatch.Listener() {
            @Override
            public boolean ordinaryLines() {
                return min == Severity.INFO; // above it, only classified lines are printed
            }

            @Override
            public void line(KernelLine line, KernelClassifier.Match match) {
                Severity s = match == null ? Severity.INFO : match.severity();
                if (line.seq() <= printedTo || !s.atLeast(min)) {
                    return;
                }
                Row row = row(line, match);
                if (follow) {
                    print(row);
                } else {
                    rows.add(row);
                }
            }
        });
        if (!json && note != null) {
            err().println("r58ctl: " + note);
        }
        try {
            if (follow) {
                Runtime.getRuntime().addShutdownHook(new Thread(reading::close));
                reading.start();
                reading.join();
                return 0;
            }
            reading.readToEnd();
            dev.r58ctl.StartupTrace.mark("log read");
        } finally {
            if (!follow) {
                reading.close();
            }
        }
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("source", reading.source().name());
            doc.put("log", reading.source().logId());
            doc.put("since_mark", sinceMark);
            doc.put("note", note);
            doc.put("lines", rows);
            doc.put("incidents", reading.incidents().stream().filter(i -> i.lastSeq() > printedTo).map(KmsgCommand::summary).toList());
            printJson(doc);
        } else {
            // one write for all: a line at a time, flushed and formatted with String.format, took 60 ms for 1,600 lines
            StringBuilder text = new StringBuilder();
            rows.forEach(r -> text.append(line(r)).append(System.lineSeparator()));
            out().print(text);
            out().flush();
        }
        dev.r58ctl.StartupTrace.mark("printed");
        return 0;
    }

    private static Row row(KernelLine line, KernelClassifier.Match match) {
        Severity s = match == null ? Severity.INFO : match.severity();
        return new Row(line.seq(), line.monotonicMicros(), s.name(), match == null ? null : match.patternId(),
                match == null ? null : match.label(), line.text());
    }

    private void printLine(KernelWatch.Classified c) {
        print(row(c.line(), c.match()));
    }

    static Map<String, Object> summary(Incident i) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", i.id());
        m.put("severity", i.severity());
        m.put("title", i.title());
        m.put("first_seq", i.firstSeq());
        m.put("last_seq", i.lastSeq());
        m.put("lines", i.lines().stream().map(KernelLine::text).toList());
        return m;
    }

    private void print(Row r) {
        out().println(json ? Json.line(r) : line(r));
        out().flush();
    }

    /** A row as text: the severity letter (blank for info), the timestamp as dmesg prints it, the message. */
    static String line(Row r) {
        char letter = Severity.valueOf(r.severity()).letter();
        return (letter == 'I' ? ' ' : letter) + " " + stamp(r.monoMicros()) + r.text();
    }

    /** "[%5d.%06d] " of the seconds and microseconds, or "" for no timestamp; without String.format's cost. */
    static String stamp(long micros) {
        if (micros < 0) {
            return "";
        }
        String whole = Long.toString(micros / 1_000_000);
        String fraction = Long.toString(micros % 1_000_000);
        return "[" + " ".repeat(Math.max(0, 5 - whole.length())) + whole + "." + "0".repeat(6 - fraction.length())
                + fraction + "] ";
    }
}
