package dev.r58ctl.agent;

import dev.r58ctl.guard.GuardUnit;
import dev.r58ctl.host.UnitInstall;
import java.nio.file.Path;
import java.util.List;

/**
 * The systemd unit that runs {@code r58ctl agent} from early in boot: after the local file systems, before
 * multi-user.target and the recorder's service (so its kernel watch and sampler are there before the recorder
 * starts), no network needed. The package ships one for the default recorder unit, installed but not enabled;
 * {@code r58ctl agent install} writes this one to /etc/systemd/system, enables it and starts it, as
 * {@code guard install} does for the guard.
 */
public final class AgentUnit {
    public static final String NAME = "r58ctl-agent.service";

    private final String recorderUnit;
    private final Path stateDir;

    /**
     * @param recorderService recorder.service: the recorder's unit, with or without {@code .service}
     * @param stateDir        the state directory to pass (--state-dir), or null for the configuration's
     */
    public AgentUnit(String recorderService, Path stateDir) {
        this.recorderUnit = recorderService.contains(".") ? recorderService : recorderService + ".service";
        this.stateDir = stateDir == null ? null : stateDir.toAbsolutePath().normalize();
    }

    public String text() {
        return "[Unit]\n"
                + "Description=r58ctl agent: the always-on engine (one sampler and one kernel watch for every front end)\n"
                + "Documentation=man:r58ctl(1)\n"
                + "After=local-fs.target\n"
                + "Before=multi-user.target " + recorderUnit + "\n"
                + "\n"
                + "[Service]\n"
                + "Type=simple\n"
                + "ExecStart=/usr/bin/r58ctl agent" + (stateDir == null ? "" : " --state-dir "
                + GuardUnit.argument(stateDir.toString())) + "\n"
                + "# 143, 130, 129: stopped by SIGTERM, SIGINT, SIGHUP (pipelines got EOS); 2: a configuration error,\n"
                + "# which restarting does not mend\n"
                + "SuccessExitStatus=143 130 129\n"
                + "RestartPreventExitStatus=2\n"
                + "Restart=on-failure\n"
                + "RestartSec=2\n"
                + "# pipelines get EOS on stop within r58ctl's own 5 s bound\n"
                + "TimeoutStopSec=20\n"
                + "Nice=5\n"
                + "CPUAccounting=yes\n"
                + "MemoryAccounting=yes\n"
                + "# the engine alone stays near 64 MB; cameras a dashboard starts through the agent run in it too\n"
                + "MemoryHigh=96M\n"
                + "MemoryMax=192M\n"
                + "RuntimeDirectory=r58ctl\n"
                + "RuntimeDirectoryMode=0700\n"
                + "\n"
                + "[Install]\n"
                + "WantedBy=multi-user.target\n";
    }

    /** Writes the unit to {@code unitDir}, enables and starts it; returns the file. */
    public Path install(Path unitDir, String systemctl, Path systemdRunning) {
        return new UnitInstall(NAME, unitDir, systemctl, systemdRunning, "r58ctl agent install")
                .install(text(), List.of("enable", "start"));
    }
}
