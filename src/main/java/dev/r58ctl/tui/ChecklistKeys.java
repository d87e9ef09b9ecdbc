package dev.r58ctl.tui;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import dev.r58ctl.checklist.Snapshot;
import dev.r58ctl.engine.EngineEvent.Message;

/**
 * The checklist from the dashboard: {@code n} shows the next step and what it will do; {@code y} performs it (every
 * step asks: tests load the encoder, the rest changes the board); a gate that does not hold takes {@code F} twice,
 * recorded as forced; a manual step takes the operator's note.
 */
final class ChecklistKeys {
    private final Dashboard d;

    ChecklistKeys(Dashboard d) {
        this.d = d;
    }

    void open(DashboardState s) {
        Snapshot c = s.checklist;
        if (c == null) {
            s.message(Message.Level.WARNING, "checklist: " + (s.checklistProblem == null ? "still reading"
                    : s.checklistProblem));
            return;
        }
        Snapshot.Step next = c.next();
        if (next == null) {
            s.message(Message.Level.INFO, "checklist: complete (r58ctl checklist reset --yes starts a new walk)");
            return;
        }
        if ("running".equals(next.state()) && next.id().equals(s.checklistStep)) {
            s.mode = DashboardState.Mode.CHECKLIST_RUN; // back to the step this dashboard runs
            return;
        }
        s.checklistStep = next.id();
        s.forceAsked = 0;
        s.noteInput = "";
        s.mode = "manual".equals(next.kind()) ? DashboardState.Mode.CHECKLIST_NOTE
                : DashboardState.Mode.CHECKLIST_CONFIRM;
    }

    void handle(KeyStroke k, DashboardState s) {
        switch (s.mode) {
            case CHECKLIST_CONFIRM -> confirm(k, s);
            case CHECKLIST_NOTE -> note(k, s);
            default -> {
                s.mode = DashboardState.Mode.NORMAL;
                if (!s.checklistFinished) {
                    s.message(Message.Level.INFO, "checklist " + s.checklistStep + " goes on (n shows it again)");
                }
            }
        }
    }

    private void confirm(KeyStroke k, DashboardState s) {
        char c = k.getKeyType() == KeyType.Character ? k.getCharacter() : 0;
        Snapshot.Step step = s.checklist == null ? null : s.checklist.next();
        if (step == null || !step.id().equals(s.checklistStep)) {
            s.mode = DashboardState.Mode.NORMAL;
            s.message(Message.Level.WARNING, "checklist: the next step changed meanwhile; nothing done");
            return;
        }
        boolean holds = s.checklist.decision().holds(step.gate());
        if (holds && c == 'y') {
            perform(s, false);
        } else if (!holds && c == 'F') {
            if (++s.forceAsked == 2) {
                perform(s, true);
            }
        } else {
            s.mode = DashboardState.Mode.NORMAL;
            s.message(Message.Level.INFO, "cancelled: checklist step " + step.id() + " not performed");
        }
    }

    private void perform(DashboardState s, boolean force) {
        s.checklistLines.clear();
        s.checklistFinished = false;
        s.mode = DashboardState.Mode.CHECKLIST_RUN;
        d.engine().checklistNext(s.checklistStep, force);
    }

    private void note(KeyStroke k, DashboardState s) {
        KeyType t = k.getKeyType();
        if (t == KeyType.Escape) {
            s.mode = DashboardState.Mode.NORMAL;
            s.message(Message.Level.INFO, "cancelled: " + s.checklistStep + " not confirmed");
        } else if (t == KeyType.Enter) {
            if (s.noteInput.isBlank()) {
                s.message(Message.Level.WARNING, "a manual step needs a note: what was seen, by whom");
                return;
            }
            s.mode = DashboardState.Mode.NORMAL;
            d.engine().checklistDone(s.checklistStep, s.noteInput.strip());
        } else if (t == KeyType.Backspace && !s.noteInput.isEmpty()) {
            s.noteInput = s.noteInput.substring(0, s.noteInput.length() - 1);
        } else if (t == KeyType.Character && s.noteInput.length() < 200) {
            s.noteInput += k.getCharacter();
        }
    }
}
