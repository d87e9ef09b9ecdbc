package dev.r58ctl.monitor;

import dev.r58ctl.config.Config;
import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Free space where r58ctl keeps its state and where the cameras record, one figure per disk: the SD card filling up
 * is an everyday incident on a recorder. Recording disks are judged by the recorder's own levels
 * ({@code recording.min_disk_space_gb}, {@code warning_disk_space_gb}), the state disk by r58ctl's defaults. Never
 * throws: a figure that cannot be read is {@code unknown}.
 *
 * @param state      the state directory's disk
 * @param recordings each disk the cameras record to, once however many cameras share it
 */
public record DiskFigures(DiskSpace state, List<DiskSpace> recordings) {

    public static DiskFigures of(Config config) {
        DiskSpace state = DiskSpace.of(config.stateDir(), DiskLimits.of(null));
        DiskLimits limits = DiskLimits.of(recordingSettings(config));
        Map<Object, DiskSpace> byDisk = new LinkedHashMap<>();
        for (Path dir : config.recordingDirs()) {
            byDisk.putIfAbsent(diskOf(dir), DiskSpace.of(dir, limits));
        }
        return new DiskFigures(state, List.copyOf(byDisk.values()));
    }

    private static Config.RecordingSettings recordingSettings(Config config) {
        try {
            return config.recording();
        } catch (RuntimeException e) {
            return null; // the recorder's file is read leniently; this is only belt and braces for the status line
        }
    }

    /** The file store the directory is on (its nearest existing ancestor's), or the directory when unknown. */
    private static Object diskOf(Path dir) {
        Path p = dir.toAbsolutePath();
        while (p != null && !Files.exists(p)) {
            p = p.getParent();
        }
        try {
            FileStore store = p == null ? null : Files.getFileStore(p);
            return store == null ? dir : store;
        } catch (IOException | RuntimeException e) {
            return dir;
        }
    }

    /** The worst level among the disks: {@code below-minimum}, {@code low}, {@code unknown} or {@code ok}. */
    public String worst() {
        List<String> order = List.of("below-minimum", "low", "unknown", "ok");
        String worst = state.level();
        for (DiskSpace d : recordings) {
            if (order.indexOf(d.level()) < order.indexOf(worst)) {
                worst = d.level();
            }
        }
        return worst;
    }
}
