package dev.r58ctl.checklist;

import dev.r58ctl.config.Config;
import dev.r58ctl.config.EncoderSettings;
import dev.r58ctl.stability.MatrixReport;
import dev.r58ctl.stability.MatrixRow;
import dev.r58ctl.stability.MatrixStatus;
import dev.r58ctl.stability.StabilityMatrix;

/**
 * Where the decision tree stands: the stability matrix row of the target encoder with its settings decides it.
 * STABLE takes the stable branch, UNSTABLE the unstable one; anything else leaves the tests open.
 *
 * @param branch tests, stable or unstable
 * @param status the matrix row's status
 * @param key    the matrix key of the target encoder with its settings
 * @param why    the row's reason, in one line
 */
public record Decision(String branch, MatrixStatus status, String key, String why) {
    public static final String TESTS = "tests";
    public static final String STABLE = "stable";
    public static final String UNSTABLE = "unstable";

    /** The matrix key of the checklist's target encoder with its {@code encoders:} settings. */
    public static String targetKey(Config config) {
        String target = config.checklist().targetEncoder();
        return EncoderSettings.key(target, config.encoderSettings(target));
    }

    public static Decision of(Config config) {
        return of(config, new StabilityMatrix(config).build());
    }

    static Decision of(Config config, MatrixReport report) {
        String key = targetKey(config);
        MatrixRow row = report.row(key);
        if (row == null) {
            return new Decision(TESTS, MatrixStatus.UNTESTED, key, "no runs and no evidence for " + key);
        }
        String branch = switch (row.status()) {
            case STABLE -> STABLE;
            case UNSTABLE -> UNSTABLE;
            default -> TESTS;
        };
        return new Decision(branch, row.status(), key, row.why());
    }

    /** The gate's line for a step whose gate does not hold. */
    public String refusal(String stepId, String gate) {
        if (gate.equals(STABLE)) {
            return "gate \"stability tests pass\": " + stepId + " is refused while the stability matrix says "
                    + status + " for " + key + " (" + why + "); DO NOT PROCEED until the stability tests pass "
                    + "(--force overrides it, asks twice and is recorded)";
        }
        return "gate \"stability tests failed\": " + stepId + " is for an UNSTABLE target, and the matrix says "
                + status
                + " for " + key + " (--force overrides it and is recorded)";
    }

    /** Whether a step's gate holds. */
    public boolean holds(String gate) {
        return switch (gate) {
            case STABLE -> status == MatrixStatus.STABLE;
            case UNSTABLE -> status == MatrixStatus.UNSTABLE;
            default -> true;
        };
    }
}
