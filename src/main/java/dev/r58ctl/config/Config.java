package dev.r58ctl.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The effective configuration: r58ctl's own file merged with the recorder's camera list, validated,
 * with every default resolved.
 *
 * @param file          the configuration file used, or null when built-in defaults were used
 * @param platform      the platform in effect
 * @param platformSetting what the file said ({@code auto}, {@code r58} or {@code generic})
 * @param stateDir      where r58ctl keeps its state, results and log
 * @param recorder      the recorder service
 * @param mediamtx      the MediaMTX server
 * @param kernelLog     the kernel log source setting
 * @param codecs        encoder element per codec and platform
 * @param encoders      settings per encoder element
 * @param cameras       the cameras, in file order
 * @param camerasFrom   the file the camera list came from
 * @param notes         things the operator should know about how the configuration was read
 */
public record Config(
        Path file,
        Platform platform,
        String platformSetting,
        Path stateDir,
        RecorderSettings recorder,
        MediamtxSettings mediamtx,
        String kernelLog,
        Map<Platform, Map<Codec, String>> codecs,
        Map<String, Map<String, Object>> encoders,
        List<Camera> cameras,
        Path camerasFrom,
        List<String> notes) {

    public Optional<Camera> camera(String id) {
        return cameras.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    /** The camera with that id, or a bad-input error listing the known ids. */
    public Camera requireCamera(String id) {
        return camera(id).orElseThrow(() -> dev.r58ctl.R58Exception.badInput(
                "no camera \"" + id + "\"; configured: "
                        + String.join(", ", cameras.stream().map(Camera::id).toList())));
    }

    /** Settings of an encoder element, empty when the configuration has none. */
    public Map<String, Object> encoderSettings(String element) {
        return encoders.getOrDefault(element, Map.of());
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

    /** The MediaMTX server the cameras publish to. */
    public record MediamtxSettings(String host, int rtspPort, int rtmpPort, String apiUrl) {
    }
}
