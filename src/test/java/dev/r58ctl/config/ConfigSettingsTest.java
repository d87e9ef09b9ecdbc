package dev.r58ctl.config;

import static dev.r58ctl.config.ConfigFixtures.genericCompatible;
import static dev.r58ctl.config.ConfigFixtures.loader;
import static dev.r58ctl.config.ConfigFixtures.r58Compatible;
import static dev.r58ctl.config.ConfigFixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** state_dir, platform, kernel_log, codecs:, encoders: and the per-camera defaults. */
class ConfigSettingsTest {
    @TempDir
    Path tmp;
    Path home;

    @BeforeEach
    void setUp() throws Exception {
        home = Files.createDirectories(tmp.resolve("home"));
    }

    private Config load(String yaml) {
        return loader(write(tmp, "config.yml", yaml), genericCompatible(tmp), home).load();
    }

    private Config loadOnR58(String yaml) {
        return loader(write(tmp, "config.yml", yaml), r58Compatible(tmp), home).load();
    }

    // --- state_dir ----------------------------------------------------------------------------------------------

    @Test
    void stateDirTildeExpandsAgainstHome() {
        assertEquals(home.resolve("x"), load("recorder: {config: null}\nstate_dir: ~/x\n").stateDir());
    }

    @Test
    void stateDirTildeAlone() {
        assertEquals(home, load("recorder: {config: null}\nstate_dir: \"~\"\n").stateDir());
    }

    @Test
    void stateDirAbsolute() {
        assertEquals(Path.of("/var/lib/r58ctl"), load("recorder: {config: null}\nstate_dir: /var/lib/r58ctl\n").stateDir());
    }

    @Test
    void stateDirDefaultIsUnderHome() {
        assertEquals(home.resolve(".local/state/r58ctl"), load("recorder: {config: null}\n").stateDir());
    }

    @Test
    void stateDirOverrideWins() {
        Path override = tmp.resolve("override");
        Path file = write(tmp, "config.yml", "recorder: {config: null}\nstate_dir: ~/x\n");
        Config c = loader(file, genericCompatible(tmp), home).stateDir(override).load();
        assertEquals(override, c.stateDir());
    }

    @Test
    void stateDirOverrideWinsOverDefault() {
        Path override = tmp.resolve("override");
        Path file = write(tmp, "config.yml", "recorder: {config: null}\n");
        assertEquals(override, loader(file, genericCompatible(tmp), home).stateDir(override).load().stateDir());
    }

    @Test
    void badStateDirWithoutOverride() {
        Path file = write(tmp, "config.yml", "recorder: {config: null}\nstate_dir: [a]\n");
        ConfigFixtures.assertFailure(file + ":2: state_dir: expected a directory, got a list",
                loader(file, genericCompatible(tmp), home));
    }

    @Test
    void stateDirOverrideDoesNotExcuseABadValue() {
        // The file is still validated in full.
        Path file = write(tmp, "config.yml", "recorder: {config: null}\nstate_dir: [a]\n");
        ConfigFixtures.assertFailure(file + ":2: state_dir: expected a directory, got a list",
                loader(file, genericCompatible(tmp), home).stateDir(tmp.resolve("override")));
    }

    // --- platform -----------------------------------------------------------------------------------------------

    @Test
    void platformForcedToR58OnAGenericMachine() {
        Config c = load("platform: r58\nrecorder: {config: null}\ncameras:\n  cam0: {device: /dev/video60, codec: h265}\n");
        assertEquals(Platform.R58, c.platform());
        assertEquals("r58", c.platformSetting());
        assertEquals("mpph265enc", c.requireCamera("cam0").encoder());
        assertEquals(SourceKind.V4L2, c.requireCamera("cam0").source());
    }

    @Test
    void platformForcedToGenericOnAnR58() {
        Config c = loadOnR58("platform: generic\nrecorder: {config: null}\ncameras:\n  cam0: {codec: h265}\n");
        assertEquals(Platform.GENERIC, c.platform());
        assertEquals("generic", c.platformSetting());
        assertEquals("x265enc", c.requireCamera("cam0").encoder());
        assertEquals(SourceKind.TEST, c.requireCamera("cam0").source());
        assertNull(c.requireCamera("cam0").device());
    }

    @Test
    void platformAutoDetects() {
        assertEquals(Platform.R58, loadOnR58("platform: auto\nrecorder: {config: null}\n").platform());
        assertEquals(Platform.GENERIC, load("platform: auto\nrecorder: {config: null}\n").platform());
    }

    @Test
    void v4l2SourceOnGeneric() {
        Config c = load("recorder: {config: null}\ncameras:\n  cam0: {source: v4l2, device: /dev/video2}\n");
        assertEquals(SourceKind.V4L2, c.requireCamera("cam0").source());
    }

    // --- kernel_log ---------------------------------------------------------------------------------------------

    @Test
    void kernelLogSources() {
        for (String s : List.of("auto", "kmsg", "journalctl", "dmesg")) {
            assertEquals(s, load("recorder: {config: null}\nkernel_log: {source: " + s + "}\n").kernelLog());
        }
    }

    @Test
    void kernelLogFileExpandsTilde() {
        assertEquals("file:" + home.resolve("kern.log"),
                load("recorder: {config: null}\nkernel_log: {source: \"file:~/kern.log\"}\n").kernelLog());
        assertEquals("file:/var/log/kern.log",
                load("recorder: {config: null}\nkernel_log: {source: \"file:/var/log/kern.log\"}\n").kernelLog());
    }

