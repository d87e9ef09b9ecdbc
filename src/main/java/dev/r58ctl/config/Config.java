package dev.r58ctl.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The effective configuration: r58ctl's own file, validated, with every default resolved, and the cameras, which come
 * from the recorder's own file when {@code recorder.config} names one and are read from it at first use, leniently
 * ({@link CameraList}).
 *
 * @param file          the configuration file used, or null when built-in defaults were used
 * @param platform      the platform in effect
 * @param platformSetting what the file said ({@code auto}, {@code r58} or {@code generic})
 * @param stateDir      where r58ctl keeps its state, results and log
 * @param recorder      the recorder service
 * @param mediamtx      the MediaMTX server
 * @param kernel        the kernel log: source, previous boot, extra patterns
 * @param monitor       sampling of system figures and stream status
 * @param codecs        encoder element per codec and platform
 * @param encoders      settings per encoder element
 * @param stability     stability test defaults, known encoder evidence and the capacity ceiling
 * @param guard         the panic-safe trial's defaults
 * @param checklist     the guided migration ({@code r58ctl checklist})
 * @param remote        where {@code r58ctl --host} sends commands
 * @param agent         the always-on engine ({@code r58ctl agent}): sampling, history, metrics, control socket
 * @param cameraList    the cameras, in file order, and how they were read
 * @param notes         things the operator should know about how the configuration was read
 */
