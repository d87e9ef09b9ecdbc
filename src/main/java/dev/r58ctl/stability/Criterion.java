package dev.r58ctl.stability;

/**
 * One pass criterion of a test and what was found.
 *
 * @param name   what was checked, e.g. "frames", "codec", "kernel", "read back"
 * @param ok     whether it passed
 * @param detail what was found, in one line
 */
public record Criterion(String name, boolean ok, String detail) {
    static Criterion ok(String name, String detail) {
        return new Criterion(name, true, detail);
    }

    static Criterion failed(String name, String detail) {
        return new Criterion(name, false, detail);
    }
}
