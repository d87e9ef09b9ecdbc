package dev.r58ctl.host;

import dev.r58ctl.R58Exception;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A systemd unit driven through {@code systemctl} with argument lists. Changes go through {@code sudo -n} when
 * r58ctl is not root, so a sudo that wants a password fails at once with one line instead of waiting for a
 * password nobody will type.
 */
public final class SystemdService implements ServiceControl {
    private static final Logger LOG = LoggerFactory.getLogger(SystemdService.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(120);

    private final String unit;
    private final String systemctl;
    private final String sudo;
    private final boolean root;

    public SystemdService(String unit) {
        this(unit, "systemctl", "sudo", isRoot());
    }

    /** Tests point {@code systemctl} and {@code sudo} at stand-ins and choose whether we are root. */
    SystemdService(String unit, String systemctl, String sudo, boolean root) {
        this.unit = unit;
        this.systemctl = systemctl;
        this.sudo = sudo;
        this.root = root;
    }

    @Override
    public String name() {
        return unit;
    }

    @Override
    public ServiceState status() {
        // is-active needs no privileges; its exit code is 0 only for "active", so read the word instead
        Exec.Result r = run(List.of(systemctl, "is-active", unit));
        String word = r.out().strip();
        if (word.isEmpty()) {
            throw R58Exception.failed("systemctl is-active " + unit + " failed (exit " + r.exit() + "): "
                    + r.firstErrorLine());
        }
        return new ServiceState(unit, word.equals("active"), word, "systemd unit " + unit + " is " + word);
    }

    @Override
    public void start() {
        change("start");
    }

    @Override
    public void stop() {
        change("stop");
    }

    @Override
    public void restart() {
        change("restart");
    }

    /** The argument list for a change: {@code sudo -n} in front unless we are root. */
    List<String> argv(String verb) {
        List<String> argv = new ArrayList<>();
        if (!root) {
            argv.add(sudo);
            argv.add("-n");
        }
        argv.add(systemctl);
        argv.add(verb);
        argv.add(unit);
        return argv;
    }

    private void change(String verb) {
        List<String> argv = argv(verb);
        Exec.Result r = run(argv);
        LOG.info("{}: exit {}", String.join(" ", argv), r.exit());
        if (r.exit() == 0) {
            return;
        }
        String err = r.firstErrorLine();
        if (!root && (err.contains("password is required") || err.contains("terminal is required")
                || err.contains("askpass"))) {
            throw R58Exception.failed("systemctl " + verb + " " + unit + " needs root and sudo wants a password: "
                    + "run r58ctl as root, or allow '" + systemctl + " start|stop|restart " + unit
                    + "' without a password in sudoers");
        }
        throw R58Exception.failed("systemctl " + verb + " " + unit + " failed (exit " + r.exit() + "): " + err);
    }

    private Exec.Result run(List<String> argv) {
        try {
            return Exec.run(argv, TIMEOUT);
        } catch (IOException e) {
            throw R58Exception.failed("cannot run " + argv.get(0) + ": " + e.getMessage()
                    + (argv.contains(systemctl) && !argv.get(0).equals(sudo)
                    ? " (no systemd here? set recorder.service_manager: process)" : ""));
        }
    }

    private static boolean isRoot() {
        try {
            return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }
}
