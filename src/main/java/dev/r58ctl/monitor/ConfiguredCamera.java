package dev.r58ctl.monitor;

import dev.r58ctl.config.Camera;
import dev.r58ctl.config.Config;
import java.nio.file.Path;
import java.util.List;

/**
 * A camera as the configuration has it, for {@code status}: whether it is enabled, what r58ctl cannot use in its
 * definition, and the free space where it records.
 *
 * @param id        camera id
 * @param enabled   the recorder's {@code enabled:}
 * @param usable    false when a problem in the recorder's file leaves r58ctl without a pipeline for it
 * @param notes     those problems, one line each ({@code message (config.yml:109)})
 * @param recording the free space of its recording directory, or null when it does not record
 */
public record ConfiguredCamera(String id, boolean enabled, boolean usable, List<String> notes, DiskSpace recording) {

    public static List<ConfiguredCamera> of(Config config) {
        DiskLimits limits = DiskLimits.of(config.recording());
        return config.cameras().stream().map(c -> of(c, limits)).toList();
    }

    static ConfiguredCamera of(Camera c, DiskLimits limits) {
        DiskSpace disk = null;
        if (c.records() && c.usable()) {
            Path dir = Path.of(c.outputPath()).getParent();
            disk = dir == null ? null : DiskSpace.of(dir, limits);
        }
        return new ConfiguredCamera(c.id(), c.enabled(), c.usable(),
                c.problems().stream().map(p -> p.note()).toList(), disk);
    }
}
