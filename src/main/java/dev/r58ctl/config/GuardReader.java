package dev.r58ctl.config;

import java.util.List;
import java.util.Map;

/** Reads the {@code guard:} section: the boot guard's defaults for a trial. */
final class GuardReader {
    private GuardReader() {
    }

    static Config.GuardSettings read(YamlNode node) {
        Map<String, YamlNode> m = node == null || node.isNull() ? Map.of()
                : node.mapOf(List.of("max_boots", "window"));
        int maxBoots = m.containsKey("max_boots") ? m.get("max_boots").integer("a number of boots", 1, 100) : 2;
        java.time.Duration window = m.containsKey("window") ? StabilityReader.duration(m.get("window"))
                : java.time.Duration.ofHours(24);
        return new Config.GuardSettings(maxBoots, window);
    }

}
