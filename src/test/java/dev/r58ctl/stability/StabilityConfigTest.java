package dev.r58ctl.stability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.r58ctl.R58Exception;
import dev.r58ctl.config.Config;
import dev.r58ctl.config.EncoderSettings;
import dev.r58ctl.config.Transport;
import dev.r58ctl.testsupport.TestConfigs;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code stability:} section and {@code mediamtx.read_url}: defaults, the seed's evidence, and one-line errors. */
class StabilityConfigTest {
    private static final String HEAD = "platform: generic\nrecorder: {config: null}\n";
    private static final String CAMS = "cameras:\n  cam0: {codec: h264, transport: rtp, rtp_port: 5010}\n";

    @TempDir
    Path dir;

    private Config load(String yaml) {
        return TestConfigs.load(dir, HEAD + "state_dir: " + dir.resolve("state") + "\n" + yaml);
    }

    private String error(String yaml) {
        return assertThrows(R58Exception.class, () -> load(yaml)).getMessage();
    }

    @Test
    void defaultsFollowTheSeedAndTheShippedEvidence() {
        Config c = load(CAMS);
        Config.StabilitySettings s = c.stability();
        assertEquals(List.of(1920, 1080, 30), List.of(s.width(), s.height(), s.framerate()));
        assertEquals(List.of(Duration.ofSeconds(30), Duration.ofMinutes(5), Duration.ofSeconds(10)),
                List.of(s.encode(), s.soak(), s.push()));
        assertEquals(95, s.minFramesPercent());
        assertEquals("warning", s.kernelTrouble());
        assertEquals("r58ctl_test", s.pushPath());
        assertEquals(Transport.RTSP, s.pushTransport());
        assertEquals(80, s.cpuCeiling());
        assertEquals(List.of("x264enc:stable", "mpph264enc:unstable", "mpph264enc:stable", "mpph265enc:untested"),
                s.evidence().stream().map(e -> e.encoder() + ":" + e.status()).toList());
        assertNull(s.evidence().get(1).settings(), "the Oops's settings were not recorded");
        assertEquals(c.encoderSettings("x264enc"), s.evidence().get(0).settings(), "omitted = the configured ones");
        assertEquals("Internal error: Oops: 0000000096000005 [#29] SMP", s.evidence().get(1).kernel().get(0));
        assertEquals("rtsp://127.0.0.1:8554/{path}", c.mediamtx().readUrl(), "MediaMTX serves where it is published");
        assertEquals("rtsp://127.0.0.1:8554/r58ctl_test", c.mediamtx().readUrlFor("r58ctl_test"));
    }

    @Test
    void everyValueCanBeSet() {
        Config c = load("""
                mediamtx: {rtsp_port: 18554, read_url: "rtsp://127.0.0.1:18554/read/{path}"}
                stability:
                  resolution: 640x360
                  framerate: 25
                  durations: {encode: 3s, soak: 2m, push: 1500ms}
                  min_frames_percent: 90
                  kernel_trouble: error
                  push_path: tests/r58ctl
                  push_transport: rtp
                  push_rtp_port: 5020
                  cpu_ceiling: 70
                  evidence:
                    - {encoder: mpph264enc, settings: {rc-mode: cbr, gop: 30}, status: stable, cpu_per_stream: 9.5}
                """ + CAMS);
        Config.StabilitySettings s = c.stability();
        assertEquals(List.of(640, 360, 25, 90, 5020, 70),
                List.of(s.width(), s.height(), s.framerate(), s.minFramesPercent(), s.pushRtpPort(), s.cpuCeiling()));
        assertEquals(Duration.ofMillis(1500), s.push());
        assertEquals(Transport.RTP, s.pushTransport());
        assertEquals("rtsp://127.0.0.1:18554/read/tests/r58ctl", c.mediamtx().readUrlFor(s.pushPath()));
        assertEquals(1, s.evidence().size(), "a file's evidence replaces the shipped rows");
        assertEquals("mpph264enc gop=30 rc-mode=cbr", EncoderSettings.key("mpph264enc", s.evidence().get(0).settings()));
        assertEquals(9.5, s.evidence().get(0).cpuPerStream());
    }

    @Test
    void mistakesAreOneLineWithFileLineAndKey() {
        String file = dir.resolve("config.yml").toString();
        assertEquals(file + ":5: stability.push_path: push_path cam0 is camera cam0's live path; the push test must "
                + "publish elsewhere", error("stability:\n  push_path: cam0\n" + CAMS));
        assertEquals(file + ":6: stability.push_rtp_port: push_rtp_port 5010 is camera cam0's RTP port",
                error("stability:\n  push_transport: rtp\n  push_rtp_port: 5010\n" + CAMS));
        assertEquals(file + ":5: stability.push_transport: expected rtsp or rtp, got rtmp",
                error("stability:\n  push_transport: rtmp\n" + CAMS));
        assertEquals(file + ":5: stability.cpu_ceiling: expected % of all cores between 1 and 100, got 180",
                error("stability:\n  cpu_ceiling: 180\n" + CAMS));
        assertEquals(file + ":5: stability.durations.soak: expected a duration such as 30s, 5m or 1h, got \"long\"",
                error("stability:\n  durations: {soak: long}\n" + CAMS));
        assertEquals(file + ":6: stability.evidence[0].status: expected one of stable, unstable, partial, untested, "
                + "got \"fine\"", error("stability:\n  evidence:\n    - {encoder: x265enc, status: fine}\n" + CAMS));
        assertEquals(file + ":6: stability.evidence[0].encoder: unknown encoder \"nvh265enc\"; expected one of "
                + "x264enc, x265enc, mpph264enc, mpph265enc",
                error("stability:\n  evidence:\n    - {encoder: nvh265enc, status: stable}\n" + CAMS));
        assertEquals(file + ":6: stability.evidence[0].settings.bps: the bitrate comes from each camera's bitrate "
                + "(kbit/s); r58ctl sets bps from it",
                error("stability:\n  evidence:\n    - {encoder: mpph264enc, status: stable, settings: {bps: 4000000}}\n"
                        + CAMS));
        assertEquals(file + ":5: mediamtx.read_url: expected an rtsp:// or rtmp:// URL with {path}, or udp://PORT, "
                + "got \"rtsp://127.0.0.1:8554/fixed\"", error("mediamtx:\n  read_url: rtsp://127.0.0.1:8554/fixed\n"));
        assertEquals(file + ":5: stability.colour: unknown key; allowed here: resolution, framerate, durations, "
                + "min_frames_percent, kernel_trouble, push_path, push_transport, push_rtp_port, cpu_ceiling, evidence, "
                + "pause_cameras", error("stability:\n  colour: red\n"));
    }

    @Test
    void settingsKeysAreNormalised() {
        assertEquals("x264enc bframes=0 key-int-max=30 tune=zerolatency",
                EncoderSettings.key("x264enc", Map.of("tune", " zerolatency", "key-int-max", "30", "bframes", 0.0)));
        assertEquals("mpph264enc (settings unknown)", EncoderSettings.key("mpph264enc", null));
        assertEquals("x265enc", EncoderSettings.key("x265enc", Map.of()));
    }
}
