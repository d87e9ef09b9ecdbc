package dev.r58ctl.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import dev.r58ctl.config.Config;
import dev.r58ctl.demo.DemoSandbox;
import dev.r58ctl.engine.Engine;
import dev.r58ctl.host.ServiceControl;
import dev.r58ctl.repo.RepoView;
import java.nio.file.Path;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo's sandbox driven by keys in the virtual terminal: one-key rollback to the known-good mark with the
 * stand-in service healthy after it, then the migration patch picked, previewed and committed again.
 */
class DemoDashboardTest {
    @TempDir
    Path dir;

    private static String text(DefaultVirtualTerminal vt) {
        return dev.r58ctl.testsupport.Screens.text(vt);
    }

    private static void until(Dashboard d, Engine e, DefaultVirtualTerminal vt, Predicate<String> shown) throws Exception {
        long deadline = System.nanoTime() + 40_000_000_000L;
        while (System.nanoTime() < deadline) {
            e.tick();
            Thread.sleep(200);
            d.drain();
            if (shown.test(text(vt))) {
                return;
            }
        }
        throw new AssertionError("never shown:\n" + text(vt));
    }

    @Test
    void rollBackWithOneKeyThenApplyAndCommitTheMigrationPatch() throws Exception {
        Config c = DemoSandbox.prepare(dir.resolve("demo"));
        ServiceControl standIn = ServiceControl.of(c);
        standIn.start();
        DefaultVirtualTerminal vt = new DefaultVirtualTerminal(new TerminalSize(100, 30));
        TerminalScreen screen = new TerminalScreen(vt);
        screen.startScreen();
        try (Engine engine = new Engine(c)) {
            Dashboard d = new Dashboard(engine, screen, true, new Theme(true));
            engine.start();
            until(d, engine, vt, s -> s.contains("repo HEAD") && s.contains("Migrate to H.265 hardware encoding")
                    && s.contains("health NOT OK"));

            d.handle(new KeyStroke('b', false, false));
            until(d, engine, vt, s -> s.contains("ROLL BACK TO THE NEWEST KNOWN-GOOD MARK"));
            assertTrue(text(vt).contains("Use superfast preset"), "the plan names the target: " + text(vt));
            d.handle(new KeyStroke('y', false, false));
            until(d, engine, vt, s -> s.contains("rollback: done"));
            assertTrue(text(vt).contains("health: healthy"), text(vt));
            d.handle(new KeyStroke('z', false, false));
            until(d, engine, vt, s -> s.contains("health ok") && s.contains("repo HEAD") && s.contains("Use superfast"));

            d.handle(new KeyStroke('p', false, false));
            d.drain();
            assertTrue(text(vt).contains("> h265_migration.patch"), text(vt));
            d.handle(new KeyStroke(KeyType.Enter));
            until(d, engine, vt, s -> s.contains("applies: 2 file(s)"));
            assertTrue(text(vt).contains("+    codec: h265"), "the recorder's own file, moved to H.265: " + text(vt));
            d.handle(new KeyStroke('c', false, false));
            d.drain();
            assertTrue(text(vt).contains("Migrate to H.265 hardware encoding_"), text(vt));
            d.handle(new KeyStroke(KeyType.Enter));
            until(d, engine, vt, s -> s.contains("committed"));
        } finally {
            standIn.stop();
            screen.stopScreen();
        }
        try (RepoView view = RepoView.open(c.recorder().repo())) {
            RepoView.Status st = view.status();
            assertEquals("Migrate to H.265 hardware encoding", st.headSubject());
            assertTrue(st.clean(), "the commit holds exactly the patch: " + st);
        }
    }
}
