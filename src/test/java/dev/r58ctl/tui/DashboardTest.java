package dev.r58ctl.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import dev.r58ctl.config.Config;
import dev.r58ctl.engine.Engine;
import dev.r58ctl.testsupport.TestConfigs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real screens rendered into Lanterna's virtual terminal, driven by key strokes, with a real engine. */
class DashboardTest {
    @TempDir
    Path dir;

    private DefaultVirtualTerminal vt;
    private TerminalScreen screen;
    private Engine engine;
    private Dashboard d;

    private void open(int cols, int rows, Theme theme) throws Exception {
        open(cols, rows, theme, "");
    }

    private void open(int cols, int rows, Theme theme, String extra) throws Exception {
        Files.writeString(dir.resolve("kern.log"), "[    1.000000] Booting Linux on physical CPU 0x0\n");
        Config c = TestConfigs.load(dir, "platform: generic\nstate_dir: " + dir.resolve("state")
                + "\nrecorder: {config: null, health_url: \"http://127.0.0.1:9/health\"}\n"
                + "kernel_log: {source: \"file:" + dir.resolve("kern.log") + "\", previous_boot: none}\n"
                + "cameras:\n"
                + "  cam0: {resolution: 640x360, bitrate: 800, codec: h264, transport: none, output_path: \""
                + dir.resolve("rec/cam0_%H%M%S.mkv") + "\"}\n"
                + "  cam1: {resolution: 640x360, bitrate: 800, codec: h265, transport: none}\n"
                + "  cam2: {source: v4l2, device: /dev/video99, codec: h264, transport: none}\n" + extra);
        vt = new DefaultVirtualTerminal(new TerminalSize(cols, rows));
        screen = new TerminalScreen(vt);
        screen.startScreen();
        engine = new Engine(c);
        d = new Dashboard(engine, screen, true, theme);
        engine.start();
        d.drain();
    }

    @AfterEach
    void close() throws Exception {
        if (engine != null) {
            engine.close();
        }
        if (screen != null) {
            screen.stopScreen();
        }
    }

    private String row(int r) {
        StringBuilder b = new StringBuilder();
        for (int c = 0; c < vt.getTerminalSize().getColumns(); c++) {
            b.append(vt.getCharacter(c, r).getCharacterString());
        }
        return b.toString();
    }

    private String screenText() {
        StringBuilder b = new StringBuilder();
        for (int r = 0; r < vt.getTerminalSize().getRows(); r++) {
            b.append(row(r)).append('\n');
        }
        return b.toString();
    }

    /** Ticks the engine and drains until the screen shows what is expected (or 20 s pass). */
    private void until(Predicate<String> shown) throws Exception {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (System.nanoTime() < deadline) {
            engine.tick();
            Thread.sleep(200);
            d.drain();
            if (shown.test(screenText())) {
                return;
            }
        }
        throw new AssertionError("never shown; last screen:\n" + screenText());
    }

    private void key(char c) throws Exception {
        d.handle(new KeyStroke(c, false, false));
        d.drain();
    }

    @Test
    void at80x24EveryPanelIsThereAndStartingACameraShowsItRunning() throws Exception {
        open(80, 24, new Theme(true));
        until(s -> s.contains("CPU ") && s.contains("cam1"));
        String s = screenText();
        assertTrue(row(0).startsWith(" r58ctl DEMO | kernel file kern.log"), row(0));
        assertTrue(s.contains("CAMERA") && s.contains(">cam0") && s.contains("KERNEL LOG"), s);
        assertTrue(s.contains("Booting Linux"), "the kernel pane shows the log: " + s);
        assertTrue(s.matches("(?s).* cam2 +/dev/video99 .*no device.*"), "a missing HDMI input is shown as such: " + s);
        assertTrue(row(23).contains("s start") && row(23).contains("q quit"), row(23));
        key('s');
        until(t -> t.contains("RUNNING") && t.matches("(?s).*>cam0 .*RUNNING +[23][0-9]\\.\\d.*"));
        assertTrue(Files.list(dir.resolve("rec")).findAny().isPresent(), "cam0 records");
        key('x');
        until(t -> t.contains("STOPPED"));
    }

