package dev.r58ctl.tui;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.graphics.TextGraphics;
import java.util.List;

/** A box over the dashboard: a title, lines (the newest kept when there are too many), and what the keys do. */
final class Dialog {
    private Dialog() {
    }

    /** How many characters of a line a dialog on this terminal shows. */
    static int textWidth(TerminalSize size) {
        return width(size) - 2;
    }

    private static int width(TerminalSize size) {
        return Math.min(size.getColumns() - 4, 100);
    }

    /** {@code text} broken at spaces into lines of at most {@code width} characters (a longer word is cut later). */
    static List<String> wrap(String text, int width) {
        List<String> out = new java.util.ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                out.add(line.toString());
                line.setLength(0);
            }
            line.append(line.length() > 0 ? " " : "").append(word);
        }
        out.add(line.toString());
        return out;
    }

    static void draw(TextGraphics g, Theme theme, TerminalSize size, String title, List<String> lines, String keys) {
        int w = width(size);
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
