package dev.r58ctl.checklist;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A step's state and evidence as kept in {@code current.json}; immutable, every change makes a new one.
 *
 * @param id        the step's id
 * @param state     pending, running, done, failed or skipped ({@code interrupted} is how a running step whose process
 *                  is gone is shown; it is never written)
 * @param startedAt when it started (ISO-8601)
 * @param endedAt   when it ended
 * @param who       {@code $SUDO_USER}, else {@code $USER}
 * @param forced    whether its gate was passed with --force
 * @param pid       the r58ctl process running it
 * @param processStart that process's start time, to tell a reused pid apart
 * @param boot      the boot id it ran in
 * @param runId     the stability test run it produced or used
 * @param mark      the kernel-log mark it watched from
 * @param commit    the recorder commit it made or ran on
 * @param health    the health answer it got
 * @param note      the operator's note (manual steps) or reason (skipped steps)
 * @param detail    what was found, in one line (why it failed, for a failed step)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StepRecord(String id, String state, String startedAt, String endedAt, String who, boolean forced,
                         Long pid, String processStart, String boot, String runId, String mark, String commit,
                         String health, String note, String detail) {
    public static final String PENDING = "pending";
    public static final String RUNNING = "running";
    public static final String DONE = "done";
    public static final String FAILED = "failed";
    public static final String SKIPPED = "skipped";
    public static final String INTERRUPTED = "interrupted";

    static StepRecord pending(String id) {
        return new StepRecord(id, PENDING, null, null, null, false, null, null, null, null, null, null, null, null,
                null);
    }

    /** Whether nothing more is asked of it. */
    public boolean finished() {
        return state.equals(DONE) || state.equals(SKIPPED);
    }

    StepRecord withState(String s, String end) {
        return new StepRecord(id, s, startedAt, end, who, forced, pid, processStart, boot, runId, mark, commit, health,
                note, detail);
    }

    StepRecord withEvidence(Evidence e) {
        return new StepRecord(id, state, startedAt, endedAt, who, forced, pid, processStart, boot,
                e.runId() != null ? e.runId() : runId, e.mark() != null ? e.mark() : mark,
                e.commit() != null ? e.commit() : commit, e.health() != null ? e.health() : health, note,
                e.detail() != null ? e.detail() : detail);
    }

    StepRecord withNote(String n) {
        return new StepRecord(id, state, startedAt, endedAt, who, forced, pid, processStart, boot, runId, mark, commit,
                health, n, detail);
    }
}
