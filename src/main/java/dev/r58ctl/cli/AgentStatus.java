package dev.r58ctl.cli;

import dev.r58ctl.config.Config;
import dev.r58ctl.monitor.ConfiguredCamera;
import dev.r58ctl.monitor.DiskFigures;
import dev.r58ctl.monitor.StatusReport;
import dev.r58ctl.remote.AgentSnapshot;

/**
 * The status report from r58ctl agent's last sample: CPU, processes, streams, disks, the kernel's incidents and the
 * previous boot as the agent has them; the configured cameras, the guard's notice and this process's log as read
 * here (cheap file reads). Nothing is measured again.
 */
final class AgentStatus {
    private AgentStatus() {
    }

    static StatusReport report(Config config, AgentSnapshot s) {
        DiskFigures disks = s.disks() != null ? s.disks() : DiskFigures.of(config);
        return new StatusReport(dev.r58ctl.guard.GuardNotice.thisBoot(config).orElse(null), s.system(), s.streams(),
                s.kernelSource(), s.incidents(), s.previousBoot(), config.cameraList().warningLine(),
                ConfiguredCamera.of(config), dev.r58ctl.Logging.writeFailures(), dev.r58ctl.Logging.lastFailure(), disks,
                StatusReport.AGENT);
    }
}
