package dev.r58ctl.remote;

import dev.r58ctl.guard.GuardResult;
import dev.r58ctl.kernel.Incident;
import dev.r58ctl.kernel.PreviousBoot;
import java.util.ArrayList;
import java.util.List;

/** What the dashboard says when the board answers: back after how long, rebooted or not, what its previous boot left and what the boot guard did. */
final class BoardNotes {
    private BoardNotes() {
    }

    /**
     * The line for the dashboard, or null when there is nothing to say (a first connection to a board whose previous
     * boot did not crash and whose guard did nothing this boot).
     *
     * @param before    the previous connection's hello, or null
     * @param downSince when the board was last heard before this connection, 0 for the first one
     */
    static String describe(Wire.Hello h, Wire.Hello before, long downSince) {
        return describe("board", h, before, downSince);
    }

    /** @param what what answered again: "board", "r58ctl agent" */
    static String describe(String what, Wire.Hello h, Wire.Hello before, long downSince) {
        boolean back = downSince > 0;
        boolean rebooted = before != null && (h.bootId() == null || !h.bootId().equals(before.bootId()));
        PreviousBoot.Report prev = h.previousBoot();
        GuardResult g = h.guard();
        boolean guarded = g != null && h.bootId() != null && h.bootId().equals(g.boot());
        boolean crashed = prev != null && prev.crashed();
        List<String> parts = new ArrayList<>();
        if (back) {
            long seconds = Math.max(0, (System.currentTimeMillis() - downSince) / 1000);
            parts.add(what + " back at " + BoardLink.hms(System.currentTimeMillis()) + " after " + seconds + " s"
                    + (rebooted ? ", it rebooted" : ", same boot"));
        } else if (!crashed && !guarded) {
            return null;
        }
        if (guarded) {
            parts.add("guard: " + g.summary() + (g.ok() ? "" : " (NOT HEALTHY)"));
        } else if (rebooted) {
            parts.add("guard: nothing this boot");
        }
        if (prev != null && (rebooted || crashed || !back)) {
            parts.add(previous(prev)); // last: the incident's title is long, and the line may be cut there
        }
        return String.join(" | ", parts);
    }

    private static String previous(PreviousBoot.Report p) {
        if (!p.available()) {
            return "previous boot: " + p.note();
        }
        String s = "previous boot " + (p.crashed() ? "ENDED IN A CRASH" : "no crash") + ", " + p.incidents().size()
                + " incident(s)";
        Incident worst = null;
        for (Incident i : p.incidents()) {
            if (worst == null || i.severity().compareTo(worst.severity()) > 0) {
                worst = i;
            }
        }
        return worst == null ? s : s + ": " + worst.severity().letter() + " " + worst.title();
    }
}
