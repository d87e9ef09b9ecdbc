package dev.r58ctl.history;

import static dev.r58ctl.history.HistoryJson.round;

import dev.r58ctl.engine.CameraView;
import dev.r58ctl.monitor.DiskFigures;
import dev.r58ctl.monitor.DiskSpace;
import dev.r58ctl.monitor.SystemSample;
import dev.r58ctl.pipeline.CameraRunner;
import dev.r58ctl.pipeline.CameraStats;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One sampling interval of the board, as the history keeps it: rounded (percentages and degrees to 0.1, fps to
 * 0.01, memory in MiB), with the newest camera rows, disk figures and recorder health known at that moment.
 *
 * @param time            when the sample was taken (epoch ms)
 * @param intervalMs      the interval the CPU figures cover
 * @param cpu             CPU in use over all cores, %
 * @param cores           per core, %
 * @param load            1, 5 and 15 minute load averages (-1 where unavailable)
 * @param memTotalMib     physical memory
 * @param memAvailableMib memory available to new work
 * @param temps           thermal zones
 * @param vpu             VPU load per core, %, or null when the board does not expose it
 * @param processes       recorder, MediaMTX and r58ctl: CPU and RSS
 * @param cameras         one row per camera
 * @param disks           free space on the state disk and the recording disks, or null before the first figures
 * @param recorder        the recorder's health, or null before the first poll
 */
