package dev.r58ctl.tui;

import com.googlecode.lanterna.graphics.TextGraphics;
import dev.r58ctl.checklist.Snapshot;
import dev.r58ctl.checklist.StepRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The guided migration at a glance: the branch the decision tree took, the progress and the next step on one line
 * (80x24), and from {@link #LIST_FROM_ROWS} rows the steps around the current one with their evidence.
 */
final class ChecklistPane {
    static final int LIST_FROM_ROWS = 40;
    private static final int LISTED = 5;

    private final Theme theme;

    ChecklistPane(Theme theme) {
        this.theme = theme;
    }

    /** Draws from {@code row}; returns the next free row. */
    int draw(TextGraphics g, int cols, int rows, int row, DashboardState s) {
        Snapshot c = s.checklist;
        if (c == null) {
            theme.normal(g);
            g.putString(0, row++, Renderer.fit(" checklist " + (s.checklistProblem == null ? "reading..."
                    : s.checklistProblem), cols));
            return row;
        }
        Snapshot.Step next = c.next();
        String head = " checklist " + branch(c) + " " + c.done() + "/" + c.total() + "  " + (next == null
                ? "complete" : "next " + next.id() + " (" + next.kind() + "): " + next.title() + "  n does it");
        if (rows < LIST_FROM_ROWS) {
            style(g, next == null ? "done" : next.state());
            g.putString(0, row++, Renderer.fit(head, cols));
            theme.normal(g);
            return row;
        }
        theme.header(g);
        g.putString(0, row++, Renderer.pad(Renderer.fit(" CHECKLIST " + branch(c) + " " + c.done() + "/" + c.total()
                + "  " + c.decision().key() + " " + c.decision().status() + (c.trial() == null ? "" : "  | " + c.trial()),
                cols), cols));
        for (Snapshot.Step step : window(c)) {
            style(g, step.state());
            StepRecord r = step.record();
            String evidence = r == null ? "" : String.join("  ", nonNull(r.detail(), r.runId(), r.commit(), r.note(),
                    r.forced() ? "FORCED" : null, r.who()));
            String mark = step == next ? ">" : " ";
            g.putString(0, row++, Renderer.pad(Renderer.fit(String.format("%s %-11s %-15s %-44s %s", mark,
                    step.state().toUpperCase(Locale.ROOT), step.id(), step.title(), evidence), cols), cols));
        }
        theme.normal(g);
        return row;
    }

    /** The steps on the way, {@link #LISTED} of them around the current one. */
    private static List<Snapshot.Step> window(Snapshot c) {
        List<Snapshot.Step> way = new ArrayList<>();
        int at = -1;
        for (Snapshot.Step step : c.steps()) {
            if (step.onWay()) {
                if (step == c.next()) {
                    at = way.size();
                }
                way.add(step);
            }
        }
        if (at < 0) {
            at = way.size() - 1;
        }
        int from = Math.max(0, Math.min(at - 1, way.size() - LISTED));
        return way.subList(from, Math.min(way.size(), from + LISTED));
    }

    private static String branch(Snapshot c) {
        return switch (c.decision().branch()) {
            case "stable" -> "STABLE branch";
            case "unstable" -> "UNSTABLE branch";
            default -> "tests";
        };
    }

    private void style(TextGraphics g, String state) {
        switch (state) {
            case StepRecord.DONE -> theme.ok(g);
            case StepRecord.FAILED, StepRecord.INTERRUPTED -> theme.bad(g);
            case StepRecord.RUNNING -> theme.warn(g);
            default -> theme.normal(g);
        }
    }

    private static List<String> nonNull(String... values) {
        List<String> out = new ArrayList<>();
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                out.add(v);
            }
        }
        return out;
    }
}
