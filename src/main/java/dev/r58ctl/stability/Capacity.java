package dev.r58ctl.stability;

/**
 * How many camera streams fit under the CPU ceiling, from the CPU one stream costs: the H.265 migration plan's
 * arithmetic, where 2 x 40% = 80% fits, 4 x 40% = 160% does not, and 4 x 10% = 40% does, all in % of all cores.
 *
 * @param perStream  CPU of one stream in % of all cores
 * @param source     where that figure comes from: a run id, or "evidence"
 * @param measuredAt the picture it was measured at (e.g. 1920x1080@30), or null for evidence
 * @param ceiling    % of all cores the streams may use together
 * @param cameras    the cameras configured
 * @param fits       how many streams fit
 * @param fitsAll    whether every configured camera fits
 * @param arithmetic the sum, in words: {@code 4 x 40% = 160% > 80%: does not fit (2 do)}
 */
public record Capacity(double perStream, String source, String measuredAt, int ceiling, int cameras, int fits,
                       boolean fitsAll, String arithmetic) {

    public static Capacity of(double perStream, String source, String measuredAt, int ceiling, int cameras) {
        // a stream too cheap to measure still costs something: never divide by zero
        double per = Math.max(perStream, 0.1);
        int fits = (int) Math.floor(ceiling / per + 1e-9);
        double total = cameras * perStream;
        boolean all = total <= ceiling + 1e-9;
        String arithmetic = cameras + " x " + pct(perStream) + " = " + pct(total) + (all ? " <= " : " > ")
                + pct(ceiling) + ": " + (all ? "fits (up to " + fits + ")" : "does not fit (" + fits + " do)");
        return new Capacity(perStream, source, measuredAt, ceiling, cameras, fits, all, arithmetic);
    }

    static String pct(double v) {
        return (v == Math.rint(v) ? Long.toString((long) v) : String.format("%.1f", v)) + "%";
    }
}
