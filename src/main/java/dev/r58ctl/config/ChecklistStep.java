package dev.r58ctl.config;

/**
 * One step of the guided migration's checklist, as its file states it.
 *
 * @param id        a short name, unique in the checklist (what {@code checklist done STEP} takes)
 * @param title     what the H.265 migration plan's checklist says
 * @param kind      action (r58ctl does it), check (r58ctl verifies it from evidence it holds) or manual (the operator
 *                  confirms with a note)
 * @param gate      none, stable (the matrix must say STABLE for the target) or unstable
 * @param branch    tests, stable or unstable: the part of the decision tree it belongs to
 * @param operation what r58ctl does for it (a name the code knows), or null for a manual step with nothing to show
 * @param where     file:line it came from
 */
public record ChecklistStep(String id, String title, String kind, String gate, String branch, String operation,
                            String where) {
    public static final String ACTION = "action";
    public static final String CHECK = "check";
    public static final String MANUAL = "manual";

    public boolean manual() {
        return kind.equals(MANUAL);
    }
}
