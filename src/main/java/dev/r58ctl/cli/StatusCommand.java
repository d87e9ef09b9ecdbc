package dev.r58ctl.cli;

import dev.r58ctl.Json;
import dev.r58ctl.kernel.Incident;
import dev.r58ctl.monitor.CameraStatus;
import dev.r58ctl.monitor.ConfiguredCamera;
import dev.r58ctl.monitor.PathStatus;
import dev.r58ctl.monitor.LatestAnswer;
import dev.r58ctl.monitor.SourceAnswer;
import dev.r58ctl.monitor.StatusReport;
import dev.r58ctl.monitor.SystemSample;
import dev.r58ctl.remote.AgentClient;
import dev.r58ctl.remote.AgentSnapshot;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code r58ctl status}: one snapshot of the board, the recorder, MediaMTX and the kernel. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "One snapshot: CPU total, per core and per process, memory, temperatures, VPU load, recorder "
                + "health and cameras, MediaMTX paths, kernel incidents this boot and what the previous boot left. "
                + "From r58ctl agent's last sample when it runs (at once), else measured here over --cpu-window.")
final class StatusCommand extends BaseCommand {
    @Option(names = "--json", description = "Print one JSON document.")
    boolean json;

    @Option(names = "--cpu-window", paramLabel = "MS", defaultValue = "500",
            description = "Milliseconds over which CPU is measured (default ${DEFAULT-VALUE}).")
    long cpuWindow;

    @Option(names = "--no-agent", description = "Measure here even when r58ctl agent runs (also: "
            + AgentClient.NO_AGENT_ENV + "=1).")
    boolean noAgent;

    @Option(names = "--at", paramLabel = "TIME",
            description = "The snapshot of a past moment from the history `r58ctl agent` records: HH:MM[:SS], "
                    + "YYYY-MM-DD HH:MM[:SS], an ISO-8601 instant, -15m or 2h ago.")
    String at;

    @Override
    public Integer call() {
        dev.r58ctl.StartupTrace.mark("status command");
        var config = config();
        if (at != null) {
            return PastStatus.print(dev.r58ctl.history.HistoryReader.of(config), at, json, out());
        }
        dev.r58ctl.StartupTrace.mark("log file open");
        if (json) {
            Json.prepare(StatusReport.class); // while CPU is measured
        }
        StatusReport r = null;
        if (!noAgent && !AgentClient.disabledByEnvironment()) {
            AgentSnapshot snap = AgentClient.snapshot(config.agent().socket());
            if (snap != null && snap.system() != null && snap.streams() != null) {
                r = AgentStatus.report(config, snap);
                sampledAgo = System.currentTimeMillis() - snap.sampledMillis();
            } else {
                err().println("r58ctl: " + (snap == null ? AgentClient.NOT_RUNNING
                        : "r58ctl agent has not sampled yet: measuring here"));
            }
        }
        if (r == null) {
            r = StatusReport.take(config, cpuWindow);
        }
        dev.r58ctl.StartupTrace.mark("report taken");
        if (json) {
            printJson(r);
            dev.r58ctl.StartupTrace.mark("json printed");
            return 0;
        }
        PrintWriter o = out();
        if (r.guard() != null) {
            o.println(dev.r58ctl.guard.GuardNotice.line(r.guard()));
        }
        SystemSample s = r.system();
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
        o.println("temperature " + (s.temperatures().isEmpty() ? "not available (no thermal zones)"
                : s.temperatures().stream().map(t -> String.format("%s %.1f°C", t.type(), t.celsius()))
                .collect(Collectors.joining(", "))));
        o.println("vpu         " + (s.vpu().available() ? s.vpu().cores().toString() : s.vpu().note()));
        o.println("health      " + describe(r.streams().health()));
        o.println("recorder    " + describe(r.streams().recorder()));
        if (r.streams().recorder().result().cameras() != null) {
            for (CameraStatus c : r.streams().recorder().result().cameras().values()) {
                o.printf("  camera    %-6s %s%n", c.id(), c.status());
            }
        }
        if (r.recorderFileWarning() != null) {
            o.println("WARNING     " + r.recorderFileWarning());
        }
        for (ConfiguredCamera c : r.cameras()) {
            String what = !c.usable() ? "UNUSABLE: " + String.join("; ", c.notes()) + ": pipeline commands unavailable"
                    : (c.enabled() ? "enabled" : "disabled") + (c.recording() == null ? ", does not record"
                    : ", records to " + c.recording().path() + ": " + c.recording().detail()
                    + (c.recording().level().equals("ok") ? "" : " [" + c.recording().level().toUpperCase() + "]"));
            o.printf("configured  %-6s %s%n", c.id(), what);
        }
        if (r.disks() != null) {
            o.println("disk        state " + disk(r.disks().state()));
            r.disks().recordings().forEach(d -> o.println("            recordings " + disk(d)));
        }
        o.println("mediamtx    " + describe(r.streams().mediamtx()));
        if (r.streams().mediamtx().result().paths() != null) {
            for (PathStatus p : r.streams().mediamtx().result().paths()) {
                o.printf("  path      %-10s %s %s %s%n", p.name(), p.ready() ? "ready" : "not ready",
                        String.join(",", p.codecs()), p.bytesReceived() == null ? "" : p.bytesReceived() + " bytes in");
            }
        }
        o.println("kernel      " + r.kernelSource() + ": " + (r.incidents().isEmpty() ? "no incidents this boot"
                : r.incidents().size() + " incident(s) this boot"));
        for (Incident i : r.incidents()) {
            o.printf("  %s %s %s%n", i.severity().letter(), i.id(), i.title());
        }
        var prev = r.previousBoot();
        o.println("last boot   " + (!prev.available() ? prev.note()
                : prev.source() + ": " + (prev.crashed() ? "ENDED IN A CRASH" : "no crash") + ", "
                + prev.incidents().size() + " incident(s)"));
        for (Incident i : prev.incidents()) {
            o.printf("  %s %s %s%n", i.severity().letter(), i.id(), i.title());
        }
        o.println("source      " + (StatusReport.AGENT.equals(r.source())
                ? "r58ctl agent's last sample, " + String.format("%.1f", sampledAgo / 1000.0) + " s old"
                : "measured here over " + cpuWindow + " ms"));
        if (r.logWriteFailures() > 0) {
            o.println("log         " + r.logWriteFailures() + " record(s) could not be written and were dropped: "
                    + r.logWriteError());
        }
        return 0;
    }

    private long sampledAgo;

    private static String disk(dev.r58ctl.monitor.DiskSpace d) {
        return d.path() + ": " + d.detail() + (d.level().equals("ok") ? "" : " [" + d.level().toUpperCase() + "]");
    }

    private static String describe(LatestAnswer<? extends SourceAnswer> p) {
        SourceAnswer r = p.result();
        if (!r.reachable()) {
            return "unreachable: " + r.reason();
        }
        return r.ok() ? "ok" : "NOT OK: " + r.reason();
    }
}
