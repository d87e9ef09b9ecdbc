package dev.r58ctl.guard;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * An armed trial as kept on disk; immutable, every change makes a new one.
 *
 * @param underTest    the commit under test (HEAD of recorder.repo when armed)
 * @param returnTo     the commit a rollback returns to
 * @param returnToName how the operator named it (a known-good mark's name, or the --rollback-to REF)
 * @param armedBoot    the boot id the trial was armed in
 * @param armedAt      when it was armed (ISO-8601)
 * @param windowSeconds how long it may stay armed without a commit
 * @param maxBoots     boots after arming without a commit before a rollback
 * @param boots        every boot id seen since arming, the armed boot first
 * @param rolling      the rollback the guard started and has not seen to its end, or null
 * @param setup        the checkout, service, health check and kernel log the guard acts on, kept in the same JSON
 *                     object (snake_case keys); all null in a record an older r58ctl wrote
 */
public record TrialState(String underTest, String returnTo, String returnToName, String armedBoot, String armedAt,
                         long windowSeconds, int maxBoots, List<String> boots, Rolling rolling,
                         @JsonUnwrapped TrialSetup setup) {

    public TrialState {
        boots = List.copyOf(boots);
        setup = setup == null ? TrialSetup.NONE : setup;
    }

    /**
     * Why the guard is rolling back, written before the rollback starts so that a guard killed half way knows.
     *
     * @param reason   crash, boots or window
     * @param summary  one line for the operator
     * @param evidence the kernel lines (or boot ids) that are the evidence
     * @param boot     the boot the guard decided in
     * @param time     when (ISO-8601)
     */
    public record Rolling(String reason, String summary, List<String> evidence, String boot, String time) {
    }

    /** Boots since arming, the armed boot not counted. */
    public int bootsSinceArming() {
        return Math.max(0, boots.size() - 1);
    }

    public String lastBoot() {
        return boots.isEmpty() ? armedBoot : boots.get(boots.size() - 1);
    }

    public Instant armedInstant() {
        return Instant.parse(armedAt);
    }

    public TrialState withBoot(String boot) {
        if (boots.contains(boot)) {
            return this;
        }
        List<String> b = new ArrayList<>(boots);
        b.add(boot);
        return new TrialState(underTest, returnTo, returnToName, armedBoot, armedAt, windowSeconds, maxBoots, b, rolling,
                setup);
    }

    public TrialState withRolling(Rolling r) {
        return new TrialState(underTest, returnTo, returnToName, armedBoot, armedAt, windowSeconds, maxBoots, boots, r,
                setup);
    }
}
