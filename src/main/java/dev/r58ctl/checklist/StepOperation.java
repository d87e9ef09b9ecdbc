package dev.r58ctl.checklist;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The fixed vocabulary of what a checklist step can make r58ctl do; a checklist file names these and no others. */
public enum StepOperation {
    TEST_ENCODE("action", false), VERIFY_OUTPUT("check", false), KERNEL_CLEAN("check", false),
    TEST_SOAK("action", false), CPU_REPORT("check", false), TEST_PUSH("action", false),
    VERIFY_STREAM("manual", false), SYSTEM_STABLE("check", false),
    PATCH_APPLY("action", true), PATCH_COMMIT("action", true), TRIAL_ARM("action", false), DEPLOY("action", true),
    CAMERAS_FIRST("action", true), WATCH("action", false), CAMERAS_REST("action", true), MONITOR("action", false),
    FIX_LOG("action", false), KEEP_CONFIG("check", false), SHOW_CAPACITY("check", false);

    private final String kind;
    private final boolean changesBoard;

    StepOperation(String kind, boolean changesBoard) {
        this.kind = kind;
        this.changesBoard = changesBoard;
    }

    /** The name a checklist file uses, e.g. {@code test-encode}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** action, check or manual: the kind a step naming it must have. */
    public String kind() {
        return kind;
    }

    /** Whether it changes the recorder's checkout or service (asked for unless --yes). */
    public boolean changesBoard() {
        return changesBoard;
    }

    public static StepOperation of(String key) {
        return key == null ? null : valueOf(key.toUpperCase(Locale.ROOT).replace('-', '_'));
    }

    /** Each name with its kind, for the checklist file reader. */
    public static Map<String, String> vocabulary() {
        Map<String, String> out = new LinkedHashMap<>();
        for (StepOperation o : values()) {
            out.put(o.key(), o.kind);
        }
        return out;
    }
}
