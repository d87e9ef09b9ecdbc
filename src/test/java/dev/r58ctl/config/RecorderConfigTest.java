package dev.r58ctl.config;

import static dev.r58ctl.config.ConfigFixtures.assertFailure;
import static dev.r58ctl.config.ConfigFixtures.failure;
import static dev.r58ctl.config.ConfigFixtures.genericCompatible;
import static dev.r58ctl.config.ConfigFixtures.lineOf;
import static dev.r58ctl.config.ConfigFixtures.loader;
import static dev.r58ctl.config.ConfigFixtures.r58Compatible;
import static dev.r58ctl.config.ConfigFixtures.recorderConfig;
import static dev.r58ctl.config.ConfigFixtures.replaceLine;
import static dev.r58ctl.config.ConfigFixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.r58ctl.R58Exception;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** recorder.config points at the recorder's own file: the cameras come from it, r58ctl's entries overlay them. */
class RecorderConfigTest {
    @TempDir
    Path tmp;
    Path home;
    Path recorderFile;

    @BeforeEach
    void setUp() throws Exception {
        home = Files.createDirectories(tmp.resolve("home"));
        recorderFile = write(tmp, "preke-r58-recorder/config.yml", recorderConfig());
    }

    /** r58ctl's file: recorder.config on line 2, the cameras: section (when not empty) from line 4 on. */
    private Path ownFile(String camerasBody) {
        return write(tmp, "r58ctl.yml", "recorder:\n"
                + "  config: " + recorderFile + "\n"
                + (camerasBody.isEmpty() ? "" : "cameras:\n" + camerasBody));
    }

    private Config load(Path own) {
        return loader(own, r58Compatible(tmp), home).load();
    }

    @Test
    void camerasComeFromTheRecordersFile() {
        Path own = ownFile("");
        Config c = load(own);
        assertEquals(own, c.file());
        assertEquals(recorderFile, c.camerasFrom());
        assertEquals(recorderFile, c.recorder().config());
        assertEquals(List.of(), c.notes());
        assertEquals(List.of("cam0", "cam1", "cam2", "cam3"), c.cameras().stream().map(Camera::id).toList());
        assertEquals(List.of("/dev/video0", "/dev/video60", "/dev/video11", "/dev/video22"),
                c.cameras().stream().map(Camera::device).toList());
        assertEquals(List.of(5000, 18000, 5000, 18000), c.cameras().stream().map(Camera::bitrateKbps).toList());
        assertEquals(List.of(Codec.H264, Codec.H265, Codec.H264, Codec.H265),
                c.cameras().stream().map(Camera::codec).toList());
        assertEquals(List.of(5000, 5002, 5004, 5006), c.cameras().stream().map(Camera::rtpPort).toList());
        for (Camera cam : c.cameras()) {
            assertEquals(1920, cam.width(), cam.id());
            assertEquals(1080, cam.height(), cam.id());
            assertEquals(30, cam.framerate(), cam.id());
            assertEquals("/mnt/sdcard/recordings/" + cam.id() + "/recording_%Y%m%d_%H%M%S.mp4", cam.outputPath());
            assertEquals(cam.id(), cam.mediamtxPath());
            assertTrue(cam.origin().startsWith(recorderFile + ":"), cam.origin());
        }
    }

    @Test
    void recordersOwnKeysAreHonoured() {
        Config c = load(ownFile(""));
        Camera cam0 = c.requireCamera("cam0");
        assertEquals(Transport.RTMP, cam0.transport());
        assertEquals("mpph264enc", cam0.encoder());
        assertEquals("NV12", cam0.pixelFormat());
        assertTrue(cam0.enabled());
        Camera cam1 = c.requireCamera("cam1");
        assertEquals(Transport.RTSP, cam1.transport());
        assertEquals("mpph265enc", cam1.encoder());
        assertEquals("NV16", cam1.pixelFormat());
        assertEquals(SourceKind.V4L2, cam1.source());
        Camera cam3 = c.requireCamera("cam3");
        assertFalse(cam3.enabled());
        assertEquals(Transport.NONE, cam3.transport(), "mediamtx_enabled: false streams nothing");
        assertTrue(cam3.records());
    }

