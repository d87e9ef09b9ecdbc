package dev.r58ctl.cli;

import dev.r58ctl.checklist.Snapshot;
import dev.r58ctl.checklist.StepRecord;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** The checklist on the terminal: the branch and why, progress, then each branch's steps with their evidence. */
final class ChecklistPrinter {
    private ChecklistPrinter() {
    }

    static void print(PrintWriter o, Snapshot s) {
        if (s.trial() != null && s.trial().startsWith("the guard rolled back")) {
            o.println(s.trial()); // first: the board is not where the walk left it
        }
        o.println("checklist: " + s.checklist() + (s.runId() == null ? ", not started" : ", walk " + s.runId()));
        o.println("branch:    " + s.decision().branch() + " (" + s.decision().key() + " is " + s.decision().status()
                + ": " + s.decision().why() + ")");
        Snapshot.Step next = s.next();
        o.println("progress:  " + s.done() + " of " + s.total() + " done; " + (next == null ? "complete"
                : "next " + next.id() + " (" + next.kind() + ")"));
        if (s.trial() != null && !s.trial().startsWith("the guard rolled back")) {
            o.println("trial:     " + s.trial());
        }
        String branch = null;
        for (Snapshot.Step st : s.steps()) {
            if (!st.branch().equals(branch)) {
                branch = st.branch();
                o.println();
                o.println(branch + ": " + s.branches().get(branch) + (onWay(s, branch) ? "" : "  (not on the way)"));
            }
            o.printf("  %-11s %-16s %s%s%n", st.state(), st.id(), st.title(), st.gate().equals("none") ? ""
                    : "  [gate: " + st.gate() + "]");
            evidence(st.record()).forEach(l -> o.println("              " + l));
        }
    }

    private static boolean onWay(Snapshot s, String branch) {
        return s.steps().stream().anyMatch(st -> st.branch().equals(branch) && st.onWay());
    }

    /** The evidence lines of a step that has any. */
    static List<String> evidence(StepRecord r) {
        List<String> out = new ArrayList<>();
        if (r.who() != null) {
            out.add("by " + r.who() + " at " + (r.endedAt() != null ? r.endedAt() : r.startedAt())
                    + (r.forced() ? ", FORCED past its gate" : "") + (r.pid() != null && r.endedAt() == null
                    ? ", pid " + r.pid() : ""));
        }
        List<String> facts = new ArrayList<>();
        if (r.runId() != null) {
            facts.add("run " + r.runId());
        }
        if (r.mark() != null) {
            facts.add("mark " + r.mark());
        }
        if (r.commit() != null) {
            facts.add("commit " + r.commit().substring(0, Math.min(7, r.commit().length())));
        }
        if (!facts.isEmpty()) {
            out.add(String.join(", ", facts));
        }
        if (r.health() != null) {
            out.add("health " + r.health());
        }
        if (r.note() != null) {
            out.add((r.state().equals(StepRecord.SKIPPED) ? "reason: " : "note: ") + r.note());
        }
        if (r.detail() != null) {
            out.add(r.detail());
        }
        return out;
    }
}
