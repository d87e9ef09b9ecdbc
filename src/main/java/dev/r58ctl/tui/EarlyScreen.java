package dev.r58ctl.tui;

import com.googlecode.lanterna.screen.Screen;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.Terminal;
import java.io.IOException;
import java.io.OutputStream;

/**
 * The dashboard's first frame before anything is read: when the command line asks for the dashboard, the launcher
 * opens the screen at once and draws the dashboard's layout with no figures ("starting"), and the dashboard carries
 * on with that screen once the configuration is read and the engine built; cameras and figures fill in as they
 * arrive. Should the command end otherwise (a bad configuration, a refused host key), the screen is put back before
 * the first character of output, so the reason prints on the terminal as it always did.
 */
public final class EarlyScreen {
    private static TerminalScreen screen;

    private EarlyScreen() {
    }

    /** Opens the screen and draws the layout; does nothing without a terminal, or if the terminal cannot be opened. */
    public static synchronized void open(boolean demo) {
        if (screen != null || !Terminals.interactive()) {
            return;
        }
        try {
            open(Terminals.create(), demo);
        } catch (IOException | RuntimeException e) {
            // the dashboard opens its own later, and reports what is wrong with the terminal
        }
    }

    /** {@link #open(boolean)} on a given terminal (the process's own, or a virtual one in the tests). */
    static synchronized void open(Terminal terminal, boolean demo) {
        if (screen != null) {
            return;
        }
        TerminalScreen s = null;
        try {
            s = new TerminalScreen(terminal);
            s.startScreen();
            s.setCursorPosition(null);
            DashboardState state = new DashboardState();
            state.demo = demo;
            state.message = demo ? "starting the demo: sandbox, cameras and stand-in recorder" : "starting";
            new Renderer(Theme.fromEnvironment()).draw(s.newTextGraphics(), s.getTerminalSize(), state);
            s.refresh();
            screen = s;
        } catch (IOException | RuntimeException e) {
            stop(s); // the dashboard opens its own later, and reports what is wrong with the terminal
        }
    }

    /** The screen {@link #open} drew on, for the dashboard to carry on with; null when there is none. */
    static synchronized Screen take() {
        Screen s = screen;
        screen = null;
        return s;
    }

    /** Puts the terminal back as it was, unless the dashboard took the screen. */
    public static synchronized void close() {
        stop(screen);
        screen = null;
    }

    /** {@code out}, closing the early screen before the first byte written to it. */
    public static OutputStream before(OutputStream out) {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                EarlyScreen.close(); // not OutputStream's own close()
                out.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                EarlyScreen.close();
                out.write(b, off, len);
            }

            @Override
            public void flush() throws IOException {
                out.flush();
            }
        };
    }

    private static void stop(TerminalScreen s) {
        if (s == null) {
            return;
        }
        try {
            s.stopScreen();
            s.getTerminal().flush(); // Lanterna leaves the way back to the normal screen in stdout's buffer
        } catch (IOException | RuntimeException e) {
            // the terminal is gone
        }
    }
}
