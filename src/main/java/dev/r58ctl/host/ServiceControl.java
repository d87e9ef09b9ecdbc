package dev.r58ctl.host;

import dev.r58ctl.config.Config;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Starts, stops and reports the recorder service, whoever manages it. Every method either does what it says
 * or throws {@link dev.r58ctl.R58Exception} with one line saying why; none of them asks a question.
 */
public interface ServiceControl {
    /** The unit or process name, as the operator knows it. */
    String name();

    ServiceState status();

    /** Starts the service; does nothing when it already runs. */
    void start();

    /** Stops the service; does nothing when it is not running. */
    void stop();

    default void restart() {
        stop();
        start();
    }

    /** The manager the configuration names: systemd's unit, or our own process with its files under the state dir. */
    static ServiceControl of(Config config) {
        Config.RecorderSettings r = config.recorder();
        if (r.serviceManager().equals("process")) {
            Path workDir = Files.isDirectory(r.repo()) ? r.repo() : config.stateDir();
            return new ProcessService(r.service(), r.serviceCommand(), workDir, config.stateDir().resolve("service"));
        }
        return new SystemdService(r.service());
    }
}
