package dev.r58ctl.tui;

import com.googlecode.lanterna.graphics.TextGraphics;
import dev.r58ctl.engine.RecentTest;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The newest stability runs: one line of the last three on a small terminal, a table of up to five on a tall one
 * (the kernel pane keeps the rest).
 */
final class TestsPane {
    /** From this many rows the runs get a table of their own. */
    static final int TABLE_FROM_ROWS = 34;
    private static final int TABLE_RUNS = 5;

    private final Theme theme;

    TestsPane(Theme theme) {
        this.theme = theme;
    }

    /** Draws from {@code row}; returns the next free row. */
    int draw(TextGraphics g, int cols, int rows, int row, DashboardState s) {
        List<RecentTest> runs = s.recentTests;
        List<String> paused = s.cameras.stream().filter(c -> "PAUSED".equals(c.state())).map(c -> c.id()).toList();
        if (!paused.isEmpty()) { // why the cameras stopped, for as long as they are
            theme.warn(g);
            g.putString(0, row++, Renderer.fit(" test running: " + String.join(" ", paused) + " PAUSED until it ends "
                    + "(their files finalised)", cols));
            if (rows < TABLE_FROM_ROWS) {
                theme.normal(g);
                return row;
            }
        }
        if (rows < TABLE_FROM_ROWS || runs.isEmpty()) {
            theme.normal(g);
            String text = s.matrix == null ? "reading..." : runs.isEmpty() ? "none yet (t tests the selected camera)"
                    : runs.stream().limit(3).map(r -> time(r) + " " + r.test() + " " + r.encoder() + " " + r.verdict())
                    .collect(Collectors.joining(" | "));
            g.putString(0, row++, Renderer.fit(" tests " + text, cols));
            return row;
        }
        theme.header(g);
        g.putString(0, row++, Renderer.pad(Renderer.fit(String.format(" %-16s %-6s %-11s %-11s %6s %6s  %s",
                "RECENT TESTS", "TEST", "ENCODER", "VERDICT", "FRAMES", "CPU/ST", "WHY"), cols), cols));
        for (RecentTest r : runs.subList(0, Math.min(TABLE_RUNS, runs.size()))) {
            if ("PASS".equals(r.verdict())) {
                theme.ok(g);
            } else if ("RUNNING".equals(r.verdict())) {
                theme.normal(g);
            } else {
                theme.bad(g);
            }
            g.putString(0, row++, Renderer.pad(Renderer.fit(String.format(" %-16s %-6s %-11s %-11s %6s %6s  %s",
                    day(r) + " " + time(r), r.test(), r.encoder(), r.verdict(), percent(r.framesPercent()),
                    percent(r.cpuPerStream()), r.reason() == null ? "" : r.reason()), cols), cols));
        }
        theme.normal(g);
        return row;
    }

    private static String percent(Double v) {
        return v == null ? "-" : String.format("%.0f%%", v);
    }

    /** HH:MM of the run's start in local time (the run store writes UTC instants). */
    private static String time(RecentTest r) {
        java.time.LocalDateTime t = local(r);
        return t == null ? "?" : String.format("%02d:%02d", t.getHour(), t.getMinute());
    }

    private static String day(RecentTest r) {
        java.time.LocalDateTime t = local(r);
        return t == null ? "" : String.format("%02d-%02d", t.getMonthValue(), t.getDayOfMonth());
    }

    private static java.time.LocalDateTime local(RecentTest r) {
        try {
            return java.time.LocalDateTime.ofInstant(java.time.Instant.parse(r.startedAt()),
                    java.time.ZoneId.systemDefault());
        } catch (RuntimeException e) {
            return null;
        }
    }
}
