package dev.r58ctl.checklist;

import java.util.List;

/**
 * The checklist at one moment, for the command line and the dashboard's panel.
 *
 * @param runId     the walk's id, or null before the first step
 * @param checklist where the steps come from
 * @param decision  the branch of the decision tree and why
 * @param branches  the title of each branch
 * @param steps     every step with its state and evidence
 * @param current   index in {@code steps} of the next step, or -1 when the walk is complete
 * @param done      steps done or skipped, of those on the way
 * @param total     steps on the way (the tests and the branch taken)
 * @param trial     one line about the panic-safe trial when one is armed or the guard rolled back, else null
 */
public record Snapshot(String runId, String checklist, Decision decision, java.util.Map<String, String> branches,
                       List<Step> steps, int current, int done, int total, String trial) {
    public Snapshot {
        steps = List.copyOf(steps);
    }

    /** The next step, or null when the walk is complete. */
    public Step next() {
        return current < 0 ? null : steps.get(current);
    }

    /**
     * One step as shown.
     *
     * @param id        its id
     * @param title     the migration plan's words
     * @param kind      action, check or manual
     * @param branch    tests, stable or unstable
     * @param gate      none, stable or unstable
     * @param operation what r58ctl does, or null
     * @param state     pending, running, done, failed, skipped or interrupted
     * @param onWay     whether it is on the way through the decision tree as it stands
     * @param changesBoard whether performing it changes the recorder's checkout or service (ask first)
     * @param record    its evidence as kept
     */
    public record Step(String id, String title, String kind, String branch, String gate, String operation,
                       String state, boolean onWay, boolean changesBoard, StepRecord record) {
    }
}
