package dev.r58ctl.tui;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.graphics.TextGraphics;
import java.util.List;

/** A box over the dashboard: a title, lines (the newest kept when there are too many), and what the keys do. */
final class Dialog {
    private Dialog() {
    }

    static void draw(TextGraphics g, Theme theme, TerminalSize size, String title, List<String> lines, String keys) {
        int w = Math.min(size.getColumns() - 4, 100);
        int maxLines = size.getRows() - 6;
        List<String> shown = lines.subList(Math.max(0, lines.size() - maxLines), lines.size());
        int h = shown.size() + 4;
        int x = (size.getColumns() - w) / 2;
        int y = Math.max(0, (size.getRows() - h) / 2);
        theme.alarm(g);
        g.putString(x, y, Renderer.pad(Renderer.fit(" " + title, w), w));
        theme.normal(g);
        g.putString(x, y + 1, Renderer.pad("", w));
        for (int i = 0; i < shown.size(); i++) {
            g.putString(x, y + 2 + i, Renderer.pad(Renderer.fit("  " + shown.get(i), w), w));
        }
        g.putString(x, y + 2 + shown.size(), Renderer.pad("", w));
        theme.title(g);
        g.putString(x, y + 3 + shown.size(), Renderer.pad(Renderer.fit(" " + keys, w), w));
    }
}
