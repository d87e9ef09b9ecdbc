package dev.r58ctl.tui;

import dev.r58ctl.engine.EngineEvent.Message.Level;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * The dashboard's look back: {@code [} and {@code ]} step 10 s, <code>{</code> and <code>}</code> one minute,
 * {@code L} returns to live. While not live every pane shows the recorded moment, and actions are refused.
 */
final class LookBack {
    /** The keys that act on the board (start, stop, restart, encoder, test, rollback, undo, patch, checklist, Oops). */
    static final String ACTIONS = "sxretbupni";
    static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    private LookBack() {
    }

    /** Whether {@code c} is a look-back key. */
    static boolean isKey(char c) {
        return c == '[' || c == ']' || c == '{' || c == '}' || c == 'L';
    }

    /** Moves the shown moment by the key; {@code now} is the wall clock. */
    static void key(char c, DashboardState s, PastSource past, long now) {
        if (c == 'L') {
            if (s.historyAt != null) {
                live(s);
                s.message(Level.INFO, "live again");
            }
            return;
        }
        if (past == null) {
            s.message(Level.WARNING, "no history to look back on: the dashboard is attached to a remote board");
            return;
        }
        long step = c == '[' || c == ']' ? 10_000 : 60_000;
        long from = s.historyAt != null ? s.historyAt : now;
        long target = c == '[' || c == '{' ? from - step : from + step;
        if (target >= now) {
            live(s);
            s.message(Level.INFO, "live again");
            return;
        }
        Optional<PastSource.Moment> m = past.at(target);
        if (m.isEmpty()) {
            s.message(Level.WARNING, "nothing recorded at " + clock(target) + " in " + past.where()
                    + (s.historyAt == null ? " (r58ctl agent records the board's history)" : ""));
            return;
        }
        s.historyAt = target;
        s.past = m.get();
        s.kernelScroll = 0; // the kernel pane ends at the moment
        s.message(Level.INFO, "history: [ ] 10 s, { } 1 min, L live");
    }

    static void live(DashboardState s) {
        s.historyAt = null;
        s.past = null;
        s.kernelScroll = 0;
    }

    /** {@code HISTORY 03:12:40 (-12m)}: the moment and how long ago it was. */
    static String title(long at, long now) {
        long ago = Math.max(0, (now - at) / 1000);
        String rel = ago < 60 ? "-" + ago + "s" : ago < 3600 ? "-" + ago / 60 + "m"
                : "-" + ago / 3600 + "h" + (ago % 3600 / 60 == 0 ? "" : String.format("%02dm", ago % 3600 / 60));
        return "HISTORY " + clock(at) + " (" + rel + ")";
    }

    static String clock(long millis) {
        return LocalTime.ofInstant(Instant.ofEpochMilli(millis), ZoneId.systemDefault()).format(CLOCK);
    }

    /** The line for an action refused while not live. */
    static String refused(char c) {
        return "looking back: '" + c + "' acts on the board now; press L to return to live first";
    }
}
