package dev.r58ctl.host;

import dev.r58ctl.config.Config;
import java.nio.file.Path;
import java.util.List;

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
        return ServiceSpec.of(config).control();
    }

    /**
     * The same from plain values (a trial record, a rollback journal): {@code manager} is systemd or process; for
     * process, {@code command} is run in {@code workDir} with its log and pid file in {@code dir}.
     */
    static ServiceControl of(String name, String manager, List<String> command, Path workDir, Path dir) {
        return new ServiceSpec(name, manager, command, workDir, dir).control();
    }
}
