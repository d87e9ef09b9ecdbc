package dev.r58ctl.checklist;

import java.util.ArrayList;
import java.util.List;

/**
 * One walk through the checklist as kept in {@code current.json}: its id, when it began, which checklist and target,
 * and every step's record in checklist order.
 *
 * @param id        e.g. {@code 20261126-041500}; names the file in history after a reset
 * @param startedAt ISO-8601
 * @param checklist the checklist's source (a file, or the built-in one)
 * @param target    the matrix key of the target encoder with its settings
 * @param steps     each step's record
 */
public record RunState(String id, String startedAt, String checklist, String target, List<StepRecord> steps) {
    public RunState {
        steps = List.copyOf(steps);
    }

    public StepRecord step(String stepId) {
        return steps.stream().filter(s -> s.id().equals(stepId)).findFirst().orElse(StepRecord.pending(stepId));
    }

    /** A copy with {@code r} replacing the record of its step (or added, for a step the run did not know). */
    RunState with(StepRecord r) {
        List<StepRecord> out = new ArrayList<>();
        boolean found = false;
        for (StepRecord s : steps) {
            found |= s.id().equals(r.id());
            out.add(s.id().equals(r.id()) ? r : s);
        }
        if (!found) {
            out.add(r);
        }
        return new RunState(id, startedAt, checklist, target, out);
    }
}
