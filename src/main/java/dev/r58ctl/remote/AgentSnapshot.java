package dev.r58ctl.remote;

import dev.r58ctl.engine.CameraView;
import dev.r58ctl.kernel.Incident;
import dev.r58ctl.kernel.PreviousBoot;
import dev.r58ctl.monitor.DiskFigures;
import dev.r58ctl.monitor.StreamSnapshot;
import dev.r58ctl.monitor.SystemSample;
import java.util.List;

/**
 * What a running engine last measured, for {@code r58ctl status} without measuring again: the answer to the
 * {@code snapshot} request. A part not measured yet (an engine that has just started) is null.
 *
 * @param sampledMillis when the system sample was taken (epoch milliseconds), 0 before the first
 * @param tickMillis    how often the engine samples
 * @param system        the last system sample
 * @param disks         the last free-space figures
 * @param streams       the last poll of the recorder and MediaMTX
 * @param cameras       the camera rows now
 * @param kernelSource  the kernel source read, or why none
 * @param incidents     kernel incidents this boot, oldest first
 * @param previousBoot  what the previous boot left
 */
public record AgentSnapshot(long sampledMillis, long tickMillis, SystemSample system, DiskFigures disks,
                            StreamSnapshot streams, List<CameraView> cameras, String kernelSource,
                            List<Incident> incidents, PreviousBoot.Report previousBoot) {
}
