package dev.r58ctl.guard;

import java.util.List;

/**
 * What one guard run decided and did, as {@code last.json} keeps it and {@code --json} prints it.
 *
 * @param action    {@code nothing} or {@code rolled-back}
 * @param summary   one line for the operator
 * @param reason    crash, boots or window; null when nothing was done
 * @param evidence  the lines that made the guard roll back
 * @param boot      the boot id of this run
 * @param underTest the commit that was under test, or null
 * @param returnTo  the commit returned to, or null
 * @param outcome   the rollback's outcome (ok, unhealthy, nothing, closed), or null
 * @param health    the last health answer, or null
 * @param time      when (ISO-8601)
 */
public record GuardResult(String action, String summary, String reason, List<String> evidence, String boot,
                          String underTest, String returnTo, String outcome, String health, String time) {

    public GuardResult {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }

    static GuardResult nothing(String summary, String boot) {
        return new GuardResult("nothing", summary, null, List.of(), boot, null, null, null, null,
                java.time.Instant.now().toString());
    }

    /** False only when a rollback this run started did not end healthy. */
    public boolean ok() {
        return !"unhealthy".equals(outcome);
    }
}
