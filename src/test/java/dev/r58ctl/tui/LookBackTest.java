package dev.r58ctl.tui;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import dev.r58ctl.config.Config;
import dev.r58ctl.engine.Engine;
import dev.r58ctl.history.BoardSimulation;
import dev.r58ctl.history.HistoryReader;
import dev.r58ctl.history.HistoryWriter;
import dev.r58ctl.testsupport.TestConfigs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboard looking back through history recorded as r58ctl agent records it (the real writer and reader, the
 * real screens in Lanterna's virtual terminal, a real engine for the live side): the title bar, the recorded camera
 * rows, the kernel pane ending at the moment, actions refused, L back to live.
 */
class LookBackTest {
    @TempDir
    Path dir;
    private DefaultVirtualTerminal vt;
    private TerminalScreen screen;
    private Engine engine;
    private Dashboard d;

    @BeforeEach
    void open() throws Exception {
        Files.writeString(dir.resolve("kern.log"), "[    1.000000] Booting Linux on physical CPU 0x0\n");
        Config c = TestConfigs.load(dir, "platform: generic\nstate_dir: " + dir.resolve("state")
                + "\nrecorder: {config: null, health_url: \"http://127.0.0.1:9/health\"}\n"
                + "kernel_log: {source: \"file:" + dir.resolve("kern.log") + "\", previous_boot: none}\n"
                + "cameras:\n  cam0: {resolution: 640x360, codec: h264, transport: none}\n");
        // five minutes of a busy board, ending 20 s ago: four cameras at about 30 fps
        long end = System.currentTimeMillis() - 20_000;
        BoardSimulation board = new BoardSimulation();
        try (HistoryWriter w = new HistoryWriter(c.stateDir().resolve("history"), Duration.ofHours(48),
                Clock.fixed(Instant.ofEpochMilli(end), ZoneOffset.UTC))) {
            for (long t = end - 300_000; t <= end; t += 1000) {
                board.round(t, w);
            }
        }
        vt = new DefaultVirtualTerminal(new TerminalSize(120, 40));
        screen = new TerminalScreen(vt);
        screen.startScreen();
        engine = new Engine(c);
        d = new Dashboard(engine, screen, false, Theme.fromEnvironment(),
                new HistoryPast(HistoryReader.of(c)));
        engine.start();
        engine.tick();
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

    private String text() {
        StringBuilder b = new StringBuilder();
        for (int r = 0; r < vt.getTerminalSize().getRows(); r++) {
            for (int col = 0; col < vt.getTerminalSize().getColumns(); col++) {
                b.append(vt.getCharacter(col, r).getCharacterString());
            }
            b.append('\n');
        }
        return b.toString();
    }

    private void key(char c) throws Exception {
        d.handle(new KeyStroke(c, false, false));
        d.drain();
    }

    @Test
    void aMinuteBackShowsTheRecordedMomentAndRefusesActionsUntilLive() throws Exception {
        String live = text();
        assertFalse(live.contains("HISTORY"), live);
        assertTrue(live.contains("cam0") && !live.contains("cam3"), "live: the one configured camera\n" + live);

        key('{');
        String past = text();
        assertTrue(past.lines().findFirst().orElse("").contains("HISTORY ") && past.contains("(-1m)"),
                "the title bar says which moment\n" + past);
        assertTrue(past.contains("cam3") && past.matches("(?s).*cam1 .* 2\\d\\.\\d .*"),
                "the recorded four cameras with their fps\n" + past);
        assertTrue(past.contains(" 0 lines"), "the kernel pane ends at the moment: the log was read after it\n" + past);

        key('{');
        assertTrue(text().contains("(-2m)"), text());
        key('}');
        assertTrue(text().contains("(-1m)"), text());

        key('x');
        assertTrue(text().contains("press L to return to live"), "stop refused while looking back\n" + text());

        key('L');
        String back = text();
        assertFalse(back.contains("HISTORY"), back);
        assertTrue(back.contains("live again") && !back.contains("cam3"), back);
    }

    @Test
    void beforeTheHistoryBeginsTheMomentIsNotChanged() throws Exception {
        for (int i = 0; i < 7; i++) {
            key('{'); // one minute a press: past the five recorded minutes
        }
        String t = text();
        assertTrue(t.contains("nothing recorded at"), t);
        assertTrue(t.contains("(-5m)") || t.contains("(-6m)"), "the last moment found stays shown\n" + t);
    }
}
