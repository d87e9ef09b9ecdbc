package dev.r58ctl.config;

import java.util.Locale;

/** Where a camera's pictures come from: the HDMI capture device, or a live test pattern. */
public enum SourceKind {
    V4L2, TEST;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
