package dev.r58ctl.monitor;

import dev.r58ctl.config.Config;

/**
 * How much free space a recording disk needs: the recorder's own {@code recording.min_disk_space_gb} (below it the
 * recorder refuses to record) and {@code warning_disk_space_gb} when its file has them, else r58ctl's defaults.
 *
 * @param minBytes     below this a recording would fail soon: a failure
 * @param warningBytes below this: a warning
 * @param minText      where the minimum comes from, for the operator
 * @param warningText  where the warning level comes from
 */
public record DiskLimits(long minBytes, long warningBytes, String minText, String warningText) {
    /** Below this much free space a recording disk is a warning, unless the recorder's file says otherwise. */
    public static final long LOW_SPACE_BYTES = 1L << 30;
    /** Below this much it is a failure: a recording would stop within minutes at 18 Mbit/s. */
    public static final long MIN_SPACE_BYTES = 256L << 20;
    private static final double GIB = 1024.0 * 1024 * 1024;

    public static DiskLimits of(Config.RecordingSettings s) {
        long min = MIN_SPACE_BYTES;
        String minText = (min >> 20) + " MiB (r58ctl's minimum)";
        long warn = LOW_SPACE_BYTES;
        String warnText = (warn >> 20) + " MiB (r58ctl's warning level)";
        if (s != null && s.minDiskSpaceGb() != null) {
            min = (long) (s.minDiskSpaceGb() * GIB);
            minText = "the recorder's min_disk_space_gb " + gb(s.minDiskSpaceGb());
        }
        if (s != null && s.warningDiskSpaceGb() != null) {
            warn = (long) (s.warningDiskSpaceGb() * GIB);
            warnText = "the recorder's warning_disk_space_gb " + gb(s.warningDiskSpaceGb());
        }
        return new DiskLimits(min, warn, minText, warnText);
    }

    private static String gb(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
