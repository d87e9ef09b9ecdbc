package dev.r58ctl.host;

import dev.r58ctl.R58Exception;
import dev.r58ctl.config.Config;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * How to run the recorder's service, as plain values: what a trial record and a rollback journal keep so that the
 * boot guard and {@code rollback --finish} control the service they recorded even when no configuration can be
 * read. {@link #control()} refuses an unknown manager with one line, so a damaged record cannot start anything.
 *
 * @param name    the systemd unit or the process's name (recorder.service)
 * @param manager {@link #SYSTEMD} or {@link #PROCESS} (recorder.service_manager)
 * @param command the argument list the process manager starts; empty for systemd
 * @param workDir where the process runs (the checkout when it exists); null for systemd
 * @param dir     where the process manager keeps its log and pid file ({@code <state_dir>/service}); null for systemd
 */
public record ServiceSpec(String name, String manager, List<String> command, Path workDir, Path dir) {
    public static final String SYSTEMD = "systemd";
    public static final String PROCESS = "process";

    public ServiceSpec {
        command = command == null ? List.of() : List.copyOf(command);
    }

    /** The service as the configuration names it. */
    public static ServiceSpec of(Config config) {
        Config.RecorderSettings r = config.recorder();
        if (r.serviceManager().equals(PROCESS)) {
            Path workDir = Files.isDirectory(r.repo()) ? r.repo() : config.stateDir();
            return new ServiceSpec(r.service(), PROCESS, r.serviceCommand(), workDir, config.stateDir().resolve("service"));
        }
        return new ServiceSpec(r.service(), SYSTEMD, List.of(), null, null);
    }

    /** The control for this service: systemd's unit, or our own process with its files in {@code dir}. */
    public ServiceControl control() {
        if (PROCESS.equals(manager)) {
            if (workDir == null || dir == null) {
                throw R58Exception.failed("service " + name + ": the process manager needs its working directory "
                        + "and the directory for its files");
            }
            return new ProcessService(name, command, workDir, dir);
        }
        if (SYSTEMD.equals(manager)) {
            return new SystemdService(name);
        }
        throw R58Exception.failed("service " + name + ": unknown service manager " + manager
                + " (expected systemd or process)");
    }
}
