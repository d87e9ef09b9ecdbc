package dev.r58ctl.tui;

import com.googlecode.lanterna.screen.Screen;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.Terminal;
import dev.r58ctl.R58Exception;
import dev.r58ctl.engine.EngineLink;
import java.io.IOException;

/** Opens the dashboard on the process's terminal (text only, UTF-8, no mouse) and restores it on any exit. */
public final class Terminals {
    private Terminals() {
    }

    /** Lanterna's terminal on this process's stdin and stdout (it runs stty to put the input in raw mode). */
    static Terminal create() throws IOException {
        return new QuickTerminal();
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
            Screen early = EarlyScreen.take();
            Screen screen = early != null ? early : new TerminalScreen(create());
            dev.r58ctl.StartupTrace.mark("terminal open");
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
