package dev.r58ctl.guard;

import dev.r58ctl.R58Exception;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * The systemd unit that runs {@code r58ctl guard boot} once at boot, before the recorder's service starts. It passes
 * the state directory in effect at install time, so the guard finds its trial record even when the configuration
 * cannot be read at boot. Install refuses with one line, writing nothing, where systemd is not running; it enables
 * the unit with {@code systemctl} through an argument list, never a shell.
 */
public final class GuardUnit {
    public static final String NAME = "r58ctl-guard.service";
    public static final Path UNIT_DIR = Path.of("/etc/systemd/system");
    /** systemd's own test for "booted with systemd" (sd_booted). */
    public static final Path SYSTEMD_RUNNING = Path.of("/run/systemd/system");
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
    static String argument(String value) {
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
        if (!Files.isDirectory(systemdRunning)) {
            throw R58Exception.failed("systemd is not running here (no " + systemdRunning + "): " + NAME
                    + " not installed; `r58ctl guard install --print` shows it");
        }
        Path f = file();
        try {
            dev.r58ctl.AtomicFile.write(f, text().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw dev.r58ctl.DiskFull.failed(f, e, "cannot write");
        }
        systemctl(List.of(systemctl, "daemon-reload"));
        systemctl(List.of(systemctl, "enable", NAME));
        return f;
    }

    private static void systemctl(List<String> argv) {
        try {
            Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw R58Exception.failed(String.join(" ", argv) + ": no answer in 60 s");
            }
            if (p.exitValue() != 0) {
                throw R58Exception.failed(String.join(" ", argv) + " failed (exit " + p.exitValue() + "): "
                        + out.lines().findFirst().orElse(""));
            }
        } catch (IOException e) {
            throw R58Exception.failed(argv.get(0) + " not found: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw R58Exception.failed(String.join(" ", argv) + ": interrupted");
        }
    }
}
