package dev.r58ctl.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The recorder's own {@code config.yml}, read as foreign input: it belongs to the recorder and changes with it, so
 * nothing in it stops r58ctl. What r58ctl uses (the {@code cameras:} section, the {@code recording:} section and
 * {@code platform}) is taken; every other section is ignored. A file that is missing, unreadable, not YAML or without
 * cameras gives one {@link #warning()}; a bad value in {@code recording:} gives a note and its default. Camera
 * entries are handed on raw, so that a bad key costs that camera only.
 */
final class RecorderFile {
    /** The recorder's fragment duration before it had a {@code recording:} section: a fragment every second. */
    static final int DEFAULT_FRAGMENT_MS = 1000;

    private final Path file;
    private final ConfigProblem warning;
    private final Map<String, YamlNode> cameras;
    private final Map<String, List<ConfigProblem>> cameraProblems = new LinkedHashMap<>();
    private final List<ConfigProblem> notes = new ArrayList<>();
    private final Config.RecordingSettings recording;
    private final String platform;

    private RecorderFile(Path file, YamlNode root, ConfigProblem warning) {
        this.file = file;
        Map<String, YamlNode> top = root != null && root.isMap() ? root.lenientMap(notes::add) : Map.of();
        ConfigProblem w = warning;
        Map<String, YamlNode> cams = null;
        if (w == null) {
            YamlNode section = top.get("cameras");
            if (root.isNull()) {
                w = root.problem("empty file: no cameras: section");
            } else if (!root.isMap()) {
                w = root.problem("expected the recorder's settings (a mapping), got " + root.describe());
            } else if (section == null || section.isNull()) {
                w = root.problem("no cameras: section");
            } else if (!section.isMap()) {
                w = section.problem("expected a mapping of camera ids, got " + section.describe());
            } else {
                cams = section.lenientMap(p -> cameraProblems.computeIfAbsent(cameraOf(p), k -> new ArrayList<>())
                        .add(p));
            }
        }
        this.warning = w;
        this.cameras = cams;
        this.recording = recording(top.get("recording"));
        YamlNode p = top.get("platform");
        this.platform = p == null || p.isNull() || p.isMap() || p.isList() ? null : p.scalar("a platform");
    }

    /** Reads {@code file}; never throws. */
    static RecorderFile read(Path file) {
        if (!Files.exists(file)) {
            return new RecorderFile(file, null, new ConfigProblem(file.toString(), 0, "", "not found"));
        }
        try {
            return new RecorderFile(file, YamlNode.parse(file, file.toString()), null);
        } catch (ConfigError e) {
            return new RecorderFile(file, null, e.problem());
        } catch (RuntimeException e) {
            // whatever the YAML library does with a strange file, the recorder's file never stops a command
            return new RecorderFile(file, null, new ConfigProblem(file.toString(), 0, "", "cannot read: " + e));
        }
    }

    private static String cameraOf(ConfigProblem p) {
        String k = p.key().startsWith("cameras.") ? p.key().substring("cameras.".length()) : p.key();
        int dot = k.indexOf('.');
        return dot < 0 ? k : k.substring(0, dot);
    }

    Path file() {
        return file;
    }

    /** Why no camera could be taken from the file, or null when its cameras: section was read. */
    ConfigProblem warning() {
        return warning;
    }

    /** The camera entries in file order (raw), or null when {@link #warning()} says why there are none. */
    Map<String, YamlNode> cameras() {
        return cameras;
    }

    /** Problems found while listing the cameras (a repeated id) for this camera. */
    List<ConfigProblem> problemsOf(String camera) {
        return cameraProblems.getOrDefault(camera, List.of());
    }

    /** Notes on the file outside the cameras: a repeated section, a bad value in recording:. */
    List<ConfigProblem> notes() {
        return List.copyOf(notes);
    }

    Config.RecordingSettings recording() {
        return recording;
    }

    /** The recorder's {@code platform:} ({@code auto} means it detects the board itself), or null. */
    String platform() {
        return platform;
    }

    private Config.RecordingSettings recording(YamlNode node) {
        if (node == null) {
            return Config.RecordingSettings.DEFAULTS;
        }
        Map<String, YamlNode> m = node.lenientMap(notes::add);
        int fragment = DEFAULT_FRAGMENT_MS;
        Double min = null;
        Double warn = null;
        String container = null;
        try {
            if (m.containsKey("fragment_duration")) {
                fragment = m.get("fragment_duration").integer("milliseconds", 100, 60_000);
            }
        } catch (ConfigError e) {
            notes.add(e.problem());
        }
        min = gigabytes(m.get("min_disk_space_gb"));
        warn = gigabytes(m.get("warning_disk_space_gb"));
        YamlNode c = m.get("container");
        if (c != null && !c.isNull() && !c.isMap() && !c.isList()) {
            container = c.scalar("a container").trim().toLowerCase(java.util.Locale.ROOT);
        }
        return new Config.RecordingSettings(fragment, min, warn, container, node.where());
    }

    private Double gigabytes(YamlNode n) {
        if (n == null || n.isNull()) {
            return null;
        }
        Object v;
        try {
            v = n.plainValue();
        } catch (ConfigError e) {
            notes.add(e.problem());
            return null;
        }
        if (v instanceof Number num && num.doubleValue() >= 0) {
            return num.doubleValue();
        }
        notes.add(n.problem("expected gigabytes as a number, got " + n.describe() + "; the default is used"));
        return null;
    }
}
