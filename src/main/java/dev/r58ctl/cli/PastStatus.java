package dev.r58ctl.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.r58ctl.R58Exception;
import dev.r58ctl.history.HistoryJson;
import dev.r58ctl.history.HistoryReader;
import dev.r58ctl.history.IncidentRecord;
import dev.r58ctl.history.SampleRecord;
import dev.r58ctl.monitor.DiskFigures;
import dev.r58ctl.monitor.DiskSpace;
import dev.r58ctl.monitor.SystemSample;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code status --at TIME}: the snapshot of a past moment from the history, in live status's layout where it applies
 * (CPU, memory, processes, temperatures, VPU, recorder health, cameras, disks), with the kernel incidents of the hour
 * before it, those still open then marked.
 */
final class PastStatus {
    /** How far back incidents are shown. */
    static final Duration INCIDENTS_BEFORE = Duration.ofHours(1);

    private PastStatus() {
    }

    /** The moment's document for {@code --json}. */
    record Document(String at, String sampleTime, SampleRecord sample, List<IncidentRecord> incidents,
                    List<String> openIncidents, List<String> notes) {
    }

    static int print(HistoryReader reader, String value, boolean json, PrintWriter o) {
        ZoneId zone = ZoneId.systemDefault();
        Instant t = TimeArg.parse("--at", value, Instant.now(), zone);
        DateTimeFormatter hms = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(zone);
        SampleRecord s = reader.at(t).orElseThrow(() -> R58Exception.failed("no history sample near "
                + DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(zone).format(t) + " under "
                + reader.dir() + (reader.any() ? "" : ": `r58ctl agent` records it")));
        List<IncidentRecord> incidents = reader.incidents(t.minus(INCIDENTS_BEFORE), t);
        Map<String, IncidentRecord> latest = new LinkedHashMap<>();
        incidents.forEach(i -> latest.put(i.id(), i));
        List<String> open = new ArrayList<>();
        latest.values().stream().filter(i -> "opened".equals(i.event())).forEach(i -> open.add(i.id()));
        if (json) {
            try {
                o.println(HistoryJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(new Document(
                        t.toString(), Instant.ofEpochMilli(s.time()).toString(), s, incidents, open,
                        reader.notes())));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot write JSON: " + e.getMessage(), e);
            }
            return 0;
        }
        o.printf("at %s (from history, sample of %s)%n", hms.format(t), hms.format(Instant.ofEpochMilli(s.time())));
        system(s.toSystemSample(), o);
        o.println("health      " + (s.recorder() == null ? "not recorded" : !s.recorder().reachable()
                ? "unreachable: " + s.recorder().reason() : s.recorder().healthy() ? "ok"
                : "NOT OK: " + s.recorder().reason()));
        for (SampleRecord.Cam c : s.cameras() == null ? List.<SampleRecord.Cam>of() : s.cameras()) {
            o.printf("  camera    %-6s %s by %s%s%s%s%n", c.id(), c.state(), c.runBy(),
                    c.fps() == null ? "" : String.format("  %.2f fps", c.fps()),
                    c.kbps() == null ? "" : "  " + c.kbps() + " kbit/s",
                    c.lastError() == null ? "" : "  last error: " + c.lastError());
        }
        DiskFigures d = s.toDiskFigures();
        if (d != null) {
            o.println("disk        state " + disk(d.state()));
            d.recordings().forEach(r -> o.println("            recordings " + disk(r)));
        }
        o.println("kernel      " + (incidents.isEmpty() ? "no incidents in the hour before"
                : latest.size() + " incident(s) in the hour before, " + open.size() + " open then"));
        for (IncidentRecord i : latest.values()) {
            o.printf("  %s %s %s%s%n", i.letter(), i.id(), i.title(), open.contains(i.id()) ? " (open)" : "");
        }
        reader.notes().forEach(n -> o.println("note        " + n));
        return 0;
    }

    /** The system lines as live status prints them. */
    private static void system(SystemSample s, PrintWriter o) {
        o.printf("cpu         %5.1f%%  cores %s  load %s%n", s.cpuPercent(),
                Arrays.stream(s.corePercent()).mapToObj(c -> String.format("%.0f%%", c)).collect(Collectors.joining(" ")),
                Arrays.stream(s.loadAverage()).mapToObj(l -> l < 0 ? "-" : String.format("%.2f", l))
                        .collect(Collectors.joining(" ")));
        o.printf("memory      %d of %d MiB available%n", s.memAvailableBytes() >> 20, s.memTotalBytes() >> 20);
        for (SystemSample.ProcessCpu p : s.processes()) {
            o.printf("process     %-9s %s%n", p.role(), p.pid() < 0 ? p.note()
                    : String.format("pid %d %s  cpu %s  rss %d MiB", p.pid(), p.name(),
                    p.cpuPercent() == null ? "-" : String.format("%.1f%%", p.cpuPercent()), p.rssBytes() >> 20));
        }
        o.println("temperature " + (s.temperatures().isEmpty() ? "not recorded"
                : s.temperatures().stream().map(t -> String.format("%s %.1f°C", t.type(), t.celsius()))
                .collect(Collectors.joining(", "))));
        o.println("vpu         " + (s.vpu().available() ? s.vpu().cores().toString() : s.vpu().note()));
    }

    private static String disk(DiskSpace d) {
        return d.path() + ": " + d.detail() + ("ok".equals(d.level()) ? "" : " [" + d.level().toUpperCase() + "]");
    }
}
