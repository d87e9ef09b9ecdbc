package dev.r58ctl.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The cameras, worked out on first use: a command that needs none of them (rollback, the boot guard, the kernel
 * log) never reads the recorder's file. When the cameras come from the recorder's file, nothing in it can fail:
 * a file that cannot be used gives one {@link #warning()} and the cameras of r58ctl's own file (or the built-in
 * ones); a camera that cannot be used carries its problems ({@link Camera#problems()}).
 */
public final class CameraList {
    /**
     * What was worked out.
     *
     * @param cameras      every camera, in file order, usable or not
     * @param from         the file they came from, or null for the built-in defaults
     * @param recorderFile the recorder's file when {@code recorder.config} names one, else null
     * @param warning      why the recorder's file gave no cameras, or null
     * @param notes        other things the recorder's file said that r58ctl could not use
     * @param recording    the recorder's {@code recording:} settings (defaults when it has none)
     * @param recorderPlatform the recorder's own {@code platform:}, or null
     */
    record Resolved(List<Camera> cameras, Path from, Path recorderFile, ConfigProblem warning,
                    List<ConfigProblem> notes, Config.RecordingSettings recording, String recorderPlatform) {
    }

    private final Supplier<Resolved> resolver;
    private Resolved resolved;

    private CameraList(Supplier<Resolved> resolver) {
        this.resolver = resolver;
    }

    /** Cameras known at once (r58ctl's own file alone). */
    static CameraList of(List<Camera> cameras, Path from) {
        Resolved r = new Resolved(List.copyOf(cameras), from, null, null, List.of(),
                Config.RecordingSettings.DEFAULTS, null);
        return new CameraList(() -> r);
    }

    /** Cameras worked out by {@code resolver} at first use, once. */
    static CameraList lazy(Supplier<Resolved> resolver) {
        return new CameraList(resolver);
    }

    private synchronized Resolved get() {
        if (resolved == null) {
            resolved = resolver.get();
        }
        return resolved;
    }

    public List<Camera> cameras() {
        return get().cameras();
    }

    /** The file the cameras came from, or null for the built-in defaults. */
    public Path from() {
        return get().from();
    }

    /** The recorder's file, when {@code recorder.config} names one. */
    public Path recorderFile() {
        return get().recorderFile();
    }

    /** Why the recorder's file gave no cameras (missing, unreadable, not YAML, no cameras: section), or null. */
    public ConfigProblem warning() {
        return get().warning();
    }

    /** The warning as the one line the operator reads, saying where the cameras came from instead; null if none. */
    public String warningLine() {
        Resolved r = get();
        if (r.warning() == null) {
            return null;
        }
        return "the recorder's file " + r.warning().text() + "; cameras come from "
                + (r.from() == null ? "the built-in defaults" : r.from().toString());
    }

    /** Notes on the recorder's file outside any camera, and on r58ctl entries for cameras it does not have. */
    public List<ConfigProblem> notes() {
        return get().notes();
    }

    public Config.RecordingSettings recording() {
        return get().recording();
    }

    public String recorderPlatform() {
        return get().recorderPlatform();
    }

    /** Every camera note, {@code cam2: message (config.yml:109): pipeline commands unavailable for cam2}. */
    public List<String> cameraNotes() {
        List<String> out = new ArrayList<>();
        for (Camera c : cameras()) {
            for (ConfigProblem p : c.problems()) {
                out.add(c.id() + ": " + p.note() + ": pipeline commands unavailable for " + c.id());
            }
        }
        return out;
    }

    /** What {@code --json} outputs show: the cameras and how they were read. */
    public Map<String, Object> json() {
        Resolved r = get();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cameras_from", r.from() == null ? null : r.from().toString());
        m.put("recorder_file", r.recorderFile() == null ? null : r.recorderFile().toString());
        m.put("recorder_file_warning", warningLine());
        m.put("recorder_notes", r.notes().stream().map(ConfigProblem::text).toList());
        Config.RecordingSettings rec = r.recording();
        Map<String, Object> recording = new LinkedHashMap<>();
        recording.put("fragment_duration_ms", rec.fragmentMillis());
        recording.put("min_disk_space_gb", rec.minDiskSpaceGb());
        recording.put("warning_disk_space_gb", rec.warningDiskSpaceGb());
        recording.put("container", rec.container());
        m.put("recording", recording);
        m.put("recorder_platform", r.recorderPlatform());
        m.put("cameras", r.cameras());
        return m;
    }
}
