package dev.r58ctl.stability;

import dev.r58ctl.config.Config;
import java.time.Duration;
import java.util.Locale;

/** The H.265 migration plan's three stability tests, in the order {@code test all} runs them. */
public enum TestKind {
    /** A live test pattern encoded to a file for a short while (the plan's 30-second encode). */
    ENCODE,
    /** The same at real time into a clock-synced file sink for minutes (the plan's 5-minute sustained encode). */
    SOAK,
    /** A stream published to MediaMTX and read back (the plan's RTSP push test). */
    PUSH;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The configured duration of this test. */
    public Duration defaultDuration(Config.StabilitySettings s) {
        return switch (this) {
            case ENCODE -> s.encode();
            case SOAK -> s.soak();
            case PUSH -> s.push();
        };
    }
}
