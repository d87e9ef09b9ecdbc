package dev.r58ctl.config;

import static dev.r58ctl.config.ConfigFixtures.PRODUCTION_RECORDER_CONFIG;
import static dev.r58ctl.config.ConfigFixtures.genericCompatible;
import static dev.r58ctl.config.ConfigFixtures.loader;
import static dev.r58ctl.config.ConfigFixtures.r58Compatible;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The documented example config.yml at the project root loads and means what its comments say. */
class ProjectConfigTest {
    private static final Path PROJECT_CONFIG = Path.of("config.yml");

    @TempDir
    Path tmp;
    Path home;

    @BeforeEach
    void setUp() throws Exception {
        assumeFalse(Files.exists(PRODUCTION_RECORDER_CONFIG),
                "this machine has the recorder's file, which the example points at");
        assertTrue(Files.isRegularFile(PROJECT_CONFIG), "run from the project root");
        home = Files.createDirectories(tmp.resolve("home"));
    }

    private Config loadR58() {
        return loader(PROJECT_CONFIG, r58Compatible(tmp), home).load();
    }

    private Config loadGeneric() {
        return loader(PROJECT_CONFIG, genericCompatible(tmp), home).load();
    }

    @Test
    void fileAndCameraListComeFromTheExample() {
        Config c = loadR58();
        assertEquals(PROJECT_CONFIG, c.file());
        assertEquals(PROJECT_CONFIG, c.camerasFrom());
        assertEquals(List.of("cam0", "cam1", "cam2", "cam3"), c.cameras().stream().map(Camera::id).toList());
        assertEquals(List.of("/dev/video0", "/dev/video60", "/dev/video11", "/dev/video22"),
                c.cameras().stream().map(Camera::device).toList());
        assertEquals(List.of(5000, 5002, 5004, 5006), c.cameras().stream().map(Camera::rtpPort).toList());
        assertTrue(c.requireCamera("cam0").origin().startsWith("config.yml:"), c.requireCamera("cam0").origin());
    }

    @Test
    void platformAutoDetectsR58() {
        Config c = loadR58();
        assertEquals("auto", c.platformSetting());
        assertEquals(Platform.R58, c.platform());
    }

    @Test
    void cam1OnR58IsHdmirxOnTheMppH265Encoder() {
        Camera cam1 = loadR58().requireCamera("cam1");
        assertEquals(Codec.H265, cam1.codec());
        assertEquals("mpph265enc", cam1.encoder());
        assertEquals(SourceKind.V4L2, cam1.source());
        assertEquals("NV16", cam1.pixelFormat());
        assertEquals(Transport.RTSP, cam1.transport());
        assertEquals(18000, cam1.bitrateKbps());
        assertEquals("/dev/video60", cam1.device());
        assertEquals(5002, cam1.rtpPort());
    }

    @Test
    void cam0OnR58IsAnRkcifBridgeOnMpph264encOverRtmp() {
        Camera cam0 = loadR58().requireCamera("cam0");
        assertEquals("cam0", cam0.id());
        assertEquals("/dev/video0", cam0.device());
        assertEquals(1920, cam0.width());
        assertEquals(1080, cam0.height());
        assertEquals("1920x1080", cam0.resolution());
        assertEquals(30, cam0.framerate());
        assertEquals(8000, cam0.bitrateKbps());
        assertEquals(Codec.H264, cam0.codec());
        assertEquals("mpph264enc", cam0.encoder(), "the recorder's H.264 encoder since January 2026");
        assertEquals(Transport.RTMP, cam0.transport());
        assertEquals(SourceKind.V4L2, cam0.source());
        assertEquals("NV12", cam0.pixelFormat());
        assertEquals("/mnt/sdcard/recordings/cam0/recording_%Y%m%d_%H%M%S.mkv", cam0.outputPath());
        assertTrue(cam0.records());
        assertEquals("cam0", cam0.mediamtxPath(), "mediamtx_path: null means the camera id");
        assertTrue(cam0.enabled());
        assertEquals(5000, cam0.rtpPort());
    }

    @Test
    void otherRkcifCamerasAreNv12H264() {
        Config c = loadR58();
        for (String id : List.of("cam2", "cam3")) {
            Camera cam = c.requireCamera(id);
            assertEquals("NV12", cam.pixelFormat(), id);
            assertEquals("mpph264enc", cam.encoder(), id);
            assertEquals(Transport.RTMP, cam.transport(), id);
            assertEquals(id, cam.mediamtxPath(), id);
        }
    }

    @Test
    void genericPlatformUsesSoftwareH265AndTestPatterns() {
        Config c = loadGeneric();
        assertEquals(Platform.GENERIC, c.platform());
        assertEquals("auto", c.platformSetting());
        Camera cam1 = c.requireCamera("cam1");
        assertEquals("x265enc", cam1.encoder());
        assertEquals(SourceKind.TEST, cam1.source());
        assertEquals(Transport.RTSP, cam1.transport());
        assertEquals("NV16", cam1.pixelFormat(), "the format follows the device, not the platform");
        for (Camera cam : c.cameras()) {
            assertEquals(SourceKind.TEST, cam.source(), cam.id());
        }
        assertEquals("x264enc", c.requireCamera("cam0").encoder());
    }

