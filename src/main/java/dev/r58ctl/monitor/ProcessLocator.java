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

    /**
     * Each name to the lowest PID whose /proc/PID/comm equals it (15 characters at most, as the kernel keeps it), in
     * one pass over /proc (a status or a dashboard tick looks for the recorder and MediaMTX together); a name with no
     * process is absent.
     */
    public java.util.Map<String, Integer> byNames(java.util.Collection<String> names) {
        java.util.Map<String, String> byComm = new java.util.HashMap<>();
        for (String n : names) {
            byComm.put(n.length() > 15 ? n.substring(0, 15) : n, n);
        }
        java.util.Map<String, Integer> found = new java.util.HashMap<>();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(proc, ProcessLocator::isPid)) {
            for (Path d : dirs) {
                try {
                    String name = byComm.get(Files.readString(d.resolve("comm")).trim());
                    if (name != null) {
                        found.merge(name, Integer.parseInt(d.getFileName().toString()), Math::min);
                    }
                } catch (IOException gone) {
                    // the process ended while we looked
                }
            }
        } catch (IOException e) {
            return java.util.Map.of();
        }
        return found;
    }

    private static boolean isPid(Path p) {
        String s = p.getFileName().toString();
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return !s.isEmpty();
    }

    /** This process's PID, from /proc/self (ProcessHandle's first use costs a start-up several milliseconds). */
    public int self() {
        try {
            return Integer.parseInt(Files.readSymbolicLink(proc.resolve("self")).toString());
        } catch (IOException | RuntimeException e) {
            return (int) ProcessHandle.current().pid();
        }
    }
}