    @Test
    void aCameraTheRecordersFileBreaksIsShownWithItsNoteAndRefusedAlone() throws Exception {
        Path recorder = dir.resolve("recorder.yml");
        Files.writeString(recorder, """
                mixer: {enabled: true}
                recording: {min_disk_space_gb: 100000}
                cameras:
                  cam0: {resolution: 640x360, recording_bitrate: 800, codec: h264,
                         output_path: "%s"}
                  cam1: {resolution: 640x360, codec: h264, enabled: false}
                  cam2:
                    codec: h264
                    output_path: /tmp/cam2/recording.xyz
                """.formatted(dir.resolve("rec/cam0_%H%M%S.mov")));
        Files.writeString(dir.resolve("kern.log"), "[    1.000000] Booting Linux on physical CPU 0x0\n");
        Config c = TestConfigs.load(dir, "platform: generic\nstate_dir: " + dir.resolve("state")
                + "\nrecorder: {config: \"" + recorder + "\", health_url: \"http://127.0.0.1:9/health\"}\n"
                + "kernel_log: {source: \"file:" + dir.resolve("kern.log") + "\", previous_boot: none}\n"
                + "cameras:\n  cam0: {transport: none}\n  cam1: {transport: none}\n  cam2: {transport: none}\n");
        vt = new DefaultVirtualTerminal(new TerminalSize(160, 30));
        screen = new TerminalScreen(vt);
        screen.startScreen();
        engine = new Engine(c);
        d = new Dashboard(engine, screen, true, new Theme(true));
        engine.start();
        d.drain();
        until(s -> s.contains("cam2") && s.contains("unusable"));
        String s = screenText();
        assertTrue(s.matches("(?s).* cam1 .*disabled.*"), "enabled: false shows as disabled: " + s);
        assertTrue(s.matches("(?s).*  disk \\d+(\\.\\d)?[GM] rec \\d+(\\.\\d)?[GM] BELOW MIN.*"),
                "free space on the state disk, and the recording disk below the recorder's minimum: " + s);
        assertTrue(s.matches("(?s).* cam2 .*unusable.*container \\.xyz is not on.*"), s);
        key('j');
        key('j');
        key('s');
        until(t -> t.contains("start cam2: container .xyz is not one r58ctl can record (.mkv, .mp4, .mov) "
                + "(recorder.yml:9): pipeline commands unavailable for cam2"));
        key('k');
        key('k');
        key('s');
        until(t -> t.matches("(?s).*>cam0 .*RUNNING.*"));
    }

    @Test
    void anOopsWrittenToTheKernelLogRaisesTheBannerAtOnce() throws Exception {
        open(80, 24, new Theme(true));
        key('i'); // the demo's key writes the seed's Oops into the file the engine follows
        until(s -> s.contains("KERNEL CRITICAL"));
        String banner = row(1);
        assertTrue(banner.contains("(c clears): Unable to handle kernel NULL pointer"), banner);
        assertEquals(TextColor.ANSI.RED, vt.getCharacter(2, 1).getForegroundColor());
        assertTrue(screenText().contains("C    494.442 Internal error: Oops"), screenText());
        key('c');
        assertFalse(row(1).contains("KERNEL CRITICAL"), row(1));
    }

    @Test
    void withoutColourSeverityStillReadsFromItsLetter() throws Exception {
        open(80, 24, new Theme(false));
        Files.writeString(dir.resolve("kern.log"), "[  494.442336] Internal error: Oops: 0000000096000005 [#29] SMP\n",
                StandardOpenOption.APPEND);
        until(s -> s.contains("KERNEL CRITICAL"));
        for (int c = 0; c < 80; c++) {
            assertEquals(TextColor.ANSI.DEFAULT, vt.getCharacter(c, 1).getForegroundColor(), "NO_COLOR: no colours");
        }
        assertTrue(screenText().contains("C    494.442 Internal error"), screenText());
    }