    @Test
    void genericPlatformChoosesSoftwareEncoders() {
        Config c = loader(ownFile(""), genericCompatible(tmp), home).load();
        assertEquals(Platform.GENERIC, c.platform());
        assertEquals("x265enc", c.requireCamera("cam1").encoder());
        assertEquals(SourceKind.TEST, c.requireCamera("cam1").source());
    }

    @Test
    void unknownSectionsAndCameraKeysOfTheRecordersFileAreIgnored() {
        // log_level, mediamtx.enabled/srt_port, mixer: and cam1's label: would all be errors in r58ctl's own file.
        Config c = load(ownFile(""));
        assertEquals(4, c.cameras().size());
        assertEquals(new Config.MediamtxSettings("127.0.0.1", 8554, 1935, "http://127.0.0.1:9997",
                "rtsp://127.0.0.1:8554/{path}"), c.mediamtx());
        assertEquals("auto", c.platformSetting());
    }

    @Test
    void theSameFileAsR58ctlsOwnIsRefused() {
        // Guard for the test above: the recorder's file is not a valid r58ctl file.
        String msg = failure(loader(recorderFile, r58Compatible(tmp), home));
        assertEquals(recorderFile + ":5: log_level: unknown key; allowed here: "
                + String.join(", ", ConfigLoader.TOP_KEYS), msg);
    }

    @Test
    void overlayAddsR58ctlKeys() {
        Config c = load(ownFile("  cam1: {framerate: 25, transport: rtp}\n"));
        Camera cam1 = c.requireCamera("cam1");
        assertEquals(25, cam1.framerate());
        assertEquals(Transport.RTP, cam1.transport());
        assertEquals(5002, cam1.rtpPort());
        assertEquals(18000, cam1.bitrateKbps(), "the recorder's keys stay");
        assertEquals("/dev/video60", cam1.device());
        assertEquals(Codec.H265, cam1.codec());
        assertEquals("mpph265enc", cam1.encoder());
        assertEquals(30, c.requireCamera("cam0").framerate(), "other cameras untouched");
        assertEquals(Transport.RTMP, c.requireCamera("cam0").transport());
        assertEquals(recorderFile, c.camerasFrom());
        assertEquals(List.of("cam0", "cam1", "cam2", "cam3"), c.cameras().stream().map(Camera::id).toList(),
                "order is the recorder's");
    }

    @Test
    void overlayInBlockStyleAndOnSeveralCameras() {
        Config c = load(ownFile("""
                  cam3:
                    rtp_port: 6000
                    transport: rtp
                  cam0:
                    encoder: x264enc
                    format: YUY2
                    bitrate: 8000
                """));
        assertEquals(6000, c.requireCamera("cam3").rtpPort());
        assertEquals(Transport.RTP, c.requireCamera("cam3").transport());
        assertEquals("YUY2", c.requireCamera("cam0").pixelFormat());
        assertEquals(5000, c.requireCamera("cam0").bitrateKbps(),
                "the recorder's file is authoritative for its own keys; r58ctl's are for when it cannot be read");
        assertEquals(List.of("cam0", "cam1", "cam2", "cam3"), c.cameras().stream().map(Camera::id).toList());
    }

    @Test
    void overlayForACameraTheRecorderNoLongerHasIsANote() {
        // the recorder's file moves on (a camera removed): r58ctl's entry for it is ignored with a note
        Path own = ownFile("  cam9: {framerate: 25}\n");
        Config c = load(own);
        assertEquals(List.of("cam0", "cam1", "cam2", "cam3"), c.cameras().stream().map(Camera::id).toList());
        assertEquals(List.of(own + ":4: cameras.cam9: not a camera of the recorder's file (it has cam0, cam1, cam2, "
                + "cam3); ignored"), c.cameraList().notes().stream().map(ConfigProblem::text).toList());
        assertTrue(c.cameras().stream().allMatch(Camera::usable));
    }

    @Test
    void overlayForUnknownCameraInBlockStyleNamesTheIdLine() {
        Path own = ownFile("  cam9:\n    framerate: 25\n");
        Config c = load(own);
        assertEquals(own + ":4: cameras.cam9: not a camera of the recorder's file (it has cam0, cam1, cam2, cam3); "
                + "ignored", c.cameraList().notes().get(0).text());
    }

