package dev.r58ctl.host;

import dev.r58ctl.R58Exception;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Writes a systemd unit of r58ctl's (the boot guard's, the agent's) and runs {@code systemctl} on it through argument
 * lists, never a shell: {@code daemon-reload}, then each of {@code actions} ({@code enable NAME}, {@code start NAME}).
 * Where systemd is not running it refuses in one line and writes nothing; a failing systemctl is one line, exit 1.
 *
 * @param name           the unit's name, e.g. {@code r58ctl-agent.service}
 * @param unitDir        where the unit file is written
 * @param systemctl      the systemctl program
 * @param systemdRunning the directory whose presence says systemd runs (sd_booted)
 * @param command        the r58ctl command that installs it, for the refusal ({@code r58ctl guard install})
 */
public record UnitInstall(String name, Path unitDir, String systemctl, Path systemdRunning, String command) {
    public static final Path UNIT_DIR = Path.of("/etc/systemd/system");
    /** systemd's own test for "booted with systemd" (sd_booted). */
    public static final Path SYSTEMD_RUNNING = Path.of("/run/systemd/system");

    public Path file() {
        return unitDir.resolve(name);
    }

    /** Writes {@code text} atomically, reloads systemd, and runs {@code systemctl ACTION NAME} for each action. */
    public Path install(String text, List<String> actions) {
        if (!Files.isDirectory(systemdRunning)) {
            throw R58Exception.failed("systemd is not running here (no " + systemdRunning + "): " + name
                    + " not installed; `" + command + " --print` shows it");
        }
        Path f = file();
        try {
            dev.r58ctl.AtomicFile.write(f, text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw dev.r58ctl.DiskFull.failed(f, e, "cannot write");
        }
        run(List.of(systemctl, "daemon-reload"));
        for (String action : actions) {
            List<String> argv = new ArrayList<>(List.of(systemctl, action, name));
            run(argv);
        }
        return f;
    }

    private static void run(List<String> argv) {
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