    @Test
    void helpFilterAndResize() throws Exception {
        open(80, 24, new Theme(true));
        key('?');
        assertTrue(screenText().contains("Keys (any key closes this)"), screenText());
        key('z');
        assertFalse(screenText().contains("Keys (any key closes this)"));
        key('/');
        for (char c : "oops".toCharArray()) {
            key(c);
        }
        d.handle(new KeyStroke(KeyType.Enter));
        d.drain();
        assertTrue(screenText().contains("filter \"oops\"  0 lines"), screenText());
        d.handle(new KeyStroke(KeyType.Escape));
        key('/');
        d.handle(new KeyStroke(KeyType.Escape));
        d.drain();
        assertTrue(screenText().contains("KERNEL LOG  1 lines"), screenText());

        vt.setTerminalSize(new TerminalSize(160, 48));
        d.drain();
        assertEquals(160, screen.getTerminalSize().getColumns());
        assertTrue(row(47).contains("q quit"), row(47));
        vt.setTerminalSize(new TerminalSize(60, 20));
        d.drain();
        assertTrue(row(0).startsWith("terminal too small (need 80x24, have 60x20)"), row(0));
    }

    @Test
    void theEncoderPickerOffersOnlyTheCamerasCodec() throws Exception {
        // mpph264enc with settings other than those that ran for a week: the Oops's row (settings unknown) speaks
        open(80, 24, new Theme(true), "encoders: {mpph264enc: {rc-mode: vbr}}\n");
        until(s -> s.contains("cam1"));
        key('j');
        key('e');
        int top = 0;
        while (!row(top).contains("encoder for cam1")) {
            top++;
        }
        String dialog = row(top + 1) + row(top + 2) + row(top + 3);
        assertTrue(dialog.contains("x265enc") && dialog.contains("mpph265enc"), dialog);
        assertFalse(dialog.contains("264"), "no H.264 encoder for an H.265 camera: " + dialog);
        d.handle(new KeyStroke(KeyType.Escape));
        d.drain();
        assertFalse(screenText().contains("encoder for cam1"));

        // cam0 is H.264: mpph264enc with unrecorded settings is UNSTABLE (the Oops of 2025-12-19), so it asks again
        key('k');
        until(s2 -> s2.contains(" matrix ") && s2.contains("mpph264enc(?) UNSTABLE"));
        key('e');
        assertTrue(screenText().contains("mpph264enc   UNSTABLE"), screenText());
        d.handle(new KeyStroke(KeyType.ArrowDown));
        d.handle(new KeyStroke(KeyType.Enter));
        d.drain();
        assertTrue(screenText().contains("mpph264enc IS UNSTABLE ON THIS BOARD"), screenText());
        key('n');
        assertTrue(screenText().contains("cancelled: the encoder was not changed"), screenText());
        assertTrue(screenText().matches("(?s).*>cam0 .*x264enc.*"), screenText());
    }

    @Test
    void aTestRunFromTheDashboardIsListedWithItsVerdict() throws Exception {
        open(160, 48, new Theme(true), "stability: {resolution: 320x240, framerate: 30, durations: {encode: 2s}}\n");
        until(s -> s.contains("cam1") && s.contains("none yet (t tests the selected camera)"));
        key('t');
        until(s -> s.contains("finished; any key closes"));
        key('z');
        until(s -> s.contains("RECENT TESTS"));
        String s = screenText();
        assertTrue(s.matches("(?s).*\\d\\d-\\d\\d \\d\\d:\\d\\d +encode +x264enc +PASS +\\d+% .*"), s);
        vt.setTerminalSize(new TerminalSize(80, 24));
        d.drain();
        assertTrue(screenText().matches("(?s).* tests \\d\\d:\\d\\d encode x264enc PASS.*"), screenText());
        assertTrue(screenText().contains("KERNEL LOG"), "the kernel pane keeps its place: " + screenText());
    }

