package dev.r58ctl.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.r58ctl.config.Config;
import dev.r58ctl.testsupport.TestConfigs;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Preflight against the real GStreamer registry of this machine, which has no Rockchip MPP plugin. */
class PreflightTest {
    @TempDir
    Path dir;

    private List<PreflightCheck> check(String yaml, String cam) {
        Config c = TestConfigs.load(dir, yaml);
        return new Preflight(c).check(c.requireCamera(cam), ZonedDateTime.now());
    }

    private static PreflightCheck find(List<PreflightCheck> checks, String name) {
        return checks.stream().filter(k -> k.check().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no check " + name + " in " + checks));
    }

    @Test
    void theMppEncoderIsMissingHereAndNamedWithWhereItComesFrom() {
        List<PreflightCheck> checks = check("platform: r58\nrecorder: {config: null}\ncameras:\n"
                + "  cam1: {device: /dev/video60, codec: h265, transport: rtsp, output_path: \""
                + dir.resolve("rec/cam1_%H%M%S.mkv") + "\"}\n", "cam1");
        PreflightCheck mpp = find(checks, "element mpph265enc");
        assertEquals(PreflightCheck.Status.FAIL, mpp.status());
        assertTrue(mpp.detail().contains("Rockchip's MPP GStreamer plugin"), mpp.detail());
        PreflightCheck device = find(checks, "device");
        assertEquals(PreflightCheck.Status.FAIL, device.status());
        assertTrue(device.detail().startsWith("/dev/video60 does not exist"), device.detail());
        assertTrue(checks.stream().noneMatch(k -> k.check().equals("element rtspclientsink")),
                "rtspclientsink is installed by scripts/setup: " + checks);
        assertTrue(checks.stream().noneMatch(k -> k.check().equals("description")),
                "the description is not tried while elements are missing");
    }

    @Test
    void theRecordersDiskLevelsJudgeTheRecordingDirectory() throws Exception {
        // no disk here has 100000 GB free: below the recorder's minimum is a failure, naming where the level comes from
        Path recorder = dir.resolve("recorder.yml");
        java.nio.file.Files.writeString(recorder, "recording: {min_disk_space_gb: 100000, warning_disk_space_gb: 200000}\n"
                + "cameras:\n  cam0: {codec: h264, output_path: \"" + dir.resolve("rec/cam0_%H%M%S.mov") + "\"}\n");
        String own = "platform: generic\nrecorder: {config: \"" + recorder + "\"}\ncameras:\n  cam0: {transport: none}\n";
        PreflightCheck low = find(check(own, "cam0"), "recording");
        assertEquals(PreflightCheck.Status.FAIL, low.status());
        assertTrue(low.detail().endsWith("below the recorder's min_disk_space_gb 100000"), low.detail());

        java.nio.file.Files.writeString(recorder, "recording: {min_disk_space_gb: 0, warning_disk_space_gb: 200000}\n"
                + "cameras:\n  cam0: {codec: h264, output_path: \"" + dir.resolve("rec/cam0_%H%M%S.mov") + "\"}\n");
        PreflightCheck warn = find(check(own, "cam0"), "recording");
        assertEquals(PreflightCheck.Status.WARN, warn.status());
        assertTrue(warn.detail().endsWith("below the recorder's warning_disk_space_gb 200000"), warn.detail());
    }

    @Test
    void aCameraTheRecordersFileLeavesUnusableFailsWithWhereAndWhy() throws Exception {
        Path recorder = dir.resolve("recorder.yml");
        java.nio.file.Files.writeString(recorder, "cameras:\n  cam0:\n    codec: h264\n    output_path: /x/rec.xyz\n");
        List<PreflightCheck> checks = check("platform: generic\nrecorder: {config: \"" + recorder + "\"}\n", "cam0");
        assertEquals(List.of(PreflightCheck.fail("cam0", "configuration", recorder + ":4: cameras.cam0.output_path: "
                + "container .xyz is not one r58ctl can record (.mkv, .mp4, .mov)")), checks);
    }

    @Test
    void aGenericCameraPassesAndSaysWhatItChecked() {
        List<PreflightCheck> checks = check("platform: generic\nrecorder: {config: null}\ncameras:\n"
                + "  cam0: {codec: h264, transport: rtmp, output_path: \"" + dir.resolve("rec/cam0_%H%M%S.mp4") + "\"}\n",
                "cam0");
        assertEquals(PreflightCheck.Status.OK, find(checks, "elements").status());
        assertTrue(find(checks, "elements").detail().contains("flvmux rtmpsink"), checks.toString());
        assertEquals(PreflightCheck.Status.OK, find(checks, "description").status());
        assertEquals(PreflightCheck.Status.OK, find(checks, "recording").status());
        assertEquals(PreflightCheck.Status.WARN, find(checks, "container").status());
        assertTrue(checks.stream().noneMatch(k -> k.status() == PreflightCheck.Status.FAIL), checks.toString());
    }

    @Test
    void aQuickTimeRecordingIsFragmentedSoItIsNotWarnedAbout() {
        List<PreflightCheck> checks = check("platform: generic\nrecorder: {config: null}\ncameras:\n"
                + "  cam0: {codec: h264, transport: none, output_path: \"" + dir.resolve("rec/cam0_%H%M%S.mov") + "\"}\n",
                "cam0");
        assertTrue(find(checks, "elements").detail().contains("qtmux filesink"), checks.toString());
        assertEquals(PreflightCheck.Status.OK, find(checks, "description").status());
        assertTrue(checks.stream().noneMatch(k -> k.check().equals("container")), checks.toString());
        assertTrue(checks.stream().noneMatch(k -> k.status() == PreflightCheck.Status.FAIL), checks.toString());
    }

    @Test
    void aDeviceThatIsNotACharacterDeviceFails() throws Exception {
        Path fake = java.nio.file.Files.writeString(dir.resolve("video0"), "");
        List<PreflightCheck> checks = check("platform: generic\nrecorder: {config: null}\ncameras:\n"
                + "  cam0: {source: v4l2, device: " + fake + ", codec: h264, transport: none}\n", "cam0");
        PreflightCheck device = find(checks, "device");
        assertEquals(PreflightCheck.Status.FAIL, device.status());
        assertTrue(device.detail().endsWith("is not a character device"), device.detail());
    }

    @Test
    void aMissingElementIsReportedWithItsPackage() {
        assertEquals("Debian package gstreamer1.0-rtsp", ElementPackages.sourceOf("rtspclientsink"));
        assertEquals("Debian package gstreamer1.0-plugins-ugly", ElementPackages.sourceOf("x264enc"));
        assertEquals("Debian package gstreamer1.0-plugins-good", ElementPackages.sourceOf("qtmux"));
    }
}
