package dev.r58ctl.stability;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Average, 95th percentile and maximum of a CPU series; all zero with {@code samples} 0 when nothing was measured
 * (JSON has no NaN).
 *
 * @param average mean of the samples
 * @param p95     95th percentile (nearest rank)
 * @param max     the largest sample
 * @param samples how many samples
 */
public record CpuStats(double average, double p95, double max, int samples) {

    public static CpuStats of(List<Double> values) {
        List<Double> v = new ArrayList<>();
        for (Double d : values) {
            if (d != null && !d.isNaN()) {
                v.add(d);
            }
        }
        if (v.isEmpty()) {
            return new CpuStats(0, 0, 0, 0);
        }
        Collections.sort(v);
        double sum = 0;
        for (double d : v) {
            sum += d;
        }
        int rank = (int) Math.ceil(0.95 * v.size()); // nearest rank: the smallest value with 95% at or below it
        return new CpuStats(round(sum / v.size()), round(v.get(Math.max(0, rank - 1))), round(v.get(v.size() - 1)),
                v.size());
    }

    static double round(double d) {
        return Math.round(d * 10) / 10.0;
    }
}
