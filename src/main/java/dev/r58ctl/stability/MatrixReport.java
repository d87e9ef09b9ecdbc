package dev.r58ctl.stability;

import java.util.List;

/**
 * The encoder stability matrix: configured evidence updated by every run, one row per encoder and settings.
 *
 * @param cpuCeiling % of all cores the cameras' streams may use together
 * @param cameras    cameras configured, for the capacity arithmetic
 * @param rows       evidence rows first, in configuration order, then rows only runs know, by first run
 */
public record MatrixReport(int cpuCeiling, int cameras, List<MatrixRow> rows) {

    public MatrixRow row(String key) {
        return rows.stream().filter(r -> r.key().equals(key)).findFirst().orElse(null);
    }
}
