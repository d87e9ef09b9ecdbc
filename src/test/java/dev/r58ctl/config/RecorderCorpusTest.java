package dev.r58ctl.config;

import static dev.r58ctl.config.ConfigFixtures.loader;
import static dev.r58ctl.config.ConfigFixtures.r58Compatible;
import static dev.r58ctl.config.ConfigFixtures.resource;
import static dev.r58ctl.config.ConfigFixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The recorder's own file in the shapes it had over its life (src/test/resources/recorder/), read the way r58ctl
 * reads it on the board: what each shape gives, and that none of them can stop r58ctl.
 */
class RecorderCorpusTest {
    @TempDir
    Path tmp;

    private Config load(String corpus) {
        Path recorder = tmp.resolve("recorder/config.yml");
        if (corpus != null) {
            write(tmp, "recorder/config.yml", resource("/recorder/" + corpus + ".yml"));
        }
        Path own = write(tmp, "r58ctl.yml", "recorder:\n  config: " + recorder + "\n");
        return loader(own, r58Compatible(tmp), tmp.resolve("home")).load();
    }

    private static List<String> ids(Config c) {
        return c.cameras().stream().map(Camera::id).toList();
    }

    @Test
    void november2025() {
        Config c = load("2025-11");
        assertNull(c.cameraList().warning());
        assertEquals(List.of("cam0", "cam1", "cam2", "cam3"), ids(c));
        assertEquals(List.of(8000, 18000, 8000, 8000), c.cameras().stream().map(Camera::bitrateKbps).toList());
        assertEquals("mp4", c.requireCamera("cam0").container());
        assertEquals(Config.RecordingSettings.DEFAULTS, c.recording(), "no recording: section yet");
        assertTrue(c.cameras().stream().allMatch(Camera::usable));
        assertEquals("auto", c.cameraList().recorderPlatform());
    }

    @Test
    void january2026() {
        Config c = load("2026-01");
        assertNull(c.cameraList().warning());
        assertEquals(List.of(), c.cameraList().notes(), "mixer, reveal, graphics, preview, mode: not r58ctl's");
        assertEquals(List.of("cam0", "cam1", "cam2", "cam3"), ids(c));
        assertTrue(c.cameras().stream().allMatch(Camera::usable));
        for (Camera cam : c.cameras()) {
            assertEquals(18000, cam.bitrateKbps(), "recording_bitrate, not preview_bitrate: " + cam.id());
            assertEquals(1280, cam.width());
            assertEquals(720, cam.height());
            assertEquals("mov", cam.container());
            assertEquals("mpph264enc", cam.encoder(), "the recorder's H.264 encoder since January 2026");
        }
        assertEquals(List.of(true, false, true, true), c.cameras().stream().map(Camera::enabled).toList());
        assertEquals("/dev/video22", c.requireCamera("cam3").device());
        Config.RecordingSettings r = c.recording();
        assertEquals(1000, r.fragmentMillis());
        assertEquals(10.0, r.minDiskSpaceGb());
        assertEquals(5.0, r.warningDiskSpaceGb());
        assertEquals("mov", r.container());
    }

    @Test
    void anUnknownCameraKeyIsIgnored() {
        Config c = load("unknown-camera-key");
        assertNull(c.cameraList().warning());
        assertTrue(c.cameras().stream().allMatch(Camera::usable));
        assertEquals(List.of(), c.cameraList().notes());
    }

    @Test
    void anUnknownContainerCostsThatCameraOnly() {
        Config c = load("unknown-container");
        assertEquals(List.of(true, true, false, true), c.cameras().stream().map(Camera::usable).toList());
        ConfigProblem p = c.requireCamera("cam2").problems().get(0);
        assertEquals(83, p.line());
        assertEquals("cameras.cam2.output_path", p.key());
        assertEquals(List.of("cam2: container .xyz is not one r58ctl can record (.mkv, .mp4, .mov) "
                + "(config.yml:83): pipeline commands unavailable for cam2"), c.cameraList().cameraNotes());
    }

    @Test
    void notYamlEmptyAndMissingGiveOneWarningAndTheBuiltInCameras() {
        for (String corpus : new String[] {"not-yaml", "empty", null}) {
            Config c = load(corpus);
            String w = c.cameraList().warningLine();
            Path file = tmp.resolve("recorder/config.yml");
            assertEquals("the recorder's file " + file + switch (corpus == null ? "missing" : corpus) {
                case "not-yaml" -> ":98: not valid YAML: expected the node content, but found '<stream end>'";
                case "empty" -> ":1: empty file: no cameras: section";
                default -> ": not found";
            } + "; cameras come from the built-in defaults", w);
            assertEquals(List.of("cam0", "cam1", "cam2", "cam3"), ids(c));
            assertNull(c.camerasFrom());
            assertFalse(c.cameras().isEmpty());
            if (corpus != null) {
                try {
                    java.nio.file.Files.delete(file);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        }
    }

    @Test
    void anUnreadableFileIsOneWarning() throws Exception {
        java.nio.file.Files.createDirectories(tmp.resolve("recorder/config.yml")); // a directory where the file should be
        Config c = load(null);
        String w = c.cameraList().warningLine();
        assertTrue(w.startsWith("the recorder's file " + tmp.resolve("recorder/config.yml") + ": cannot read: "), w);
        assertTrue(w.endsWith("; cameras come from the built-in defaults"), w);
        assertEquals(4, c.cameras().size());
    }

    @Test
    void aBadRecordingValueIsANoteAndItsDefault() {
        String text = resource("/recorder/2026-01.yml").replace("fragment_duration: 1000", "fragment_duration: soon")
                .replace("min_disk_space_gb: 10", "min_disk_space_gb: lots");
        write(tmp, "recorder/config.yml", text);
        Path own = write(tmp, "r58ctl.yml", "recorder:\n  config: " + tmp.resolve("recorder/config.yml") + "\n");
        Config c = loader(own, r58Compatible(tmp), tmp.resolve("home")).load();
        assertEquals(1000, c.recording().fragmentMillis());
        assertNull(c.recording().minDiskSpaceGb());
        assertEquals(2, c.cameraList().notes().size(), c.cameraList().notes().toString());
        assertTrue(c.cameraList().notes().get(0).text().contains(":12: recording.fragment_duration: expected milliseconds"),
                c.cameraList().notes().toString());
        assertTrue(c.cameras().stream().allMatch(Camera::usable), "the cameras are not concerned");
    }

    @Test
    void theRecordersFileIsNotReadUntilACameraIsNeeded() {
        write(tmp, "recorder/config.yml", "cameras: [\n");
        Path own = write(tmp, "r58ctl.yml", "recorder:\n  config: " + tmp.resolve("recorder/config.yml") + "\n");
        Config c = loader(own, r58Compatible(tmp), tmp.resolve("home")).load();
        // replaced before the first use: the command that needs cameras reads the file as it is then
        write(tmp, "recorder/config.yml", resource("/recorder/2026-01.yml"));
        assertEquals(4, c.cameras().size());
        assertNull(c.cameraList().warning());
    }
}