@com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
public record SampleRecord(long time, long intervalMs, double cpu, double[] cores, double[] load, long memTotalMib,
                           long memAvailableMib, List<Temp> temps, Map<String, Double> vpu, List<Proc> processes,
                           List<Cam> cameras, List<Disk> disks, Health recorder) implements HistoryRecord {

    /** A thermal zone: its name, its type (soc-thermal), degrees Celsius. */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    public record Temp(String zone, String type, double celsius) {
    }

    /** A watched process: role (recorder, mediamtx, r58ctl), pid (-1: not running), CPU % of one core, RSS. */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    public record Proc(String role, int pid, String name, Double cpu, Long rssMib, String note) {
    }

    /**
     * A camera's row.
     *
     * @param fps   encoded frames per second, when r58ctl runs it
     * @param kbps  encoder output in kbit/s, when r58ctl runs it
     * @param cpu   its pipeline's CPU in % of one core, when known
     */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    public record Cam(String id, String device, String encoder, String transport, String runBy, String state,
                      Double fps, Long kbps, Double cpu, String lastError) {
    }

    /** Free space on one disk: {@code role} state or recordings, the directory, free bytes, level. */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    public record Disk(String role, String path, Long freeBytes, String level) {
    }

    /** The recorder's health answer: whether it answered and whether it was healthy. */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    public record Health(boolean reachable, boolean healthy, String reason) {
    }

    /** The sample of {@code s}, with the newest cameras, disks and health (each may be null). */
    static SampleRecord of(SystemSample s, List<CameraView> views, DiskFigures disks, Health health) {
        double[] cores = new double[s.corePercent() == null ? 0 : s.corePercent().length];
        for (int i = 0; i < cores.length; i++) {
            cores[i] = round(s.corePercent()[i], 0.1);
        }
        double[] load = s.loadAverage() == null ? new double[0] : s.loadAverage().clone();
        for (int i = 0; i < load.length; i++) {
            load[i] = load[i] < 0 ? -1 : round(load[i], 0.01);
        }
        List<Temp> temps = s.temperatures() == null ? List.of() : s.temperatures().stream()
                .map(t -> new Temp(t.zone(), t.type(), round(t.celsius(), 0.1))).toList();
        Map<String, Double> vpu = null;
        if (s.vpu() != null && s.vpu().available() && s.vpu().cores() != null) {
            vpu = new LinkedHashMap<>();
            for (Map.Entry<String, Double> e : s.vpu().cores().entrySet()) {
                vpu.put(e.getKey(), round(e.getValue(), 0.1));
            }
        }
        List<Proc> procs = s.processes() == null ? List.of() : s.processes().stream()
                .map(p -> new Proc(p.role(), p.pid(), p.name(), round(p.cpuPercent(), 0.1),
                        p.pid() < 0 ? null : p.rssBytes() >> 20, p.note())).toList();
        List<Cam> cams = views == null ? List.of() : views.stream().map(SampleRecord::cam).toList();
        return new SampleRecord(s.timeMillis(), s.intervalMillis(), round(s.cpuPercent(), 0.1), cores, load,
                s.memTotalBytes() >> 20, s.memAvailableBytes() >> 20, temps, vpu, procs, cams, disks(disks), health);
    }

    private static Cam cam(CameraView v) {
        CameraStats st = v.stats();
        Double fps = st == null ? null : round(st.fps(), 0.01);
        Long kbps = st == null ? null : Math.round(st.bitrateKbps());
        Double cpu = st == null ? null : round(st.cpuPercent(), 0.1);
        return new Cam(v.id(), v.device(), v.encoder(), v.transport(), v.runBy(), v.state(), fps, kbps, cpu,
                v.lastError());
    }

    private static List<Disk> disks(DiskFigures d) {
        if (d == null) {
            return null;
        }
        List<Disk> out = new ArrayList<>();
        if (d.state() != null) {
            out.add(new Disk("state", d.state().path(), d.state().freeBytes(), d.state().level()));
        }
        for (DiskSpace r : d.recordings()) {
            out.add(new Disk("recordings", r.path(), r.freeBytes(), r.level()));
        }
        return out;
    }

    /** The hottest thermal zone, or null when none was recorded. */
    public Temp hottest() {
        return temps == null ? null : temps.stream().max((a, b) -> Double.compare(a.celsius(), b.celsius()))
                .orElse(null);
    }

    /** The figures as the live code holds them (the dashboard and status draw a past moment with these). */
    public SystemSample toSystemSample() {
        List<SystemSample.ProcessCpu> procs = processes == null ? List.of() : processes.stream()
                .map(p -> new SystemSample.ProcessCpu(p.role(), p.pid(), p.name(), p.cpu(),
                        p.rssMib() == null ? 0 : p.rssMib() << 20, p.note())).toList();
        List<SystemSample.Temperature> t = temps == null ? List.of() : temps.stream()
                .map(x -> new SystemSample.Temperature(x.zone(), x.type(), x.celsius())).toList();
        SystemSample.VpuLoad v = vpu == null ? new SystemSample.VpuLoad(false, null, Map.of(), "not recorded")
                : new SystemSample.VpuLoad(true, "history",
                java.util.Collections.unmodifiableMap(new LinkedHashMap<>(vpu)), null);
        return new SystemSample(time, intervalMs, cpu, cores == null ? new double[0] : cores.clone(),
                load == null ? new double[] {-1, -1, -1} : load.clone(), memTotalMib << 20, memAvailableMib << 20,
                procs, t, v);
    }

    /** The camera rows; stats carry only fps, kbit/s and CPU (null for a camera r58ctl did not run). */
    public List<CameraView> cameraViews() {
        if (cameras == null) {
            return List.of();
        }
        return cameras.stream().map(c -> new CameraView(c.id(), c.device(), c.encoder(), c.transport(), c.runBy(),
                c.state(), c.fps() == null && c.kbps() == null ? null
                : new CameraStats(c.id(), runnerState(c.state()), 0, 0, 0, 0, c.fps() == null ? 0 : c.fps(),
                c.kbps() == null ? 0 : c.kbps(), 0, 0, c.cpu() == null ? 0 : c.cpu(), c.lastError()),
                c.lastError())).toList();
    }

    private static CameraRunner.State runnerState(String state) {
        for (CameraRunner.State s : CameraRunner.State.values()) {
            if (s.name().equalsIgnoreCase(state)) {
                return s;
            }
        }
        return CameraRunner.State.RUNNING;
    }

    /** Free space then, or null when no disk figures had been taken yet. */
    public DiskFigures toDiskFigures() {
        if (disks == null) {
            return null;
        }
        DiskSpace state = null;
        List<DiskSpace> recordings = new ArrayList<>();
        for (Disk d : disks) {
            String detail = d.freeBytes() == null ? "unknown" : gib(d.freeBytes()) + " free";
            DiskSpace s = new DiskSpace(d.path(), d.freeBytes(), d.level(), detail);
            if ("state".equals(d.role()) && state == null) {
                state = s;
            } else {
                recordings.add(s);
            }
        }
        return new DiskFigures(state == null ? new DiskSpace("", null, "unknown", "not recorded") : state,
                List.copyOf(recordings));
    }

    /** This sample with only the camera {@code id} (the others left out). */
    public SampleRecord onlyCamera(String id) {
        return new SampleRecord(time, intervalMs, cpu, cores, load, memTotalMib, memAvailableMib, temps, vpu,
                processes, cameras == null ? null : cameras.stream().filter(c -> id.equals(c.id())).toList(), disks,
                recorder);
    }

    static String gib(long bytes) {
        return bytes >= (1L << 30) ? String.format("%.1f GiB", bytes / (double) (1L << 30)) : (bytes >> 20) + " MiB";
    }
}