    // --- codecs: and encoders: ----------------------------------------------------------------------------------

    @Test
    void codecsEntryReplacesOneDefault() {
        Config c = load("""
                recorder: {config: null}
                codecs:
                  r58: {h264: mpph264enc}
                """);
        assertEquals(Map.of(Codec.H264, "mpph264enc", Codec.H265, "mpph265enc"), c.codecs().get(Platform.R58));
        assertEquals(Map.of(Codec.H264, "x264enc", Codec.H265, "x265enc"), c.codecs().get(Platform.GENERIC));
    }

    @Test
    void cameraEncoderOverridesCodecs() {
        Config c = loadOnR58("""
                recorder: {config: null}
                cameras:
                  cam0: {device: /dev/video0, encoder: x264enc}
                  cam1: {device: /dev/video11}
                """);
        assertEquals("x264enc", c.requireCamera("cam0").encoder());
        assertEquals("mpph264enc", c.requireCamera("cam1").encoder(), "the recorder's H.264 encoder since January 2026");
    }

    @Test
    void encodersEntryReplacesThatElementsDefaults() {
        Config c = load("""
                recorder: {config: null}
                encoders:
                  x264enc: {tune: film, key-int-max: 60}
                """);
        assertEquals(Map.of("tune", "film", "key-int-max", 60L), c.encoderSettings("x264enc"));
        assertEquals(Map.of("tune", "zerolatency", "speed-preset", "ultrafast", "key-int-max", 30L),
                c.encoderSettings("x265enc"));
        assertEquals(Map.of("rc-mode", "cbr", "gop", 30L), c.encoderSettings("mpph265enc"));
    }

    @Test
    void encoderValueTypes() {
        Config c = load("""
                recorder: {config: null}
                encoders:
                  mpph264enc: {rc-mode: vbr, qp-init: 26, header-mode: true, ratio: 1.5}
                """);
        assertEquals(Map.of("rc-mode", "vbr", "qp-init", 26L, "header-mode", true, "ratio", 1.5),
                c.encoderSettings("mpph264enc"));
        assertThrows(UnsupportedOperationException.class, () -> c.encoderSettings("mpph264enc").put("x", 1));
    }

    @Test
    void encoderWithNoSettings() {
        Config c = load("recorder: {config: null}\nencoders:\n  x264enc: {}\n");
        assertEquals(Map.of(), c.encoderSettings("x264enc"));
        assertFalse(c.encoderSettings("x265enc").isEmpty());
    }

    // --- camera defaults ----------------------------------------------------------------------------------------

    @Test
    void cameraDefaults() {
        Config c = load("recorder: {config: null}\ncameras:\n  studio-1: {}\n");
        Camera cam = c.requireCamera("studio-1");
        assertNull(cam.device());
        assertEquals(1920, cam.width());
        assertEquals(1080, cam.height());
        assertEquals(30, cam.framerate());
        assertEquals(18000, cam.bitrateKbps());
        assertEquals(Codec.H264, cam.codec());
        assertEquals("x264enc", cam.encoder());
        assertEquals(Transport.RTMP, cam.transport());
        assertEquals(SourceKind.TEST, cam.source());
        assertEquals("NV12", cam.pixelFormat());
        assertNull(cam.outputPath());
        assertFalse(cam.records());
        assertEquals("studio-1", cam.mediamtxPath());
        assertEquals(true, cam.enabled());
        assertEquals(5000, cam.rtpPort());
    }

    @Test
    void mediamtxDisabledMeansNoTransport() {
        Config c = load("recorder: {config: null}\ncameras:\n  cam0: {mediamtx_enabled: false, codec: h265}\n");
        assertEquals(Transport.NONE, c.requireCamera("cam0").transport());
    }

    @Test
    void outputPathAcceptsMp4AndMkvInAnyCase() {
        Config c = load("""
                recorder: {config: null}
                cameras:
                  cam0: {output_path: /rec/%Y/%m/%d/cam0_%H%M%S.MP4}
                  cam1: {output_path: /rec/cam1_%j_%%.mkv}
                """);
        assertEquals("/rec/%Y/%m/%d/cam0_%H%M%S.MP4", c.requireCamera("cam0").outputPath());
        assertEquals("/rec/cam1_%j_%%.mkv", c.requireCamera("cam1").outputPath());
    }

    @Test
    void requireCameraListsKnownIds() {
        Config c = load("recorder: {config: null}\ncameras:\n  cam0: {}\n  cam1: {}\n");
        dev.r58ctl.R58Exception e = assertThrows(dev.r58ctl.R58Exception.class, () -> c.requireCamera("cam7"));
        assertEquals("no camera \"cam7\"; configured: cam0, cam1", e.getMessage());
        assertEquals(2, e.exitCode());
    }

    @Test
    void mediamtxSettings() {
        Config c = load("""
                recorder: {config: null}
                mediamtx:
                  host: 10.0.0.5
                  rtsp_port: 8555
                  rtmp_port: 1936
                  api_url: http://10.0.0.5:9997
                """);
        assertEquals(new Config.MediamtxSettings("10.0.0.5", 8555, 1936, "http://10.0.0.5:9997",
                "rtsp://10.0.0.5:8555/{path}"), c.mediamtx());
    }
}
