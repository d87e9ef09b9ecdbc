package dev.r58ctl;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Room checked before a change that must not stop half-way (a rollback, a patch): each disk written to must have
 * what the change writes there plus a margin, or the change is refused before it starts, in one line naming the disk,
 * what is free and needed, and what to free. A full SD card can be the incident itself, so the line names the
 * recordings on that disk as what takes the space (r58ctl never deletes them). A free figure that cannot be read
 * (a chroot, a container) does not refuse: the writes' own errors still say {@link DiskFull}'s line.
 */
public final class FreeSpace {
    /** Above the estimate: metadata, directories, a log line or two. */
    public static final long MARGIN = 1 << 20;
    /** What one file costs at least on disk. */
    public static final long BLOCK = 4096;

    /** {@code bytes} written under {@code path}, described as {@code what} ("the rollback journal in DIR"). */
    public record Need(Path path, long bytes, String what) {
    }

    private FreeSpace() {
    }

    /** {@code bytes} rounded up to whole blocks: a 10-byte file takes a block. */
    public static long blocks(long bytes) {
        return (bytes + BLOCK - 1) / BLOCK * BLOCK;
    }

    /**
     * Refuses {@code doing} ("the rollback") with {@link R58Exception#FAILED} when a disk has less usable space than
     * its needs plus {@link #MARGIN} and 1%; changes nothing.
     *
     * @param recordings where the cameras record, to name as what takes the space; read only for a refusal, and a
     *                   supplier that fails names none
     */
    public static void require(String doing, List<Need> needs, Supplier<Collection<Path>> recordings) {
        Map<Object, List<Need>> byDisk = new LinkedHashMap<>();
        for (Need n : needs) {
            Object disk = disk(n.path());
            if (disk != null) {
                byDisk.computeIfAbsent(disk, k -> new ArrayList<>()).add(n);
            }
        }
        for (Map.Entry<Object, List<Need>> e : byDisk.entrySet()) {
            List<Need> on = e.getValue();
            long need = on.stream().mapToLong(Need::bytes).sum();
            need += MARGIN + need / 100;
            Path at = DiskFull.existing(on.get(0).path());
            long free = at.toFile().getUsableSpace(); // statvfs(2) on the path: no mount table needed
            if (free >= need || at.toFile().getTotalSpace() == 0) {
                continue; // enough, or a file system that does not say
            }
            throw R58Exception.failed("no space for " + doing + " on " + DiskFull.device(at) + ": " + size(free)
                    + " free, " + size(need) + " needed (" + String.join(" and ", on.stream().map(Need::what).distinct()
                    .toList()) + "); " + whatToFree(at, e.getKey(), recordings) + "; nothing was changed");
        }
    }

    /** "free space on /mnt/sdcard first: the recordings under /mnt/sdcard/recordings use 12.4 GiB (...)". */
    private static String whatToFree(Path at, Object disk, Supplier<Collection<Path>> recordings) {
        Path mount = DiskFull.mountPoint(at);
        String where = "free space on " + (mount == null ? DiskFull.device(at) : mount.toString()) + " first";
        List<String> found = new ArrayList<>();
        try {
            for (Path dir : recordings.get()) {
                if (Files.isDirectory(dir) && disk.equals(disk(dir))) {
                    found.add(dir.toAbsolutePath() + " use " + size(used(dir)));
                }
            }
        } catch (RuntimeException e) {
            return where; // the cameras cannot be read: the disk is named all the same
        }
        return found.isEmpty() ? where
                : where + ": the recordings under " + String.join(", ", found) + " (r58ctl never deletes recordings)";
    }

    /** The device a path is on, comparable between paths; null when it cannot be told. */
    private static Object disk(Path path) {
        try {
            Path at = DiskFull.existing(path);
            return at == null ? null : Files.getAttribute(at, "unix:dev");
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Bytes of the regular files under {@code dir}; what cannot be read counts nothing. */
    private static long used(Path dir) {
        try (Stream<Path> all = Files.walk(dir)) {
            return all.filter(Files::isRegularFile).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    return 0;
                }
            }).sum();
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** 512 bytes, 12 KiB, 1.5 MiB, 3.2 GiB. */
    public static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " bytes";
        }
        if (bytes < 1 << 20) {
            return (bytes >> 10) + " KiB";
        }
        return bytes < 1L << 30 ? String.format(Locale.ROOT, "%.1f MiB", bytes / (double) (1 << 20))
                : String.format(Locale.ROOT, "%.1f GiB", bytes / (double) (1L << 30));
    }
}
