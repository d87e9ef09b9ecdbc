package dev.r58ctl.pipeline;

/**
 * One preflight finding.
 *
 * @param camera camera id
 * @param check  what was checked, e.g. "element rtspclientsink"
 * @param status OK, WARN or FAIL
 * @param detail what was found, and what to do about a failure
 */
public record PreflightCheck(String camera, String check, Status status, String detail) {
    public enum Status { OK, WARN, FAIL }

    static PreflightCheck ok(String camera, String check, String detail) {
        return new PreflightCheck(camera, check, Status.OK, detail);
    }

    static PreflightCheck warn(String camera, String check, String detail) {
        return new PreflightCheck(camera, check, Status.WARN, detail);
    }

    static PreflightCheck fail(String camera, String check, String detail) {
        return new PreflightCheck(camera, check, Status.FAIL, detail);
    }
}