    @Test
    void aRollbackTheBootGuardMadeInThisBootIsSaidFirst() throws Exception {
        String boot = Files.readString(Path.of("/proc/sys/kernel/random/boot_id")).trim();
        Files.createDirectories(dir.resolve("state/guard"));
        new com.fasterxml.jackson.databind.ObjectMapper().writeValue(dir.resolve("state/guard/last.json").toFile(),
                new dev.r58ctl.guard.GuardResult("rolled-back", "rolled back from 3d30286 to e100e06 (r58ctl/good/1): "
                        + "the previous boot ended in a kernel panic or Oops; service healthy", "crash",
                        java.util.List.of("Internal error: Oops: 0000000096000005 [#29] SMP"), boot, "3d30286",
                        "e100e06", "ok", "200", java.time.Instant.now().toString()));
        open(80, 24, new Theme(true));
        until(s -> row(1).contains("BOOT GUARD at "));
        assertTrue(row(1).contains("rolled back from 3d30286 to e100e06"), row(1));
        assertEquals(TextColor.ANSI.RED, vt.getCharacter(2, 1).getForegroundColor());
        key('c');
        assertFalse(row(1).contains("BOOT GUARD at"), "c clears the banner: " + row(1));
    }

    @Test
    void theChecklistPanelWalksAManualStepAndATestFromTheKeyboard() throws Exception {
        Path list = dir.resolve("checklist.yml");
        Files.writeString(list, "branches: {tests: t, stable: s, unstable: u}\nsteps:\n"
                + "  - {id: look, title: \"Verify stream in browser\", kind: manual, branch: tests, operation: verify-stream}\n"
                + "  - {id: test-encode, title: \"Run Test 1\", kind: action, branch: tests, operation: test-encode}\n");
        open(160, 48, new Theme(true), "stability: {resolution: 320x240, framerate: 30}\n"
                + "checklist: {file: \"" + list + "\", target_encoder: x265enc, durations: {encode: 2s}}\n");
        until(s -> s.contains(" CHECKLIST tests 0/2") && s.matches("(?s).*> PENDING +look +Verify stream in browser.*"));
        key('n');
        String dialog = screenText();
        assertTrue(dialog.contains("MANUAL STEP look") && dialog.contains("http"), "the URL to open: " + dialog);
        d.handle(new KeyStroke(KeyType.Enter));
        d.drain();
        assertTrue(screenText().contains("a manual step needs a note"), screenText());
        for (char c : "moves".toCharArray()) {
            key(c);
        }
        d.handle(new KeyStroke(KeyType.Enter));
        until(s -> s.matches("(?s).* DONE +look .*moves.*") && s.contains(" CHECKLIST tests 1/2"));

        key('n');
        assertTrue(screenText().contains("CHECKLIST: NEXT STEP test-encode") && screenText().contains("gate none: holds"),
                screenText());
        key('y');
        until(s -> s.contains("finished; any key closes"));
        assertTrue(screenText().contains("verdict PASS"), screenText());
        key('z');
        until(s -> s.matches("(?s).* DONE +test-encode .*") && s.contains(" CHECKLIST tests 2/2"));
        vt.setTerminalSize(new TerminalSize(80, 24));
        d.drain();
        assertTrue(screenText().contains(" checklist tests 2/2  complete"), screenText());
        key('n');
        assertTrue(screenText().contains("checklist: complete"), screenText());
    }

    @Test
    void aStepDoneByAnotherR58ctlShowsOnTheNextTick() throws Exception {
        Path list = dir.resolve("checklist.yml");
        Files.writeString(list, "branches: {tests: t, stable: s, unstable: u}\nsteps:\n"
                + "  - {id: look, title: \"Verify stream in browser\", kind: manual, branch: tests, operation: verify-stream}\n"
                + "  - {id: again, title: \"Look again\", kind: manual, branch: tests, operation: verify-stream}\n");
        open(160, 48, new Theme(true), "checklist: {file: \"" + list + "\", target_encoder: x265enc}\n");
        until(s -> s.contains(" CHECKLIST tests 0/2"));
        new dev.r58ctl.checklist.Walkthrough(engine.config()).done("look", "seen from the other terminal", "test");
        until(s -> s.matches("(?s).* DONE +look .*seen from the other terminal.*") && s.contains(" CHECKLIST tests 1/2"));
    }
}
