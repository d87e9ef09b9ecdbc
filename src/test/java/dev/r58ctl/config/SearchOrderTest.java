package dev.r58ctl.config;

import static dev.r58ctl.config.ConfigFixtures.PRODUCTION_RECORDER_CONFIG;
import static dev.r58ctl.config.ConfigFixtures.genericCompatible;
import static dev.r58ctl.config.ConfigFixtures.recorderConfig;
import static dev.r58ctl.config.ConfigFixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Without --config the first existing file of the search path is used; the recorder's own file is skipped. */
class SearchOrderTest {
    private static final String OWN_A = "recorder: {config: null}\ncameras:\n  fromA: {device: /dev/video0}\n";
    private static final String OWN_B = "recorder: {config: null}\ncameras:\n  fromB: {device: /dev/video0}\n";

    @TempDir
    Path tmp;
    Path home;
    Path a;
    Path b;

    @BeforeEach
    void setUp() throws Exception {
        home = Files.createDirectories(tmp.resolve("home"));
        a = tmp.resolve("a/config.yml");
        b = tmp.resolve("b/config.yml");
    }

    private ConfigLoader loader() {
        return new ConfigLoader().searchPath(List.of(a, b)).compatibleFile(genericCompatible(tmp)).home(home);
    }

    private static List<String> ids(Config c) {
        return c.cameras().stream().map(Camera::id).toList();
    }

    @Test
    void defaultSearchPath() {
        assertEquals(List.of(Path.of("config.yml"), Path.of("/etc/r58ctl/config.yml")), ConfigLoader.SEARCH_PATH);
    }

    @Test
    void firstExistingFileWins() {
        write(tmp, "a/config.yml", OWN_A);
        write(tmp, "b/config.yml", OWN_B);
        Config c = loader().load();
        assertEquals(a, c.file());
        assertEquals(a, c.camerasFrom());
        assertEquals(List.of("fromA"), ids(c));
        assertEquals(List.of(), c.notes());
    }

    @Test
    void missingFilesAreSkipped() {
        write(tmp, "b/config.yml", OWN_B);
        Config c = loader().load();
        assertEquals(b, c.file());
        assertEquals(List.of("fromB"), ids(c));
        assertEquals(List.of(), c.notes());
    }

    @Test
    void directoryIsNotAFile() throws Exception {
        Files.createDirectories(a);
        write(tmp, "b/config.yml", OWN_B);
        assertEquals(b, loader().load().file());
    }

    @Test
    void explicitFileWinsOverSearchPath() {
        write(tmp, "a/config.yml", OWN_A);
        Path own = write(tmp, "explicit.yml", OWN_B);
        Config c = loader().file(own).load();
        assertEquals(own, c.file());
        assertEquals(List.of("fromB"), ids(c));
    }

    @Test
    void recordersOwnFileIsSkippedWithANote() {
        write(tmp, "a/config.yml", recorderConfig());
        write(tmp, "b/config.yml", OWN_B);
        Config c = loader().load();
        assertEquals(b, c.file());
        assertEquals(List.of("fromB"), ids(c));
        assertEquals(List.of(a + " looks like the recorder's own file; skipped (point recorder.config at it)"),
                c.notes());
    }

    @Test
    void fileWithCamerasAndAnyOwnMarkerIsTaken() {
        assumeFalse(Files.exists(PRODUCTION_RECORDER_CONFIG), "recorder.config defaults to this machine's file");
        // Each of recorder, codecs, encoders, kernel_log and state_dir marks r58ctl's own file.
        for (String marker : List.of("recorder: {service: preke-recorder}", "codecs: {}", "encoders: {}",
                "kernel_log: {source: auto}", "state_dir: /tmp/s")) {
            write(tmp, "a/config.yml", marker + "\ncameras:\n  fromA: {device: /dev/video0}\n");
            write(tmp, "b/config.yml", OWN_B);
            Config c = loader().load();
            assertEquals(a, c.file(), marker);
            assertEquals(List.of("fromA"), ids(c), marker);
        }
    }

    @Test
    void fileWithoutCamerasIsTaken() {
        write(tmp, "a/config.yml", "platform: generic\n");
        write(tmp, "b/config.yml", OWN_B);
        assertEquals(a, loader().load().file());
    }

    @Test
    void nothingFoundUsesBuiltInDefaults() {
        assumeFalse(Files.exists(PRODUCTION_RECORDER_CONFIG), "the built-in defaults point at this machine's file");
        Config c = loader().load();
        assertNull(c.file());
        assertNull(c.camerasFrom());
        assertEquals(List.of("cam0", "cam1", "cam2", "cam3"), ids(c));
        assertEquals(List.of(
                "no configuration file found (looked at " + a + ", " + b + "); using built-in defaults"), c.notes());
        assertEquals("the recorder's file /opt/preke-r58-recorder/config.yml: not found; cameras come from the built-in "
                + "defaults", c.cameraList().warningLine());
        assertEquals("x265enc", c.requireCamera("cam1").encoder());
        assertEquals(home.resolve(".local/state/r58ctl"), c.stateDir());
        assertEquals("built-in defaults:" + c.requireCamera("cam0").origin().split(":")[1],
                c.requireCamera("cam0").origin());
    }

    @Test
    void onlyTheRecordersFileFoundUsesBuiltInDefaultsWithBothNotes() {
        assumeFalse(Files.exists(PRODUCTION_RECORDER_CONFIG), "the built-in defaults point at this machine's file");
        write(tmp, "b/config.yml", recorderConfig());
        Config c = loader().load();
        assertNull(c.file());
        assertEquals(4, c.cameras().size());
        assertEquals(List.of(
                b + " looks like the recorder's own file; skipped (point recorder.config at it)",
                "no configuration file found (looked at " + a + ", " + b + "); using built-in defaults"), c.notes());
        assertEquals("the recorder's file /opt/preke-r58-recorder/config.yml: not found; cameras come from the built-in "
                + "defaults", c.cameraList().warningLine());
    }

    @Test
    void invalidSearchedFileIsAnError() {
        write(tmp, "a/config.yml", "platform: auto\n\tcameras: {}\n");
        write(tmp, "b/config.yml", OWN_B);
        ConfigFixtures.assertFailure(a + ":2: not valid YAML: found character '\\t(TAB)' that cannot start any token. "
                + "(Do not use \\t(TAB) for indentation)", loader());
    }
}
