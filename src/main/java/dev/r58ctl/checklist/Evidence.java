package dev.r58ctl.checklist;

/**
 * What one step's operation found; null fields say nothing.
 *
 * @param ok     whether the step passed
 * @param runId  the stability run it produced or used
 * @param mark   the kernel-log mark it watched from
 * @param commit the recorder commit it made or ran on
 * @param health the health answer
 * @param detail what was found, in one line
 */
public record Evidence(boolean ok, String runId, String mark, String commit, String health, String detail) {
    static Evidence ok(String detail) {
        return new Evidence(true, null, null, null, null, detail);
    }

    static Evidence failed(String detail) {
        return new Evidence(false, null, null, null, null, detail);
    }

    Evidence withRun(String id, String kernelMark) {
        return new Evidence(ok, id, kernelMark, commit, health, detail);
    }

    Evidence withCommit(String c) {
        return new Evidence(ok, runId, mark, c, health, detail);
    }

    Evidence withHealth(String h) {
        return new Evidence(ok, runId, mark, commit, h, detail);
    }
}
