package dev.r58ctl.config;

import dev.r58ctl.R58Exception;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Finds, reads and validates the configuration. The first problem found is thrown as one line naming the
 * file, line and key; nothing is half-loaded.
 */
public final class ConfigLoader {
    public static final List<Path> SEARCH_PATH = List.of(Path.of("config.yml"), Path.of("/etc/r58ctl/config.yml"));
    /** state_dir when the file does not say. */
    public static final String DEFAULT_STATE_DIR = "~/.local/state/r58ctl";

    static final List<String> TOP_KEYS = List.of(
            "platform", "state_dir", "recorder", "mediamtx", "kernel_log", "monitor", "codecs", "encoders", "stability",
            "guard", "checklist", "remote", "agent", "cameras");
    /** Keys that only r58ctl's file has: a searched file with none of them is taken for the recorder's own. */
    private static final Set<String> OWN_MARKERS = Set.of("recorder", "codecs", "encoders", "kernel_log", "state_dir");
    static final Pattern URL = Pattern.compile("https?://[^\\s\"'`]+");

    private Path explicitFile;
    private Path stateDirOverride;
    private Path compatibleFile = Platform.DEVICE_TREE_COMPATIBLE;
    private List<Path> searchPath = SEARCH_PATH;
    private Path home = Path.of(System.getProperty("user.home", "/root"));

    /** A file given with {@code --config}: it must exist. */
    public ConfigLoader file(Path file) {
        this.explicitFile = file;
        return this;
    }

    /** {@code --state-dir}: wins over the file's {@code state_dir}. */
    public ConfigLoader stateDir(Path dir) {
        this.stateDirOverride = dir;
        return this;
    }

    /** Where platform detection reads the device tree (tests point it at a fixture). */
    public ConfigLoader compatibleFile(Path file) {
        this.compatibleFile = file;
        return this;
    }

    public ConfigLoader searchPath(List<Path> paths) {
        this.searchPath = List.copyOf(paths);
        return this;
    }

    public ConfigLoader home(Path home) {
        this.home = home;
        return this;
    }

    /** The default state directory for this user, for a command that must run without a configuration. */
    public static Path defaultStateDir() {
        return Path.of(System.getProperty("user.home", "/root")).resolve(DEFAULT_STATE_DIR.substring(2));
    }

    public Config load() {
        List<String> notes = new ArrayList<>();
        Path file = locate(notes);
        YamlNode root;
        if (file == null) {
            notes.add("no configuration file found (looked at "
                    + String.join(", ", searchPath.stream().map(Path::toString).toList())
                    + "); using built-in defaults");
            root = builtIn();
        } else {
            root = YamlNode.parse(file, file.toString());
        }
        return build(file, root, notes);
    }

    private Path locate(List<String> notes) {
        if (explicitFile != null) {
            if (!Files.isRegularFile(explicitFile)) {
                throw R58Exception.badInput(explicitFile + ": no such configuration file");
            }
            return explicitFile;
        }
        for (Path candidate : searchPath) {
            if (Files.isRegularFile(candidate)) {
                YamlNode probe = YamlNode.parse(candidate, candidate.toString());
                if (probe.isMap() && probe.map().containsKey("cameras")
                        && Collections.disjoint(probe.map().keySet(), OWN_MARKERS)) {
                    notes.add(candidate + " looks like the recorder's own file; skipped (point recorder.config at it)");
                    continue;
                }
                return candidate;
            }
        }
        return null;
    }

