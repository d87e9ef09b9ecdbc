package dev.r58ctl.tui;

import com.googlecode.lanterna.screen.Screen;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.DefaultTerminalFactory;
import com.googlecode.lanterna.terminal.Terminal;
import dev.r58ctl.R58Exception;
import dev.r58ctl.engine.EngineLink;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Opens the dashboard on the process's terminal (text only, UTF-8, no mouse) and restores it on any exit. */
public final class Terminals {
    private Terminals() {
    }

    /** True when stdin and stdout are a terminal the dashboard can draw on. */
    public static boolean interactive() {
        return System.console() != null && System.getenv("TERM") != null && !"dumb".equals(System.getenv("TERM"));
    }

    public static void runDashboard(EngineLink engine, boolean demo) {
        if (!interactive()) {
            throw R58Exception.badInput("the dashboard needs a terminal (stdin and stdout a tty, TERM set)");
        }
        try {
            Terminal terminal = new DefaultTerminalFactory(System.out, System.in, StandardCharsets.UTF_8)
                    .setForceTextTerminal(true).createTerminal();
            dev.r58ctl.StartupTrace.mark("terminal open");
            Screen screen = new TerminalScreen(terminal);
            Thread restore = new Thread(() -> {
                try {
                    screen.stopScreen();
                } catch (IOException | RuntimeException ignored) {
                    // the terminal is gone already
                }
            }, "r58ctl-restore-terminal");
            Runtime.getRuntime().addShutdownHook(restore);
            new Dashboard(engine, screen, demo).run();
            try {
                Runtime.getRuntime().removeShutdownHook(restore);
            } catch (IllegalStateException shuttingDown) {
                // the hook restores it
            }
        } catch (IOException e) {
            throw R58Exception.failed("cannot open the terminal: " + e.getMessage());
        }
    }
}
