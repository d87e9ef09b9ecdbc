package dev.r58ctl.tui;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.graphics.TextGraphics;
import dev.r58ctl.checklist.Snapshot;
import java.util.ArrayList;
import java.util.List;

/** The checklist's dialogs: what the next step will do and its gate, a manual step's note, a step in progress. */
final class ChecklistView {
    private ChecklistView() {
    }

    static void draw(TextGraphics g, Theme theme, TerminalSize size, DashboardState s) {
        Snapshot.Step step = step(s);
        switch (s.mode) {
            case CHECKLIST_CONFIRM -> confirm(g, theme, size, s, step);
            case CHECKLIST_NOTE -> {
                List<String> lines = new ArrayList<>();
                lines.add(step == null ? s.checklistStep : step.title());
                if (s.checklistInstructions != null) {
                    for (String l : s.checklistInstructions.split("\n")) {
                        lines.addAll(Dialog.wrap(l, Dialog.textWidth(size)));
                    }
                }
                lines.add("");
                lines.add("note: " + s.noteInput + "_");
                Dialog.draw(g, theme, size, "MANUAL STEP " + s.checklistStep + ": the operator confirms it", lines,
                        "type what you saw, Enter confirms (recorded with your name), Esc cancels");
            }
            default -> Dialog.draw(g, theme, size, "CHECKLIST STEP " + s.checklistStep,
                    s.checklistLines.isEmpty() ? List.of("starting...") : wrapped(s.checklistLines, size),
                    s.checklistFinished
                            ? "finished; any key closes" : s.demo ? "working... i writes the Oops; any other key "
                            + "hides this (n shows it)" : "working... any key hides this, the step goes on (n)");
        }
    }

    private static void confirm(TextGraphics g, Theme theme, TerminalSize size, DashboardState s, Snapshot.Step step) {
        if (step == null) {
            return;
        }
        List<String> lines = new ArrayList<>();
        lines.add(step.title());
        lines.add(step.kind() + (step.operation() == null ? "" : ": " + step.operation()) + ("interrupted"
                .equals(step.state()) || "failed".equals(step.state()) ? "  (" + step.state() + " before: again)" : ""));
        lines.add(step.changesBoard() ? "changes the board: the recorder's checkout, service or cameras"
                : "reads and tests only; the kernel log is watched throughout");
        if ("watch".equals(step.operation()) || "monitor".equals(step.operation())) {
            lines.add("runs while this dashboard is open; quitting stops it (shown interrupted, n runs it again)");
        }
        boolean holds = s.checklist.decision().holds(step.gate());
        lines.add(holds ? "gate " + step.gate() + ": holds" : s.checklist.decision().refusal(step.id(), step.gate()));
        String keys = holds ? "y: do it    any other key: cancel"
                : s.forceAsked == 0 ? "F: force past the gate (asked twice, recorded)    any other key: cancel"
                : "F again: really force it (recorded as forced)    any other key: cancel";
        Dialog.draw(g, theme, size, "CHECKLIST: NEXT STEP " + step.id(), lines, keys);
    }

    /** Every line whole: a failed step's reason says what to do at its end. */
    private static List<String> wrapped(List<String> lines, TerminalSize size) {
        List<String> out = new ArrayList<>();
        for (String l : lines) {
            List<String> parts = Dialog.wrap(l, Dialog.textWidth(size) - 4);
            out.add(parts.get(0));
            parts.subList(1, parts.size()).forEach(p -> out.add("    " + p));
        }
        return out;
    }

    private static Snapshot.Step step(DashboardState s) {
        if (s.checklist == null) {
            return null;
        }
        return s.checklist.steps().stream().filter(x -> x.id().equals(s.checklistStep)).findFirst().orElse(null);
    }
}