    @Test
    void overlayThatNoLongerFitsTheRecordersCodecCostsThatCameraOnly() {
        // cam1 became H.265 in the recorder's file while r58ctl's entry still says rtmp: a note on cam1, not a refusal
        Path own = ownFile("  cam0: {framerate: 25}\n  cam1:\n    transport: rtmp\n");
        Config c = load(own);
        Camera cam1 = c.requireCamera("cam1");
        assertFalse(cam1.usable());
        assertEquals(List.of(own + ":6: cameras.cam1.transport: H.265 cannot go over rtmp: FLV carries H.264 only; "
                + "use transport: rtsp or rtp"), cam1.problems().stream().map(ConfigProblem::text).toList());
        assertEquals(25, c.requirePipelineCamera("cam0").framerate());
        R58Exception e = assertThrows(R58Exception.class, () -> c.requirePipelineCamera("cam1"));
        assertEquals(own + ":6: cameras.cam1.transport: H.265 cannot go over rtmp: FLV carries H.264 only; "
                + "use transport: rtsp or rtp: pipeline commands unavailable for cam1", e.getMessage());
        assertEquals(R58Exception.BAD_INPUT, e.exitCode());
    }

    @Test
    void overlayBitrateErrorNamesR58ctlsFile() {
        Path own = ownFile("  cam2:\n    bitrate: fast\n");
        assertFailure(own + ":5: cameras.cam2.bitrate: expected kbit/s as a whole number, got \"fast\"",
                loader(own, r58Compatible(tmp), home));
    }

    @Test
    void unknownKeyInOverlayIsAnError() {
        Path own = ownFile("  cam1:\n    label: x\n");
        String msg = failure(loader(own, r58Compatible(tmp), home));
        assertTrue(msg.startsWith(own + ":5: cameras.cam1.label: unknown key; allowed here: "), msg);
    }

    @Test
    void errorInRecordersFileNamesThatFileAndLine() throws Exception {
        // cam1 and cam3 both have bitrate 18000: break cam1's, found by its neighbours.
        String text = recorderConfig().replace("    label: \"Stage left\"\n    resolution: \"1920x1080\"\n    bitrate: 18000",
                "    label: \"Stage left\"\n    resolution: \"1920x1080\"\n    bitrate: fast");
        Files.writeString(recorderFile, text);
        int line = lineOf(text, "    bitrate: fast");
        assertEquals(37, line);
        Config c = load(ownFile(""));
        Camera cam1 = c.requireCamera("cam1");
        assertEquals(List.of(recorderFile + ":37: cameras.cam1.bitrate: expected kbit/s as a whole number, got \"fast\""),
                cam1.problems().stream().map(ConfigProblem::text).toList());
        assertEquals(List.of("cam1: expected kbit/s as a whole number, got \"fast\" (config.yml:37): pipeline commands "
                + "unavailable for cam1"), c.cameraList().cameraNotes());
        assertEquals(List.of(true, false, true, true), c.cameras().stream().map(Camera::usable).toList());
        assertEquals("/dev/video60", cam1.device(), "the rest of cam1 is still read, for the dashboard's row");
    }

    @Test
    void badDeviceInRecordersFileNamesThatFile() throws Exception {
        String text = replaceLine(recorderConfig(), "    device: /dev/video11", "    device: video11");
        Files.writeString(recorderFile, text);
        Config c = load(ownFile(""));
        assertEquals(List.of(recorderFile + ":" + lineOf(text, "    device: video11")
                        + ": cameras.cam2.device: expected a device path such as /dev/video0, got \"video11\""),
                c.requireCamera("cam2").problems().stream().map(ConfigProblem::text).toList());
        assertTrue(c.requireCamera("cam0").usable());
    }

    @Test
    void duplicateCameraInRecordersFile() throws Exception {
        String text = replaceLine(recorderConfig(), "  cam2:", "  cam1:");
        Files.writeString(recorderFile, text);
        Config c = load(ownFile(""));
        assertEquals(List.of("cam0", "cam1", "cam3"), c.cameras().stream().map(Camera::id).toList());
        Camera cam1 = c.requireCamera("cam1");
        assertEquals("/dev/video11", cam1.device(), "the later entry is used, as the recorder's YAML loader does");
        assertEquals(List.of(recorderFile + ":43: cameras.cam1: repeated key (first at line 33); the later one is used"),
                cam1.problems().stream().map(ConfigProblem::text).toList());
    }

