package dev.r58ctl.stability;

import java.util.Map;

/**
 * One second of a test: CPU of the whole machine, of the test pipeline and of the processes that matter, and the
 * frames encoded so far.
 *
 * @param second    seconds since the pipeline started
 * @param system    CPU of all cores together, 0-100
 * @param pipeline  CPU of the test pipeline's threads, in % of one core
 * @param processes CPU per watched process (recorder, mediamtx, r58ctl) in % of one core; absent when not running
 * @param frames    frames the encoder has produced so far
 * @param fps       encoded frames per second over this second
 */
public record CpuSample(double second, double system, double pipeline, Map<String, Double> processes, long frames,
                        double fps) {
}
