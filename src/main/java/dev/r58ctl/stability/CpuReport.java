package dev.r58ctl.stability;

import java.util.Map;

/**
 * CPU over a whole test.
 *
 * @param cores        cores of the machine that ran it
 * @param system       all cores together, 0-100
 * @param pipeline     the test pipeline's threads, % of one core
 * @param perStream    the pipeline's average in % of all cores: what one camera stream costs, for capacity
 * @param processes    each watched process, % of one core
 */
public record CpuReport(int cores, CpuStats system, CpuStats pipeline, double perStream,
                        Map<String, CpuStats> processes) {
}
