package dev.r58ctl.tui;

import com.googlecode.lanterna.screen.Screen;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.Terminal;
import dev.r58ctl.R58Exception;
import dev.r58ctl.engine.EngineLink;
import java.io.IOException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Opens the dashboard on the process's terminal (text only, UTF-8, no mouse) and restores it on any exit. */
public final class Terminals {
    private static final Logger LOG = LoggerFactory.getLogger(Terminals.class);
    /** How long putting the terminal back may take: it is a few bytes and one stty process. */
    static final Duration PUT_BACK = Duration.ofSeconds(1);
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
        runDashboard(engine, demo, null);
    }

    /** @param past the board's recorded history for the look-back keys, or null where there is none to read */
    public static void runDashboard(EngineLink engine, boolean demo, PastSource past) {
        if (!interactive()) {
            throw R58Exception.badInput("the dashboard needs a terminal (stdin and stdout a tty, TERM set)");
        }
        try {
            Screen early = EarlyScreen.take();
            Screen screen = early != null ? early : new TerminalScreen(create());
            dev.r58ctl.StartupTrace.mark("terminal open");
            new Dashboard(engine, screen, demo, past).run();
        } catch (IOException e) {
            throw R58Exception.failed("cannot open the terminal: " + e.getMessage());
        }
    }

    /**
     * Puts the terminal back as it was (the normal screen, the settings stty saved), within {@link #PUT_BACK}: a
     * terminal that takes no output (an SSH session frozen, not yet dropped) would block the write, and r58ctl
     * still has pipelines to stop. A terminal that is gone is not touched at all. Either way Lanterna's own restore
     * at exit is switched off afterwards, so nothing touches it again.
     */
    static void putBack(Screen screen, boolean gone) {
        Terminal terminal = screen instanceof TerminalScreen ts ? ts.getTerminal() : null;
        if (gone) {
            LOG.info("the terminal is gone: left as it is");
        } else {
            Thread restore = new Thread(() -> {
                try {
                    screen.stopScreen();
                    if (terminal != null) {
                        terminal.flush(); // Lanterna leaves the way back to the normal screen in stdout's buffer
                    }
                    if (terminal instanceof QuickTerminal q) {
                        q.restoreSettings();
                    }
                } catch (IOException | RuntimeException e) {
                    LOG.info("the terminal could not be put back: {}", e.getMessage());
                }
            }, "r58ctl-terminal-back");
            restore.setDaemon(true);
            restore.start();
            try {
                restore.join(PUT_BACK.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (restore.isAlive()) {
                LOG.warn("the terminal took no output for {} ms: left as it is", PUT_BACK.toMillis());
            }
        }
        if (terminal instanceof QuickTerminal q) {
            q.release();
        }
    }
}
