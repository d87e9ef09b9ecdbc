package dev.r58ctl.guard;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * What one guard run decided and did, as {@code last.json} keeps it and {@code --json} prints it.
 *
 * @param action    {@code nothing} or {@code rolled-back}
 * @param summary   one line for the operator
 * @param reason    crash, boots or window; null when nothing was done
 * @param evidence  the lines that made the guard roll back
 * @param boot      the boot id of this run
 * @param underTest the commit under test, or null when no trial was armed
 * @param returnTo  the commit returned to, or null
 * @param outcome   the rollback's outcome (ok, unhealthy, nothing, closed), or null
 * @param health    the last health answer, or null
 * @param time      when (ISO-8601)
 * @param configProblem why the configuration could not be read (the guard then acted on its trial record alone),
 *                  or null
 */
public record GuardResult(String action, String summary, String reason, List<String> evidence, String boot,
                          String underTest, String returnTo, String outcome, String health, String time,
                          @JsonProperty("config_problem") String configProblem) {

    public GuardResult {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }

    /** A result with a readable configuration. */
    public GuardResult(String action, String summary, String reason, List<String> evidence, String boot,
                       String underTest, String returnTo, String outcome, String health, String time) {
        this(action, summary, reason, evidence, boot, underTest, returnTo, outcome, health, time, null);
    }

    static GuardResult nothing(String summary, String boot, String underTest, String configProblem) {
        return new GuardResult("nothing", summary, null, List.of(), boot, underTest, null, null, null,
                java.time.Instant.now().toString(), configProblem);
    }

    /** False only when a rollback this run started did not end healthy. */
    public boolean ok() {
        return !"unhealthy".equals(outcome);
    }
}
