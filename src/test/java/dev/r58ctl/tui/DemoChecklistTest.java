package dev.r58ctl.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import dev.r58ctl.checklist.Snapshot;
import dev.r58ctl.checklist.Walkthrough;
import dev.r58ctl.config.Config;
import dev.r58ctl.config.ConfigLoader;
import dev.r58ctl.demo.DemoSandbox;
import dev.r58ctl.demo.DemoServices;
import dev.r58ctl.engine.Engine;
import dev.r58ctl.pipeline.MediaProbe;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo's guided migration walked as a new user walks it, at 80x24 with the keys the dialogs ask for: the demo's
 * configuration and sandbox (its four cameras running, the stand-in recorder and MediaMTX), real pipelines, x265enc
 * standing in for mpph265enc. Only the soak, the watch and the monitoring period are shortened (the demo's own take 60
 * s together); the encode and push tests keep the demo's 5 s.
 */
class DemoChecklistTest {
    private static final long STEP_SECONDS = 60;

    @TempDir
    Path dir;

    private DefaultVirtualTerminal vt;
    private Dashboard d;
    private Engine engine;

    @Test
    void nWalksTheDemosChecklistToTheEndOfTheStableBranch() throws Exception {
        Config c = demo();
        try (DemoServices services = DemoServices.start(c); Engine e = new Engine(c)) {
            open(e, c);
            for (String step : List.of("test-encode", "verify-output", "kernel-clean", "test-soak", "cpu-report",
                    "test-push")) {
                perform(step);
            }
            key('n'); // the manual step: the dialog asks for a note
            until(s -> s.contains("MANUAL STEP verify-stream"));
            assertTrue(text().contains("with gst-play-1.0"), "the demo has no browser view: " + text());
            for (char ch : "no display here; the push was read back".toCharArray()) {
                key(ch);
            }
            d.handle(new KeyStroke(KeyType.Enter));
            until(s -> s.contains("checklist verify-stream: done"));
            perform("system-stable");

            // HEAD is the migration made in a hurry (the stand-in came up degraded): the step says to roll back first
            key('n');
            until(s -> s.contains("NEXT STEP patch-apply"));
            key('y');
            until(s -> s.contains("finished; any key closes"));
            assertTrue(text().contains("roll back to the known-good mark first"), text());
            key('z');
            key('b');
            until(s -> s.contains("ROLL BACK TO THE NEWEST KNOWN-GOOD MARK"));
            key('y');
            until(s -> s.contains("rollback: done"));
            key('z');
            for (String step : List.of("patch-apply", "patch-commit", "trial-arm", "cameras-first", "deploy", "watch",
                    "cameras-rest", "monitor")) {
                perform(step);
            }
            key('n');
            until(s -> s.contains("checklist: complete"));
        }
        Snapshot s = new Walkthrough(c).snapshot();
        assertEquals("stable", s.decision().branch());
        assertEquals(-1, s.current());
        assertEquals(16, s.total());
        assertEquals(s.total(), s.done());
        s.steps().stream().filter(Snapshot.Step::onWay).forEach(st -> assertEquals("done", st.state(), st.id()));
        // three tests, three pauses: each camera's recordings were cut with EOS, and every file reads back whole
        assertFalse(Files.exists(dir.resolve("demo/recordings/cam1")), "cam1 is disabled in the recorder's file");
        for (int i : new int[] {0, 2, 3}) {
            List<Path> files;
            try (Stream<Path> list = Files.list(dir.resolve("demo/recordings/cam" + i))) {
                files = list.sorted().toList();
            }
            assertEquals(4, files.size(), "cam" + i + ": one recording before each test and one after the last: "
                    + files);
            for (Path f : files) {
                MediaProbe.Result r = MediaProbe.file(f, Duration.ofSeconds(20));
                assertTrue(r.error() == null && r.frames() > 0, f + ": " + r);
            }
        }
    }

    @Test
    void theOopsDuringTheEncodeTestMakesItUnstableAndTheChecklistTakesTheUnstableBranch() throws Exception {
        Config c = demo();
        try (DemoServices services = DemoServices.start(c); Engine e = new Engine(c)) {
            open(e, c);
            key('n');
            until(s -> s.contains("NEXT STEP test-encode"));
            key('y');
            until(s -> s.contains("PAUSED") && s.matches("(?s).* 1s +\\d+ frames.*"));
            key('i'); // the dialog stays: i is the Oops, not "hide this"
            until(s -> s.contains("finished; any key closes"));
            assertTrue(text().contains("verdict UNSTABLE"), text());
            assertTrue(text().contains("checklist test-encode: failed"), text());
            key('z');
            until(s -> s.contains("checklist UNSTABLE branch") && s.contains("next fix-log")
                    && s.split("RUNNING", -1).length == 4);
        }
        assertEquals("unstable", new Walkthrough(c).snapshot().decision().branch());
    }

    /** The demo's sandbox and configuration, the soak, watch and monitoring period shortened. */
    private Config demo() throws Exception {
        Config made = DemoSandbox.prepare(dir.resolve("demo"));
        Path file = made.file();
        String yaml = Files.readString(file).replaceFirst("durations: \\{[^}]*}",
                "durations: {encode: 5s, soak: 5s, push: 5s, watch: 2s, monitor: 3s}");
        Files.writeString(file, yaml);
        return new ConfigLoader().file(file).load();
    }

    /** The dashboard at 80x24 with the demo's cameras running, as {@code r58ctl demo} opens it. */
    private void open(Engine e, Config c) throws Exception {
        engine = e;
        vt = new DefaultVirtualTerminal(new TerminalSize(80, 24));
        TerminalScreen screen = new TerminalScreen(vt);
        screen.startScreen();
        d = new Dashboard(e, screen, true, new Theme(true));
        e.start();
        e.startEnabledCameras();
        until(s -> s.split("RUNNING", -1).length == 4 && s.contains("checklist tests 0/16"));
    }

    /** n, y, and the step's dialog until it ends done; then any key closes it. */
    private void perform(String step) throws Exception {
        key('n');
        until(s -> s.contains("NEXT STEP " + step));
        key('y');
        until(s -> s.contains("finished; any key closes"));
        assertTrue(text().contains("OK  checklist " + step + ": done"), text());
        key('z');
    }

    private void key(char c) throws Exception {
        d.handle(new KeyStroke(c, false, false));
        d.drain();
    }

    private String text() {
        return dev.r58ctl.testsupport.Screens.text(vt);
    }

    private void until(Predicate<String> shown) throws Exception {
        long deadline = System.nanoTime() + STEP_SECONDS * 1_000_000_000L;
        while (System.nanoTime() < deadline) {
            engine.tick();
            Thread.sleep(200);
            d.drain();
            if (shown.test(text())) {
                return;
            }
        }
        throw new AssertionError("never shown:\n" + text());
    }
}
