package dev.r58ctl.tui;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.graphics.TextGraphics;
import java.util.List;

/** The full list of keys, shown over the dashboard by {@code ?}. Every action has a letter: F-keys fail in screen. */
final class Help {
    static final List<String> LINES = List.of(
            "Keys (any key closes this)",
            "",
            "Tab        switch focus: cameras / kernel log",
            "j k, Up Dn move the selection or scroll the kernel log",
            "g G ^d ^u  kernel log: top, newest (follow), half pages",
            "s x r      start, stop (EOS: file finalised), restart it",
            "e          choose its encoder (same codec); the matrix",
            "           status is beside each, UNSTABLE asks again",
            "t          stability test (encode) of its encoder, live",
            "/          filter the kernel log (text, or a severity:",
            "           critical, error, warning); Esc clears",
            "c          clear the incident banner",
            "[ ] { } L  look back 10 s, 1 min (recorded history); L live",
            "b          roll back to the newest known-good mark: shows",
            "           the plan (from, to, backup, service), y does it",
            "u          undo the last rollback (asks the same way)",
            "p          patch: pick a file from <state_dir>/patches,",
            "           preview the diff (checked), y applies, c commits",
            "n          checklist: the next step of the migration (y does",
            "           it, F twice forces a gate; manual: type a note)",
            "i          demo: write the Oops of 2025-12-19 to the log",
            "q          quit (running pipelines get EOS first)");

    private Help() {
    }

    static void draw(TextGraphics g, Theme theme, TerminalSize size) {
        int w = 58;
        int h = LINES.size() + 2;
        int x = Math.max(0, (size.getColumns() - w) / 2);
        int y = Math.max(0, (size.getRows() - h) / 2);
        theme.title(g);
        g.putString(x, y, Renderer.pad("", w));
        for (int i = 0; i < LINES.size(); i++) {
            if (i == 0) {
                theme.title(g);
            } else {
                theme.normal(g);
            }
            g.putString(x, y + 1 + i, Renderer.pad("  " + LINES.get(i), w));
        }
        theme.title(g);
        g.putString(x, y + h - 1, Renderer.pad("", w));
    }
}
