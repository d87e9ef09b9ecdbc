package dev.r58ctl.monitor;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Free space where a directory is (or will be, for one not made yet), judged against {@link DiskLimits}. A figure
 * that cannot be read (a mount that does not resolve in a chroot or a container) is {@code unknown}, never a failure.
 *
 * @param path      the directory asked about
 * @param freeBytes usable bytes, or null when unknown
 * @param level     {@code ok}, {@code low} (below the warning level), {@code below-minimum} or {@code unknown}
 * @param detail    one line for the operator
 */
public record DiskSpace(String path, @JsonProperty("free_bytes") Long freeBytes, String level, String detail) {

    public static DiskSpace of(Path dir, DiskLimits limits) {
        Path existing = dir.toAbsolutePath();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return new DiskSpace(dir.toString(), null, "unknown", "no part of " + dir + " exists");
        }
        long free;
        try {
            free = Files.getFileStore(existing).getUsableSpace();
        } catch (IOException | RuntimeException e) {
            return new DiskSpace(dir.toString(), null, "unknown", "cannot read free space: " + e.getMessage());
        }
        String text = gib(free) + " free";
        if (free < limits.minBytes()) {
            return new DiskSpace(dir.toString(), free, "below-minimum", text + ", below " + limits.minText());
        }
        if (free < limits.warningBytes()) {
            return new DiskSpace(dir.toString(), free, "low", text + ", below " + limits.warningText());
        }
        return new DiskSpace(dir.toString(), free, "ok", text);
    }

    static String gib(long bytes) {
        return bytes >= (1L << 30) ? String.format("%.1f GiB", bytes / (double) (1L << 30)) : (bytes >> 20) + " MiB";
    }
}
