package dev.r58ctl.stability;

import java.util.List;

/**
 * The encoder stability matrix: configured evidence updated by every run, one row per encoder and settings.
 *
 * @param cpuCeiling % of all cores the cameras' streams may use together
 * @param cameras    cameras configured, for the capacity arithmetic
 * @param rows       evidence rows first, in configuration order, then rows only runs know, by first run
 * @param configuredKeys each known encoder's row key with its configured settings: the row that says what switching
 *                   a camera to it would run
 */
public record MatrixReport(int cpuCeiling, int cameras, List<MatrixRow> rows,
                           @com.fasterxml.jackson.annotation.JsonProperty("configured_keys")
                           java.util.Map<String, String> configuredKeys) {

    /**
     * The row of {@code encoder} with its configured settings, else its row of unrecorded settings (they may be
     * these), else null (untested): an encoder is stable or not with its settings (mpph264enc crashed with some and
     * ran for a week with others).
     */
    public MatrixRow rowFor(String encoder) {
        String key = configuredKeys == null ? null : configuredKeys.get(encoder);
        MatrixRow exact = key == null ? null : row(key);
        return exact != null ? exact : rows.stream().filter(r -> r.encoder().equals(encoder) && r.settings() == null)
                .findFirst().orElse(null);
    }

    public MatrixRow row(String key) {
        return rows.stream().filter(r -> r.key().equals(key)).findFirst().orElse(null);
    }
}