public record Config(
        Path file,
        Platform platform,
        String platformSetting,
        Path stateDir,
        RecorderSettings recorder,
        MediamtxSettings mediamtx,
        KernelLogSettings kernel,
        MonitorSettings monitor,
        Map<Platform, Map<Codec, String>> codecs,
        Map<String, Map<String, Object>> encoders,
        StabilitySettings stability,
        GuardSettings guard,
        ChecklistSettings checklist,
        RemoteSettings remote,
        AgentSettings agent,
        @com.fasterxml.jackson.annotation.JsonIgnore CameraList cameraList,
        List<String> notes) {

    /** The cameras, in file order, usable or not ({@link Camera#usable()}). */
    @com.fasterxml.jackson.annotation.JsonProperty("cameras")
    public List<Camera> cameras() {
        return cameraList.cameras();
    }

    /** The file the camera list came from, or null for the built-in defaults. */
    @com.fasterxml.jackson.annotation.JsonProperty("cameras_from")
    public Path camerasFrom() {
        return cameraList.from();
    }

    /** How the recorder's file was read, for {@code config check --json} and the evidence bundle. */
    @com.fasterxml.jackson.annotation.JsonProperty("recorder_file")
    public java.util.Map<String, Object> recorderFileJson() {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>(cameraList.json());
        m.remove("cameras");
        return m;
    }

    /** The recorder's {@code recording:} settings: fragment duration, disk space thresholds. */
    public RecordingSettings recording() {
        return cameraList.recording();
    }

    /**
     * The directories the cameras record into (the fixed part of each {@code output_path}), to name what takes the
     * space of a full disk. Never throws: the recorder's file is read here (foreign input), and a rollback or a full
     * disk's refusal must not depend on it; empty when the cameras cannot be read.
     */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public List<Path> recordingDirs() {
        try {
            return cameras().stream().filter(Camera::records).map(c -> {
                String path = c.outputPath();
                int pattern = path.indexOf('%'); // strftime: /recordings/%Y%m%d/cam0_%H%M%S.mkv gives /recordings
                String fixed = pattern < 0 ? path : path.substring(0, pattern);
                int slash = fixed.lastIndexOf('/');
                return slash <= 0 ? null : Path.of(fixed.substring(0, slash));
            }).filter(java.util.Objects::nonNull).distinct().toList();
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    public Optional<Camera> camera(String id) {
        return cameras().stream().filter(c -> c.id().equals(id)).findFirst();
    }

    /** The camera with that id, or a bad-input error listing the known ids. */
    public Camera requireCamera(String id) {
        return camera(id).orElseThrow(() -> dev.r58ctl.R58Exception.badInput(
                "no camera \"" + id + "\"; configured: "
                        + String.join(", ", cameras().stream().map(Camera::id).toList())));
    }

    /** The camera with that id for a command that builds its pipeline: refused when it has problems. */
    public Camera requirePipelineCamera(String id) {
        return requireCamera(id).requireUsable();
    }

    /** The kernel log source setting: auto, kmsg, journalctl, dmesg or file:PATH. */
    public String kernelLog() {
        return kernel.source();
    }

    /** Settings of an encoder element, empty when the configuration has none. */
    public Map<String, Object> encoderSettings(String element) {
        return encoders.getOrDefault(element, Map.of());
    }

    /**
     * The recorder's {@code recording:} section (January 2026 on), each value its default when absent or unusable.
     *
     * @param fragmentMillis   how often a {@code .mov} recording writes a fragment, so a cut file still opens
     * @param minDiskSpaceGb   below this much free space the recorder refuses to record (null: not set)
     * @param warningDiskSpaceGb below this much free space the recorder warns (null: not set)
     * @param container        the container the recorder names ({@code mov}), or null
     * @param origin           where the section stands ({@code file:line}), or null
     */
    public record RecordingSettings(int fragmentMillis, Double minDiskSpaceGb, Double warningDiskSpaceGb,
                                    String container, String origin) {
        public static final RecordingSettings DEFAULTS = new RecordingSettings(RecorderFile.DEFAULT_FRAGMENT_MS, null,
                null, null, null);
    }

    /**
     * The recorder service and its checkout.
     *
     * @param serviceManager  {@code systemd} (the unit {@code service}) or {@code process} ({@code serviceCommand})
     * @param serviceCommand  the argument list the process manager starts; empty for systemd
     * @param healthTimeoutMs how long a health check may take, and how long to wait for health after a start
     */
    public record RecorderSettings(Path repo, Path config, String service, String healthUrl,
                                   String statusUrl, String fixLog, String serviceManager,
                                   List<String> serviceCommand, int healthTimeoutMs) {
    }

    /**
     * Remote mode: where {@code r58ctl --host} runs commands. Keys only, never a password.
     *
     * @param host       {@code [USER@]HOST[:PORT]} used when no --host is given, or null to run locally
     * @param command    the r58ctl command on the board (a shell word list; arguments are appended quoted)
     * @param identity   the private key, or null for ~/.ssh/id_ecdsa, id_ed25519, id_rsa (those that exist)
     * @param knownHosts the known_hosts file host keys are checked against
     */
    public record RemoteSettings(String host, String command, Path identity, Path knownHosts) {
    }

    /**
     * The kernel log.
     *
     * @param source       auto, kmsg, journalctl, dmesg or file:PATH
     * @param previousBoot auto (the journal's previous boot, then /sys/fs/pstore), none, or file:PATH
     * @param bootIdFile   where this boot's id is read (tests and the demo simulate boots with a file)
     * @param patterns     extra classifier patterns
     */
    public record KernelLogSettings(String source, String previousBoot, Path bootIdFile, List<PatternSetting> patterns) {
    }

    /**
     * An extra kernel-log pattern from configuration.
     *
     * @param id       a short name
     * @param severity warning, error or critical
     * @param literal  text the line must contain (fast prefilter)
     * @param regex    an optional regular expression the line must also match
     * @param label    what it means, shown to the operator
     */
    public record PatternSetting(String id, String severity, String literal, String regex, String label) {
    }

    /**
     * Sampling of the board.
     *
     * @param intervalMillis  how often the dashboard samples (one wake-up for everything)
     * @param historySamples  how many samples are kept for sparklines and reports
     * @param recorderProcess the recorder's command name, or null to take systemd's MainPID of recorder.service
     * @param mediamtxProcess MediaMTX's command name
     * @param thermalDir      where thermal zones are read
     * @param vpuLoadFile     where the MPP driver reports VPU load
     * @param httpTimeoutMillis timeout of each health, status and MediaMTX request
     * @param streamPollMillis how often the dashboard polls recorder and MediaMTX (ten times slower while
     *                         neither answers)
     */
    public record MonitorSettings(long intervalMillis, int historySamples, String recorderProcess,
                                  String mediamtxProcess, Path thermalDir, Path vpuLoadFile, long httpTimeoutMillis,
                                  long streamPollMillis) {
    }

    /**
     * The MediaMTX server the cameras publish to.
     *
     * @param readUrl where a published stream is read back: a template with {@code {path}} for the path name
     */
    public record MediamtxSettings(String host, int rtspPort, int rtmpPort, String apiUrl, String readUrl) {
        /** Where a stream is published to {@code path} by RTSP. */
        public String rtspUrl(String path) {
            return "rtsp://" + host + ":" + rtspPort + "/" + path;
        }

        /** Where what is published to {@code path} is read back. */
        public String readUrlFor(String path) {
            return readUrl.replace("{path}", path);
        }
    }

    /**
     * Stability tests and the encoder matrix.
     *
     * @param width            test source width
     * @param height           test source height
     * @param framerate        test source frames per second
     * @param encode           default duration of the encode test
     * @param soak             default duration of the soak test
     * @param push             default duration of the push test
     * @param minFramesPercent share of the frames the duration implies that must be there for a pass
     * @param kernelTrouble    the kernel severity (warning, error, critical) that stops a test as UNSTABLE
     * @param pushPath         the MediaMTX path the push test publishes to; never a camera's
     * @param pushTransport    rtsp (rtspclientsink) or rtp (RTP over UDP)
     * @param pushRtpPort      the UDP port of the push test's RTP
     * @param cpuCeiling       % of all cores the cameras' streams may use together
     * @param evidence         what is known before any run, oldest knowledge first
     * @param pauseCameras     whether a test started from the dashboard stops the cameras r58ctl runs first (EOS)
     *                         and starts them again, into new files, when it ends
     */
    public record StabilitySettings(int width, int height, int framerate, java.time.Duration encode,
                                    java.time.Duration soak, java.time.Duration push, int minFramesPercent,
                                    String kernelTrouble, String pushPath, Transport pushTransport, int pushRtpPort,
                                    int cpuCeiling, List<Evidence> evidence, boolean pauseCameras) {
    }

    /**
     * A row of known evidence from configuration (the stability matrix of the H.265 migration plan, December 2025).
     *
     * @param encoder      the encoder element
     * @param settings     its settings, or null when they were not recorded
     * @param status       stable, unstable, partial or untested
     * @param cpuPerStream CPU of one stream in % of all cores, or null when unknown
     * @param date         when it was learned (YYYY-MM-DD), or null
     * @param note         what was seen
     * @param kernel       kernel lines that are the evidence
     * @param origin       file:line it came from
     */
    public record Evidence(String encoder, Map<String, Object> settings, String status, Double cpuPerStream,
                           String date, String note, List<String> kernel, String origin) {
    }

    /**
     * The panic-safe trial ({@code r58ctl trial}, {@code r58ctl guard boot}). Boots are told apart by
     * {@code kernel_log.boot_id_file}.
     *
     * @param maxBoots boots after arming without a commit before the guard rolls back
     * @param window   how long a trial may stay armed without a commit before the guard rolls back at the next boot
     */
    /**
     * The always-on engine, {@code r58ctl agent}.
     *
     * @param interval     how often it samples the board
     * @param retention    how long its history is kept under {@code <state_dir>/history/}
     * @param metricsHost  where the Prometheus exposition listens, or null when {@code metrics: off}
     * @param metricsPort  its port (0 when off)
     * @param socket       the control socket front ends attach to
     */
    public record AgentSettings(java.time.Duration interval, java.time.Duration retention, String metricsHost,
                                int metricsPort, Path socket) {
        public boolean metricsEnabled() {
            return metricsHost != null;
        }

        /** {@code HOST:PORT} or {@code off}, as written in the file. */
        public String metricsAddress() {
            return metricsHost == null ? "off"
                    : (metricsHost.contains(":") ? "[" + metricsHost + "]" : metricsHost) + ":" + metricsPort;
        }
    }

    public record GuardSettings(int maxBoots, java.time.Duration window) {
    }

    /**
     * The guided migration ({@code r58ctl checklist}).
     *
     * @param file           a checklist replacing the built-in one, or null for the built-in
     * @param targetEncoder  the encoder migrated to; its settings are its {@code encoders:} entry (the matrix key)
     * @param currentEncoder the encoder in use, kept when the target is unstable
     * @param patch          the migration patch (a unified diff)
     * @param commitMessage  the migration commit's message
     * @param browserUrl     where the operator opens the test stream in a browser, or null without a browser view
     * @param encode         the checklist's encode test
     * @param soak           the checklist's sustained encode
     * @param push           the checklist's push test
     * @param watch          the watch with the first cameras before the rest are enabled
     * @param monitor        the monitoring period that ends with the trial commit
     */
    public record ChecklistSettings(Path file, String targetEncoder, String currentEncoder, Path patch,
                                    String commitMessage, String browserUrl, java.time.Duration encode,
                                    java.time.Duration soak, java.time.Duration push, java.time.Duration watch,
                                    java.time.Duration monitor) {
    }
}