    @Test
    void invalidYamlInRecordersFileNamesThatFile() throws Exception {
        String text = replaceLine(recorderConfig(), "    device: /dev/video11", "\tdevice: /dev/video11");
        Files.writeString(recorderFile, text);
        Config c = load(ownFile(""));
        assertEquals("the recorder's file " + recorderFile + ":44: not valid YAML: found character '\\t(TAB)' that "
                + "cannot start any token. (Do not use \\t(TAB) for indentation); cameras come from the built-in "
                + "defaults", c.cameraList().warningLine());
        assertNull(c.camerasFrom());
        assertEquals(List.of("cam0", "cam1", "cam2", "cam3"), c.cameras().stream().map(Camera::id).toList());
    }

    @Test
    void recordersFileWithoutCameras() throws Exception {
        Files.writeString(recorderFile, "platform: auto\nlog_level: INFO\n");
        Config c = load(ownFile(""));
        assertEquals("the recorder's file " + recorderFile + ":1: no cameras: section; cameras come from the built-in "
                + "defaults", c.cameraList().warningLine());
    }

    @Test
    void recorderConfigMissingFallsBackToOwnCamerasWithNote() {
        Path own = write(tmp, "r58ctl.yml", """
                recorder:
                  config: /nonexistent/recorder/config.yml
                cameras:
                  camA: {device: /dev/video0}
                """);
        Config c = load(own);
        assertEquals(own, c.camerasFrom());
        assertEquals(List.of("camA"), c.cameras().stream().map(Camera::id).toList());
        assertEquals(List.of(), c.notes());
        assertEquals("the recorder's file /nonexistent/recorder/config.yml: not found; cameras come from " + own,
                c.cameraList().warningLine());
    }

    @Test
    void recorderConfigDefaultsToTheRepositorysConfigYml() throws Exception {
        Path repo = recorderFile.getParent();
        Path own = write(tmp, "r58ctl.yml", "recorder:\n  repo: " + repo + "\n");
        Config c = load(own);
        assertEquals(repo, c.recorder().repo());
        assertEquals(recorderFile, c.recorder().config());
        assertEquals(recorderFile, c.camerasFrom());
        assertEquals(4, c.cameras().size());
    }

    @Test
    void recorderConfigExpandsTilde() throws Exception {
        Files.copy(recorderFile, home.resolve("recorder.yml"));
        Path own = write(tmp, "r58ctl.yml", "recorder:\n  config: ~/recorder.yml\n");
        Config c = load(own);
        assertEquals(home.resolve("recorder.yml"), c.recorder().config());
        assertEquals(home.resolve("recorder.yml"), c.camerasFrom());
        assertEquals(4, c.cameras().size());
    }

    @Test
    void recorderConfigNullUsesOwnCameras() {
        Path own = write(tmp, "r58ctl.yml", "recorder:\n  config: null\ncameras:\n  camA: {device: /dev/video0}\n");
        Config c = load(own);
        assertNull(c.recorder().config());
        assertEquals(own, c.camerasFrom());
        assertEquals(List.of(), c.notes());
        assertEquals(List.of("camA"), c.cameras().stream().map(Camera::id).toList());
    }

    @Test
    void recorderConfigMustBeAbsolute() {
        Path own = write(tmp, "r58ctl.yml", "recorder:\n  config: recorder/config.yml\n");
        assertFailure(own + ":2: recorder.config: expected an absolute path, got \"recorder/config.yml\"",
                loader(own, r58Compatible(tmp), home));
    }

    @Test
    void mediamtxPathFromRecordersFile() throws Exception {
        String text = recorderConfig().replaceFirst("    mediamtx_path: null", "    mediamtx_path: studio/cam0");
        Files.writeString(recorderFile, text);
        Config c = load(ownFile(""));
        assertEquals("studio/cam0", c.requireCamera("cam0").mediamtxPath());
        assertEquals("cam1", c.requireCamera("cam1").mediamtxPath());
    }
}
