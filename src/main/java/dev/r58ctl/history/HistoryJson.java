package dev.r58ctl.history;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;

/**
 * The history's own JSON mapper: snake_case keys, nulls left out (a sample is written every second), and unknown
 * keys ignored on reading, so that a record written by a newer r58ctl still reads.
 */
public final class HistoryJson {
    static final ObjectMapper MAPPER = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

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