    @Test
    void codecTableHasTheDocumentedDefaults() {
        Config c = loadR58();
        assertEquals(Map.of(Codec.H264, "mpph264enc", Codec.H265, "mpph265enc"), c.codecs().get(Platform.R58));
        assertEquals(Map.of(Codec.H264, "x264enc", Codec.H265, "x265enc"), c.codecs().get(Platform.GENERIC));
    }

    @Test
    void encoderSettingsComeFromEncodersSection() {
        Config c = loadR58();
        assertEquals(List.of("x264enc", "x265enc", "mpph264enc", "mpph265enc"), List.copyOf(c.encoders().keySet()));
        assertEquals(Map.of("tune", "zerolatency", "speed-preset", "superfast", "key-int-max", 30L, "bframes", 0L),
                c.encoderSettings("x264enc"));
        assertEquals(List.of("tune", "speed-preset", "key-int-max", "bframes"),
                List.copyOf(c.encoderSettings("x264enc").keySet()), "file order is kept");
        assertEquals(Map.of("tune", "zerolatency", "speed-preset", "ultrafast", "key-int-max", 30L),
                c.encoderSettings("x265enc"));
        assertEquals(Map.of("rc-mode", "cbr", "profile", "baseline", "qp-init", 26L, "qp-min", 10L,
                "qp-max", 51L, "gop", 30L), c.encoderSettings("mpph264enc"));
        assertEquals(Map.of("rc-mode", "cbr", "gop", 30L), c.encoderSettings("mpph265enc"));
        assertEquals(Map.of(), c.encoderSettings("nvh264enc"));
        for (Map<String, Object> props : c.encoders().values()) {
            assertFalse(props.containsKey("bitrate"));
            assertFalse(props.containsKey("bps"));
        }
    }

    @Test
    void recorderDefaults() {
        Config.RecorderSettings r = loadR58().recorder();
        assertEquals(Path.of("/opt/preke-r58-recorder"), r.repo());
        assertEquals(Path.of("/opt/preke-r58-recorder/config.yml"), r.config());
        assertEquals("preke-recorder", r.service());
        assertEquals("http://127.0.0.1:8000/health", r.healthUrl());
        assertEquals("http://127.0.0.1:8000/status", r.statusUrl());
        assertEquals("docs/fix-log.md", r.fixLog());
        assertEquals("systemd", r.serviceManager());
        assertEquals(List.of(), r.serviceCommand());
        assertEquals(30_000, r.healthTimeoutMs());
    }

    @Test
    void mediamtxKernelLogAndStateDirDefaults() {
        Config c = loadR58();
        assertEquals(new Config.MediamtxSettings("127.0.0.1", 8554, 1935, "http://127.0.0.1:9997",
                "rtsp://127.0.0.1:8554/{path}"), c.mediamtx());
        assertEquals("auto", c.kernelLog());
        assertEquals(home.resolve(".local/state/r58ctl"), c.stateDir());
    }

    @Test
    void noteSaysTheRecorderFileIsMissing() {
        Config c = loadR58();
        assertEquals(List.of(), c.notes());
        assertEquals("the recorder's file /opt/preke-r58-recorder/config.yml: not found; cameras come from config.yml",
                c.cameraList().warningLine());
    }

    @Test
    void statusUrlIsDerivedFromHealthUrlWhenNotGiven() {
        Path f = ConfigFixtures.write(tmp, "c.yml", """
                recorder:
                  config: null
                  health_url: http://127.0.0.1:5000/health
                """);
        Config c = loader(f, genericCompatible(tmp), home).load();
        assertEquals("http://127.0.0.1:5000/health", c.recorder().healthUrl());
        assertEquals("http://127.0.0.1:5000/status", c.recorder().statusUrl());
        assertNull(c.recorder().config());
        assertEquals(List.of("no cameras configured"), c.notes());
        assertTrue(c.cameras().isEmpty());
    }

    @Test
    void builtInDefaultsAreTheExample() {
        Config fromFile = loadGeneric();
        Config builtIn = new ConfigLoader().searchPath(List.of(tmp.resolve("none.yml")))
                .compatibleFile(genericCompatible(tmp)).home(home).load();
        assertNull(builtIn.file());
        List<Camera> a = fromFile.cameras();
        List<Camera> b = builtIn.cameras();
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) {
            // Everything but the origin, which names the file.
            Camera x = a.get(i);
            Camera y = b.get(i);
            assertEquals(x.id(), y.id());
            assertEquals(x.device(), y.device());
            assertEquals(x.encoder(), y.encoder());
            assertEquals(x.transport(), y.transport());
            assertEquals(x.bitrateKbps(), y.bitrateKbps());
            assertEquals(x.outputPath(), y.outputPath());
            assertEquals("built-in defaults:" + x.origin().substring("config.yml:".length()), y.origin());
        }
        assertEquals(fromFile.encoders(), builtIn.encoders());
        assertEquals(fromFile.codecs(), builtIn.codecs());
        assertEquals(fromFile.recorder(), builtIn.recorder());
        assertEquals(fromFile.mediamtx(), builtIn.mediamtx());
    }
}
