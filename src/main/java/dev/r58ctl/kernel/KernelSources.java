package dev.r58ctl.kernel;

import dev.r58ctl.R58Exception;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Opens the configured kernel log source: {@code kmsg}, {@code journalctl}, {@code dmesg}, {@code file:PATH},
 * or {@code auto}, which takes the first of kmsg, journalctl and dmesg that works and says why the others did not.
 */
public final class KernelSources {
    private final Path bootIdFile;

    public KernelSources(Path bootIdFile) {
        this.bootIdFile = bootIdFile;
    }

    /** This boot's id, or "unknown-boot" when the file cannot be read. */
    public String bootId() {
        try {
            return Files.readString(bootIdFile).trim();
        } catch (IOException e) {
            return "unknown-boot";
        }
    }

    public KernelSource open(String setting, boolean follow) {
        if (setting.startsWith("file:")) {
            try {
                return new FileSource(Path.of(setting.substring(5)), follow);
            } catch (IOException e) {
                throw R58Exception.badInput("kernel_log.source " + setting + ": " + e.getMessage());
            }
        }
        List<String> tried = new ArrayList<>();
        List<String> order = setting.equals("auto") ? List.of("kmsg", "journalctl", "dmesg") : List.of(setting);
        for (String kind : order) {
            try {
                return switch (kind) {
                    case "kmsg" -> KmsgSource.open(follow, bootId());
                    case "journalctl" -> {
                        requireWorks(List.of("journalctl", "-k", "-b", "0", "-n", "1", "--no-pager", "-q"), "journalctl");
                        yield ProcessSource.journal(follow, bootId());
                    }
                    case "dmesg" -> {
                        requireWorks(List.of("dmesg", "--nopager"), "dmesg");
                        yield ProcessSource.dmesg(follow, bootId());
                    }
                    default -> throw R58Exception.badInput("kernel_log.source: unknown source " + kind);
                };
            } catch (IOException e) {
                tried.add(kind + ": " + e.getMessage());
            }
        }
        throw R58Exception.failed("no kernel log readable (" + String.join("; ", tried) + ")");
    }

    /** Runs a command once; an IOException unless it exits 0 with some output within 3 s. */
    private static void requireWorks(List<String> command, String what) throws IOException {
        Process p;
        try {
            p = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IOException("not installed");
        }
        try {
            byte[] out = p.getInputStream().readNBytes(4096);
            if (!p.waitFor(3, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("did not answer within 3 s");
            }
            String text = new String(out).trim();
            if (p.exitValue() != 0 || text.isEmpty() || text.startsWith("-- No entries")) {
                throw new IOException(text.isEmpty() ? "no output" : text.lines().findFirst().orElse(text));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(what + " interrupted");
        } finally {
            p.destroy();
        }
    }
}
