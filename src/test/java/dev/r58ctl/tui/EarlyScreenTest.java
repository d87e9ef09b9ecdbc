package dev.r58ctl.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.screen.Screen;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The start-up trick of the dashboard's first frame (see {@link EarlyScreen}): drawn before the configuration is
 * read, handed to the dashboard, and put away before any other output reaches the terminal.
 */
class EarlyScreenTest {
    /** A virtual terminal that records when it enters and leaves the alternate screen, in one list with the output. */
    private static final class Recording extends DefaultVirtualTerminal {
        final List<String> events;
        boolean failOnEnter;

        Recording(List<String> events) {
            super(new TerminalSize(80, 24));
            this.events = events;
        }

        @Override
        public synchronized void enterPrivateMode() {
            if (failOnEnter) {
                throw new IllegalStateException("no terminal after all");
            }
            events.add("enter");
            super.enterPrivateMode();
        }

        @Override
        public synchronized void exitPrivateMode() {
            events.add("exit");
            super.exitPrivateMode();
        }

        String row(int y) {
            StringBuilder b = new StringBuilder();
            for (int x = 0; x < getTerminalSize().getColumns(); x++) {
                b.append(getCharacter(x, y).getCharacterString());
            }
            return b.toString();
        }

        String text() {
            StringBuilder b = new StringBuilder();
            for (int y = 0; y < getTerminalSize().getRows(); y++) {
                b.append(row(y)).append('\n');
            }
            return b.toString();
        }
    }

    private final List<String> events = new ArrayList<>();

    @AfterEach
    void nothingLeftOpen() {
        EarlyScreen.take();
        EarlyScreen.close();
    }

    @Test
    void drawsTheLayoutAtOnceAndHandsThatScreenToTheDashboard() {
        Recording vt = new Recording(events);
        EarlyScreen.open(vt, false);
        String shown = vt.text();
        assertTrue(shown.contains("KERNEL LOG"), shown);
        assertTrue(shown.contains("starting"), shown);
        Screen taken = EarlyScreen.take();
        assertTrue(taken instanceof TerminalScreen ts && ts.getTerminal() == vt, "the dashboard gets the drawn screen");
        assertNull(EarlyScreen.take(), "handed over once");
        EarlyScreen.close(); // the command's end: the dashboard owns the screen now and puts it back itself
        assertEquals(List.of("enter"), events);
    }

    @Test
    void theDemoSaysWhatItIsStarting() {
        Recording vt = new Recording(events);
        EarlyScreen.open(vt, true);
        assertTrue(vt.text().contains("starting the demo"), vt.text());
    }

    @Test
    void aSecondOpenKeepsTheFirstScreen() {
        Recording first = new Recording(events);
        Recording second = new Recording(new ArrayList<>());
        EarlyScreen.open(first, false);
        EarlyScreen.open(second, false);
        assertTrue(second.events.isEmpty(), "the second terminal is not touched");
        assertSame(first, ((TerminalScreen) EarlyScreen.take()).getTerminal());
    }

    @Test
    void putsTheTerminalBackBeforeTheFirstByteOfOtherOutput() {
        Recording vt = new Recording(events);
        EarlyScreen.open(vt, false);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        OutputStream console = new OutputStream() {
            @Override
            public void write(int b) {
                events.add("output");
                bytes.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                events.add("output");
                bytes.write(b, off, len);
            }
        };
        PrintWriter err = new PrintWriter(EarlyScreen.before(console), true);
        err.println("r58ctl: config.yml:3: cameras: expected a map");
        assertEquals(List.of("enter", "exit", "output"), events.subList(0, 3));
        assertEquals("r58ctl: config.yml:3: cameras: expected a map\n", bytes.toString(StandardCharsets.UTF_8));
        assertTrue(vt.row(0).isBlank(), "the normal screen is back: " + vt.row(0));
        assertNull(EarlyScreen.take(), "nothing left for a dashboard");
        err.println("a second line");
        assertEquals(1, events.stream().filter("exit"::equals).count(), "put back once");
    }

    @Test
    void aTerminalThatCannotBeOpenedLeavesNoScreenBehind() {
        Recording vt = new Recording(events);
        vt.failOnEnter = true;
        EarlyScreen.open(vt, false);
        assertNull(EarlyScreen.take(), "the dashboard opens its own terminal and reports the failure");
    }

    @Test
    void withoutATerminalNothingIsOpened() {
        // the tests run without a console, as a command in a pipe or under systemd does
        EarlyScreen.open(false);
        assertNull(EarlyScreen.take());
    }
}
