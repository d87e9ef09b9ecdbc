package dev.r58ctl.testsupport;

import com.googlecode.lanterna.terminal.virtual.VirtualTerminal;

/** What a virtual terminal shows, as text: one line a row. */
public final class Screens {
    private Screens() {
    }

    public static String text(VirtualTerminal vt) {
        StringBuilder b = new StringBuilder();
        for (int r = 0; r < vt.getTerminalSize().getRows(); r++) {
            for (int c = 0; c < vt.getTerminalSize().getColumns(); c++) {
                b.append(vt.getCharacter(c, r).getCharacterString());
            }
            b.append('\n');
        }
        return b.toString();
    }
}
