package dev.r58ctl.monitor;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Finds the PID of a service or a named process: systemd's MainPID for a unit (argument list, never a shell
 * string), else the first process whose command name matches. Lookups are cached by the caller; this only
 * reads /proc when asked.
 */
public final class ProcessLocator {
    private final Path proc;

    public ProcessLocator() {
        this(Path.of("/proc"));
    }

    ProcessLocator(Path proc) {
        this.proc = proc;
    }

    /** systemd's MainPID of {@code unit}, or -1 when systemd is absent, the unit is stopped or unknown. */
    public int mainPid(String unit) {
        if (!Files.isDirectory(Path.of("/run/systemd/system"))) {
            return -1;
        }
        try {
            Process p = new ProcessBuilder("systemctl", "show", "-p", "MainPID", "--value", unit)
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes()).trim();
            if (!p.waitFor(2, TimeUnit.SECONDS) || p.exitValue() != 0) {
                return -1;
            }
            int pid = Integer.parseInt(out);
            return pid > 0 ? pid : -1;
        } catch (IOException | NumberFormatException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** The lowest PID whose /proc/PID/comm equals {@code name} (15 characters at most, as the kernel keeps it). */
    public int byName(String name) {
        String wanted = name.length() > 15 ? name.substring(0, 15) : name;
        int best = -1;
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(proc, p -> p.getFileName().toString().matches("\\d+"))) {
            for (Path d : dirs) {
                try {
                    if (Files.readString(d.resolve("comm")).trim().equals(wanted)) {
                        int pid = Integer.parseInt(d.getFileName().toString());
                        if (best < 0 || pid < best) {
                            best = pid;
                        }
                    }
                } catch (IOException gone) {
                    // the process ended while we looked
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return best;
    }
}
