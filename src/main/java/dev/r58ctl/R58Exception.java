package dev.r58ctl;

/**
 * The one exception for "the operator's input or the board is wrong". It carries the exit code and a
 * single line that front ends print as is, without a stack trace.
 */
public class R58Exception extends RuntimeException {
    /** Exit code: the checked thing failed (a test, a health check, a patch that does not apply). */
    public static final int FAILED = 1;
    /** Exit code: bad input or usage. */
    public static final int BAD_INPUT = 2;

    private final int exitCode;

    public R58Exception(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public R58Exception(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public static R58Exception badInput(String message) {
        return new R58Exception(BAD_INPUT, message);
    }

    public static R58Exception failed(String message) {
        return new R58Exception(FAILED, message);
    }

    public int exitCode() {
        return exitCode;
    }
}
