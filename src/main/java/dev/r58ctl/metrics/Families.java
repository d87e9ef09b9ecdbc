package dev.r58ctl.metrics;

import dev.r58ctl.engine.CameraView;
import dev.r58ctl.guard.GuardResult;
import dev.r58ctl.kernel.Severity;
import dev.r58ctl.monitor.DiskFigures;
import dev.r58ctl.monitor.DiskLimits;
import dev.r58ctl.monitor.DiskSpace;
import dev.r58ctl.monitor.SystemSample;
import dev.r58ctl.stability.MatrixReport;
import dev.r58ctl.stability.MatrixRow;
import dev.r58ctl.stability.MatrixStatus;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Every metric family r58ctl exports, in the order of the reference table in docs/prometheus.md. Percentages from
 * the engine are written as ratios (0-1; a camera's CPU is a share of one core, so it can pass 1).
 */
final class Families {
    private static final String GAUGE = "gauge";
    private static final String COUNTER = "counter";
    private static final String VERSION = versionOf();

    /** What one scrape writes, read once from the state so the families agree with each other. */
    record Snapshot(long nowMillis, long startedMillis, SystemSample sample, List<CameraView> cameras,
                    DiskFigures disks, DiskLimits stateLimits, DiskLimits recordingLimits, Boolean recorderHealthy,
                    long[] incidents, long[] lastIncidentMillis, TrialReading.Reading trial, MatrixReport matrix,
                    GuardResult guard) {
    }

    private Families() {
    }

    static void write(Snapshot s, Exposition out) {
        out.family("r58ctl_build_info", GAUGE, "r58ctl's version and the Java it runs on (always 1).")
                .sample(1, "version", VERSION, "java_version", System.getProperty("java.version"));
        SystemSample x = s.sample();
        long lastSample = x == null ? s.startedMillis() : x.timeMillis();
        out.family("r58ctl_sample_age_seconds", GAUGE,
                        "Seconds since the last system sample (since the start before the first); grows when the sampler is stuck.")
                .sample(Math.max(0, s.nowMillis() - lastSample) / 1000.0);
        if (x != null) {
            system(x, out);
        }
        cameras(s.cameras(), out);
        disks(s, out);
        out.family("r58ctl_recorder_healthy", GAUGE, "1 when the recorder's health URL answers healthy, else 0.");
        if (s.recorderHealthy() != null) {
            out.sample(s.recorderHealthy() ? 1 : 0);
        }
        kernel(s, out);
        trial(s.trial(), out);
        matrix(s.matrix(), out);
        guard(s.guard(), out);
    }

    private static void system(SystemSample x, Exposition out) {
        out.family("r58ctl_last_sample_timestamp_seconds", GAUGE, "When the last system sample was taken (unix time).")
                .sample(x.timeMillis() / 1000.0);
        out.family("r58ctl_cpu_usage_ratio", GAUGE, "CPU in use over all cores during the last sampling interval (0-1).")
                .sample(x.cpuPercent() / 100);
        out.family("r58ctl_cpu_core_usage_ratio", GAUGE, "CPU in use per core during the last sampling interval (0-1).");
        double[] cores = x.corePercent() == null ? new double[0] : x.corePercent();
        for (int i = 0; i < cores.length; i++) {
            out.sample(cores[i] / 100, "core", Integer.toString(i));
        }
        out.family("r58ctl_memory_total_bytes", GAUGE, "Physical memory.").sample(x.memTotalBytes());
        out.family("r58ctl_memory_available_bytes", GAUGE, "Memory available to new work.").sample(x.memAvailableBytes());
        out.family("r58ctl_temperature_celsius", GAUGE, "Temperature of each thermal zone.");
        for (SystemSample.Temperature t : x.temperatures() == null ? List.<SystemSample.Temperature>of() : x.temperatures()) {
            out.sample(t.celsius(), "zone", t.zone(), "type", t.type());
        }
        out.family("r58ctl_vpu_load_ratio", GAUGE, "Video encoder/decoder load per core as the MPP driver reports it (0-1).");
        if (x.vpu() != null && x.vpu().available() && x.vpu().cores() != null) {
            for (Map.Entry<String, Double> e : x.vpu().cores().entrySet()) {
                out.sample(e.getValue() == null ? Double.NaN : e.getValue() / 100, "core", e.getKey());
            }
        }
        List<SystemSample.ProcessCpu> processes = x.processes() == null ? List.of() : x.processes();
        out.family("r58ctl_process_cpu_ratio", GAUGE,
                "CPU of the recorder, MediaMTX and r58ctl during the last interval, as a share of one core.");
        for (SystemSample.ProcessCpu p : processes) {
            if (p.pid() >= 0 && p.cpuPercent() != null) {
                out.sample(p.cpuPercent() / 100, "role", p.role());
            }
        }
        out.family("r58ctl_process_resident_memory_bytes", GAUGE, "Resident memory of the recorder, MediaMTX and r58ctl.");
        for (SystemSample.ProcessCpu p : processes) {
            if (p.pid() >= 0) {
                out.sample(p.rssBytes(), "role", p.role());
            }
        }
    }

    private static void cameras(List<CameraView> cameras, Exposition out) {
        List<CameraView> all = cameras == null ? List.of() : cameras;
        out.family("r58ctl_camera_up", GAUGE, "1 when the camera's pipeline runs (r58ctl's or the recorder's), else 0.");
        for (CameraView c : all) {
            out.sample(up(c) ? 1 : 0, "camera", c.id(), "encoder", c.encoder());
        }
        out.family("r58ctl_camera_fps", GAUGE, "Encoded frames per second over the last interval (pipelines r58ctl runs).");
        for (CameraView c : all) {
            if (c.stats() != null) {
                out.sample(c.stats().fps(), "camera", c.id(), "encoder", c.encoder());
            }
        }
        out.family("r58ctl_camera_output_bytes_per_second", GAUGE, "Encoder output over the last interval (times 8 for the bitrate).");
        for (CameraView c : all) {
            if (c.stats() != null) {
                out.sample(c.stats().bitrateKbps() * 1000 / 8, "camera", c.id(), "encoder", c.encoder());
            }
        }
        out.family("r58ctl_camera_cpu_ratio", GAUGE, "CPU of the camera's pipeline threads, as a share of one core.");
        for (CameraView c : all) {
            if (c.stats() != null) {
                out.sample(c.stats().cpuPercent() / 100, "camera", c.id(), "encoder", c.encoder());
            }
        }
    }

    static boolean up(CameraView c) {
        return "RUNNING".equals(c.state()) || "recorder".equals(c.runBy());
    }

    private static void disks(Snapshot s, Exposition out) {
        DiskFigures d = s.disks();
        if (d == null) {
            return;
        }
        DiskLimits rec = s.recordingLimits() == null ? DiskLimits.of(null) : s.recordingLimits();
        out.family("r58ctl_disk_free_bytes", GAUGE, "Free space on the state disk and on each disk the cameras record to.");
        disk(d, out, (space, limits) -> space.freeBytes() == null ? null : space.freeBytes().doubleValue(), s.stateLimits(), rec);
        out.family("r58ctl_disk_warning_free_bytes", GAUGE,
                "Below this much free space the disk is low (the recorder's warning_disk_space_gb, else r58ctl's level).");
        disk(d, out, (space, limits) -> (double) limits.warningBytes(), s.stateLimits(), rec);
        out.family("r58ctl_disk_min_free_bytes", GAUGE,
                "Below this much free space recording fails (the recorder's min_disk_space_gb, else r58ctl's minimum).");
        disk(d, out, (space, limits) -> (double) limits.minBytes(), s.stateLimits(), rec);
    }

    private interface DiskValue {
        Double of(DiskSpace space, DiskLimits limits);
    }

    private static void disk(DiskFigures d, Exposition out, DiskValue value, DiskLimits state, DiskLimits rec) {
        if (d.state() != null) {
            Double v = value.of(d.state(), state);
            if (v != null) {
                out.sample(v, "disk", "state", "path", d.state().path());
            }
        }
        for (DiskSpace r : d.recordings() == null ? List.<DiskSpace>of() : d.recordings()) {
            Double v = value.of(r, rec);
            if (v != null) {
                out.sample(v, "disk", "recordings", "path", r.path());
            }
        }
    }

    private static void kernel(Snapshot s, Exposition out) {
        Severity[] all = Severity.values();
        out.family("r58ctl_kernel_incidents_total", COUNTER,
                "Kernel incidents opened since r58ctl started, by severity (critical: Oops, panic, BUG).");
        for (Severity v : all) {
            out.sample(s.incidents()[v.ordinal()], "severity", name(v));
        }
        out.family("r58ctl_kernel_last_incident_timestamp_seconds", GAUGE,
                "When the latest kernel incident of each severity opened (unix time).");
        for (Severity v : all) {
            if (s.lastIncidentMillis()[v.ordinal()] > 0) {
                out.sample(s.lastIncidentMillis()[v.ordinal()] / 1000.0, "severity", name(v));
            }
        }
    }

    private static void trial(TrialReading.Reading t, Exposition out) {
        out.family("r58ctl_trial_record_readable", GAUGE,
                "1 when the guard's trial record is absent or readable, 0 when it cannot be read (armed state unknown).")
                .sample(t.armed() == null ? 0 : 1);
        out.family("r58ctl_trial_armed", GAUGE, "1 while a panic-safe trial is armed (absent while unknown).");
        if (t.armed() != null) {
            out.sample(t.armed() ? 1 : 0);
        }
        out.family("r58ctl_trial_armed_timestamp_seconds", GAUGE, "When the armed trial was armed (unix time).");
        if (t.armedAtMillis() != null) {
            out.sample(t.armedAtMillis() / 1000.0);
        }
    }

    private static void matrix(MatrixReport m, Exposition out) {
        out.family("r58ctl_matrix_verdict", GAUGE,
                "The stability matrix: 1 for each encoder and settings' current status, 0 for the others.");
        if (m == null || m.rows() == null) {
            return;
        }
        for (MatrixRow r : m.rows()) {
            String settings = settings(r);
            for (MatrixStatus st : MatrixStatus.values()) {
                out.sample(st == r.status() ? 1 : 0, "encoder", r.encoder(), "settings", settings,
                        "status", st.name().toLowerCase(Locale.ROOT));
            }
        }
    }

    /** The settings part of the row's key ({@code gop=30 rc-mode=cbr}), {@code unknown} when unrecorded. */
    static String settings(MatrixRow r) {
        if (r.settings() == null) {
            return "unknown";
        }
        String key = r.key();
        String rest = key.startsWith(r.encoder()) ? key.substring(r.encoder().length()).trim() : key;
        return rest.isEmpty() ? "default" : rest;
    }

    private static void guard(GuardResult g, Exposition out) {
        boolean rolled = g != null && "rolled-back".equals(g.action());
        out.family("r58ctl_guard_rolled_back", GAUGE, "1 when the boot guard rolled the recorder back in this boot.")
                .sample(rolled ? 1 : 0);
        out.family("r58ctl_guard_rollback_timestamp_seconds", GAUGE, "When the boot guard rolled back (unix time).");
        if (rolled && g.time() != null) {
            try {
                out.sample(java.time.Instant.parse(g.time()).toEpochMilli() / 1000.0);
            } catch (java.time.format.DateTimeParseException e) {
                // a time that is not one: the 0/1 above still says it
            }
        }
    }

    private static String name(Severity s) {
        return s.name().toLowerCase(Locale.ROOT);
    }

    private static String versionOf() {
        String v = Families.class.getPackage() == null ? null : Families.class.getPackage().getImplementationVersion();
        return v == null ? "development" : v;
    }
}
