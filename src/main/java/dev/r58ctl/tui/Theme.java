package dev.r58ctl.tui;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.graphics.TextGraphics;
import dev.r58ctl.kernel.Severity;

/**
 * Colours of the dashboard, or none at all when {@code NO_COLOR} is set: then severity and state still read from
 * their letters and words, and emphasis is bold or reverse only. Only the 8 basic ANSI colours are used, which every
 * terminal and the Linux console have, on dark and light backgrounds alike.
 */
final class Theme {
    private final boolean color;

    Theme(boolean color) {
        this.color = color;
    }

    static Theme fromEnvironment() {
        String noColor = System.getenv("NO_COLOR");
        return new Theme(noColor == null || noColor.isEmpty());
    }

    boolean color() {
        return color;
    }

    void normal(TextGraphics g) {
        g.clearModifiers();
        g.setForegroundColor(TextColor.ANSI.DEFAULT);
        g.setBackgroundColor(TextColor.ANSI.DEFAULT);
    }

    void title(TextGraphics g) {
        normal(g);
        g.enableModifiers(SGR.REVERSE);
    }

    void header(TextGraphics g) {
        normal(g);
        g.enableModifiers(SGR.BOLD);
    }

    void selected(TextGraphics g) {
        normal(g);
        g.enableModifiers(SGR.REVERSE);
    }

    void dim(TextGraphics g) {
        normal(g);
        if (color) {
            g.setForegroundColor(TextColor.ANSI.BLUE);
        }
    }

    void ok(TextGraphics g) {
        normal(g);
        if (color) {
            g.setForegroundColor(TextColor.ANSI.GREEN);
        }
    }

    void warn(TextGraphics g) {
        normal(g);
        if (color) {
            g.setForegroundColor(TextColor.ANSI.YELLOW);
        } else {
            g.enableModifiers(SGR.BOLD);
        }
    }

    void bad(TextGraphics g) {
        normal(g);
        g.enableModifiers(SGR.BOLD);
        if (color) {
            g.setForegroundColor(TextColor.ANSI.RED);
        }
    }

    /** The incident banner: unmissable in colour and without. */
    void alarm(TextGraphics g) {
        normal(g);
        g.enableModifiers(SGR.BOLD, SGR.REVERSE);
        if (color) {
            g.setForegroundColor(TextColor.ANSI.RED);
        }
    }

    void severity(TextGraphics g, Severity s) {
        switch (s) {
            case CRITICAL, ERROR -> bad(g);
            case WARNING -> warn(g);
            default -> normal(g);
        }
    }
}
