package dev.r58ctl.guard;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The systemd unit that runs {@code r58ctl guard boot} once at boot, before the recorder's service starts. It passes
 * the state directory in effect at install time, so the guard finds its trial record even when the configuration
 * cannot be read at boot. Install refuses with one line, writing nothing, where systemd is not running; it enables
 * the unit with {@code systemctl} through an argument list, never a shell.
 */
public final class GuardUnit {
    public static final String NAME = "r58ctl-guard.service";
    public static final Path UNIT_DIR = dev.r58ctl.host.UnitInstall.UNIT_DIR;
    /** systemd's own test for "booted with systemd" (sd_booted). */
    public static final Path SYSTEMD_RUNNING = dev.r58ctl.host.UnitInstall.SYSTEMD_RUNNING;
    /** Characters a unit file's command line takes as they are; anything else is quoted. */
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9/._+@,:=-]+");

    private final String recorderUnit;
    private final Path stateDir;
    private final Path unitDir;
    private final String systemctl;
    private final Path systemdRunning;

    /**
     * @param recorderService recorder.service: the recorder's unit, with or without {@code .service}
     * @param stateDir        the state directory the guard is to use (passed as --state-dir)
     * @param unitDir         where the unit file is written
     * @param systemctl       the systemctl program
     * @param systemdRunning  the directory whose presence says systemd runs
     */
    public GuardUnit(String recorderService, Path stateDir, Path unitDir, String systemctl, Path systemdRunning) {
        this.recorderUnit = recorderService.contains(".") ? recorderService : recorderService + ".service";
        this.stateDir = stateDir.toAbsolutePath().normalize();
        this.unitDir = unitDir;
        this.systemctl = systemctl;
        this.systemdRunning = systemdRunning;
    }

    public GuardUnit(String recorderService, Path stateDir) {
        this(recorderService, stateDir, UNIT_DIR, "systemctl", SYSTEMD_RUNNING);
    }

    public Path file() {
        return unitDir.resolve(NAME);
    }

    public String text() {
        return "[Unit]\n"
                + "Description=r58ctl panic-safe trial guard (rolls an armed trial back after a kernel panic or Oops)\n"
                + "After=local-fs.target\n"
                + "Before=" + recorderUnit + "\n"
                + "\n"
                + "[Service]\n"
                + "Type=oneshot\n"
                + "ExecStart=/usr/bin/r58ctl guard boot --state-dir " + argument(stateDir.toString()) + "\n"
                + "TimeoutStartSec=300\n"
                + "\n"
                + "[Install]\n"
                + "WantedBy=multi-user.target\n";
    }

    /**
     * One argument of a unit's command line: as it is when plain, else double-quoted with systemd's C-style escapes,
     * and its specifier ({@code %}) and variable ({@code $}) characters doubled so systemd expands neither.
     */
    public static String argument(String value) {
        if (PLAIN.matcher(value).matches()) {
            return value;
        }
        StringBuilder b = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"', '\\' -> b.append('\\').append(c);
                case '%' -> b.append("%%");
                case '$' -> b.append("$$");
                case '\n' -> b.append("\\n");
                default -> b.append(c);
            }
        }
        return b.append('"').toString();
    }

    /** Writes the unit (atomically) and enables it; returns the unit file. */
    public Path install() {
        return new dev.r58ctl.host.UnitInstall(NAME, unitDir, systemctl, systemdRunning, "r58ctl guard install")
                .install(text(), List.of("enable"));
    }
}
