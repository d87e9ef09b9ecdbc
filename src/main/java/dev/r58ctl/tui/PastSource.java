package dev.r58ctl.tui;

import dev.r58ctl.engine.CameraView;
import dev.r58ctl.monitor.DiskFigures;
import dev.r58ctl.monitor.SystemSample;
import java.util.List;
import java.util.Optional;

/** Where the dashboard finds a past moment: the history the agent (or the demo) records on this board. */
public interface PastSource {
    /** The sample at or just before {@code millis}, or empty when none is near it. */
    Optional<Moment> at(long millis);

    /** Where the history is, for the line that says there is none. */
    String where();

    /**
     * One recorded moment, in the shapes the live dashboard draws.
     *
     * @param sampleMillis when the sample was taken
     * @param system       the board's figures then
     * @param cameras      the camera rows then
     * @param disks        free space then, or null when not recorded
     * @param cpuBefore    total CPU of the samples before it, oldest first, for the sparkline
     * @param health       the recorder's health word then (ok, NOT OK, unreachable), or null when not recorded
     */
    record Moment(long sampleMillis, SystemSample system, List<CameraView> cameras, DiskFigures disks,
                  List<Double> cpuBefore, String health) {
    }
}
