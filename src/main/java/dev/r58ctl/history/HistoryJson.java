package dev.r58ctl.history;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The history's JSON: r58ctl's one mapper ({@link dev.r58ctl.Json}: snake_case keys, unknown keys ignored on reading,
 * so that a record written by a newer r58ctl still reads); its records leave nulls out (a sample a second).
 */
public final class HistoryJson {
    static final ObjectMapper MAPPER = dev.r58ctl.Json.mapper();

    private HistoryJson() {
    }

    /** The mapper, for front ends that print history records (the same keys as in the files). */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** {@code value} rounded to {@code step} (0.1, 0.01), or null for null or a figure that is not a number. */
    static Double round(Double value, double step) {
        if (value == null || value.isNaN() || value.isInfinite()) {
            return null;
        }
        double scale = 1 / step;
        return Math.round(value * scale) / scale;
    }

    static double round(double value, double step) {
        Double r = round(Double.valueOf(value), step);
        return r == null ? 0 : r;
    }
}