    private Config build(Path file, YamlNode root, List<String> notes) {
        Map<String, YamlNode> top = root.isNull() ? Map.of() : root.mapOf(TOP_KEYS);

        String platformSetting = "auto";
        Platform platform = Platform.detect(compatibleFile);
        YamlNode platformNode = top.get("platform");
        if (platformNode != null) {
            platformSetting = platformNode.string("auto, r58 or generic").trim();
            switch (platformSetting) {
                case "auto" -> { }
                case "r58" -> platform = Platform.R58;
                case "generic" -> platform = Platform.GENERIC;
                default -> throw platformNode.error("expected auto, r58 or generic, got " + YamlNode.quote(platformSetting));
            }
        }

        // the file's state_dir is checked even when --state-dir wins, so that a bad file fails the same way
        Path fileStateDir = expand(top.containsKey("state_dir") ? top.get("state_dir").string("a directory")
                : DEFAULT_STATE_DIR);
        Path stateDir = stateDirOverride != null ? stateDirOverride : fileStateDir;

        Config.RecorderSettings recorder = RecorderReader.read(top.get("recorder"), this::expand);
        Config.MediamtxSettings mediamtx = MediamtxReader.read(top.get("mediamtx"));
        Config.KernelLogSettings kernelLog = KernelLogReader.read(top.get("kernel_log"), this::expand);
        Config.MonitorSettings monitor = MonitorReader.read(top.get("monitor"), this::expand);
        Config.RemoteSettings remote = RemoteReader.read(top.get("remote"), this::expand);
        Config.AgentSettings agent = AgentReader.read(top.get("agent"), this::expand, stateDir,
                // /run/r58ctl/ for the board's agent; a --state-dir (a test, a second instance) keeps its own socket
                stateDirOverride == null && "root".equals(System.getProperty("user.name")));
        Map<String, YamlNode> defaults = builtIn().map();
        Map<Platform, Map<Codec, String>> codecs = EncoderReader.codecs(top.get("codecs"),
                EncoderReader.codecs(defaults.get("codecs"), null));
        Map<String, Map<String, Object>> encoders = EncoderReader.encoders(top.get("encoders"),
                EncoderReader.encoders(defaults.get("encoders"), Map.of()));

        Map<String, YamlNode> own = top.containsKey("cameras") ? top.get("cameras").map() : Map.of();
        CameraList cameraList;
        List<Camera> ownCameras = List.of();
        if (recorder.config() == null) {
            // cameras from r58ctl's own file alone: r58ctl's, so strict
            CameraReader reader = new CameraReader(platform, codecs);
            List<Camera> cameras = new ArrayList<>();
            int index = 0;
            for (YamlNode cam : own.values()) {
                cameras.add(reader.read(cam, cam.mapOf(CameraReader.ALL_KEYS), index++, CameraReader.Mode.STRICT));
            }
            if (cameras.isEmpty()) {
                notes.add("no cameras configured");
            }
            cameraList = CameraList.of(cameras, file);
            ownCameras = cameras;
        } else {
            // r58ctl's entries are checked now, each alone; how they meet the recorder's file is worked out leniently
            // at first use, so that a command which needs no camera never reads the recorder's file
            CameraReader check = new CameraReader(platform, codecs);
            for (YamlNode cam : own.values()) {
                check.read(cam, cam.mapOf(CameraReader.ALL_KEYS), 0, CameraReader.Mode.VALUES_ONLY);
            }
            Map<String, YamlNode> builtInCameras = file == null ? own : defaults.get("cameras").map();
            Path recorderFile = recorder.config();
            Platform p = platform;
            cameraList = CameraList.lazy(() -> new RecorderCameras(p, codecs, own, file, builtInCameras)
                    .resolve(recorderFile));
        }
        // a file without evidence of its own starts from the shipped example's (the H.265 migration plan's matrix)
        YamlNode stabilityNode = top.get("stability");
        Config.StabilitySettings stability = StabilityReader.read(stabilityNode, encoders, ownCameras);
        if (stabilityNode == null || !stabilityNode.map().containsKey("evidence")) {
            Config.StabilitySettings builtIn = StabilityReader.read(defaults.get("stability"), encoders, List.of());
            stability = new Config.StabilitySettings(stability.width(), stability.height(), stability.framerate(),
                    stability.encode(), stability.soak(), stability.push(), stability.minFramesPercent(),
                    stability.kernelTrouble(), stability.pushPath(), stability.pushTransport(), stability.pushRtpPort(),
                    stability.cpuCeiling(), builtIn.evidence(), stability.pauseCameras());
        }
        Config.GuardSettings guard = GuardReader.read(top.get("guard"));
        Config.ChecklistSettings checklist = ChecklistReader.read(top.get("checklist"), this::expand, stateDir,
                mediamtx, stability);
        return new Config(file, platform, platformSetting, stateDir, recorder, mediamtx, kernelLog, monitor, codecs,
                encoders, stability, guard, checklist, remote, agent, cameraList, List.copyOf(notes));
    }

    /** The shipped example, whose codecs: and encoders: are the defaults a file's entries replace one by one. */
    private static YamlNode builtIn() {
        java.util.concurrent.CompletableFuture<YamlNode> early = prefetched;
        return early != null ? early.join() : YamlNode.parse(resource("config.yml"), "built-in defaults");
    }

    private static volatile java.util.concurrent.CompletableFuture<YamlNode> prefetched;

    /**
     * Starts parsing the built-in defaults (the jar's config.yml, ~190 lines) on a daemon thread, for the launcher:
     * the first configuration read then finds them parsed while it read the operator's own file. Once per JVM.
     */
    public static synchronized void prefetchDefaults() {
        if (prefetched == null) {
            java.util.concurrent.CompletableFuture<YamlNode> f = new java.util.concurrent.CompletableFuture<>();
            Thread t = new Thread(() -> {
                try {
                    f.complete(YamlNode.parse(resource("config.yml"), "built-in defaults"));
                } catch (RuntimeException | Error e) {
                    f.completeExceptionally(e);
                }
            }, "r58ctl-defaults");
            t.setDaemon(true);
            t.start();
            prefetched = f;
        }
    }

    private Path absolute(YamlNode node) {
        return absolute(this::expand, node);
    }

    static Path absolute(Function<String, Path> expand, YamlNode node) {
        Path p = expand.apply(node.string("an absolute path"));
        if (!p.isAbsolute()) {
            throw node.error("expected an absolute path, got " + YamlNode.quote(node.string("")));
        }
        return p;
    }

    static String matching(YamlNode node, Pattern pattern, String expected) {
        String v = node.string(expected).trim();
        if (!pattern.matcher(v).matches()) {
            throw node.error("expected " + expected + ", got " + YamlNode.quote(v));
        }
        return v;
    }

    private Path expand(String path) {
        if (path.equals("~")) {
            return home;
        }
        if (path.startsWith("~/")) {
            return home.resolve(path.substring(2));
        }
        return Path.of(path);
    }

    private static String resource(String name) {
        try (InputStream in = ConfigLoader.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
