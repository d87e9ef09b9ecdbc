package dev.r58ctl.repo;

import dev.r58ctl.host.HealthCheck;
import java.util.List;

/**
 * How a rollback ended.
 *
 * @param outcome {@code ok}, {@code unhealthy} (done, but the service did not become healthy), {@code nothing}
 *                (already there) or {@code closed} (an interrupted rollback that had changed nothing was closed)
 * @param steps   the steps run by this invocation, with what each did and how long it took
 * @param health  the last health answer, or null when there was no health step
 */
public record RollbackResult(RollbackPlan plan, String outcome, List<Step> steps, HealthCheck.Result health,
                             long totalMs) {

    /** One step as run. */
    public record Step(String name, String detail, long millis) {
    }

    public boolean ok() {
        return !outcome.equals("unhealthy");
    }
}
