package dev.r58ctl.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class StrftimeTest {
    /** Tuesday 5 March 2024 (a leap year: day 65), 14:07:09. */
    private static final ZonedDateTime T = ZonedDateTime.of(2024, 3, 5, 14, 7, 9, 0, ZoneId.of("UTC"));

    @Test
    void recorderPattern() {
        assertEquals("/mnt/sdcard/recordings/cam0/recording_20240305_140709.mkv",
                Strftime.format("/mnt/sdcard/recordings/cam0/recording_%Y%m%d_%H%M%S.mkv", T));
    }

    @Test
    void numericDirectives() {
        assertEquals("2024 24 03 05 14 07 09 065", Strftime.format("%Y %y %m %d %H %M %S %j", T));
    }

    @Test
    void zeroPadding() {
        ZonedDateTime t = ZonedDateTime.of(2009, 1, 2, 3, 4, 5, 0, ZoneId.of("UTC"));
        assertEquals("2009-09-01-02 03:04:05 002", Strftime.format("%Y-%y-%m-%d %H:%M:%S %j", t));
    }

    @Test
    void abbreviatedNamesAndAmPm() {
        assertEquals("Mar Tue PM", Strftime.format("%b %a %p", T));
        assertEquals("AM", Strftime.format("%p", T.withHour(9)));
        assertEquals("AM", Strftime.format("%p", T.withHour(0)));
        assertEquals("PM", Strftime.format("%p", T.withHour(12)));
    }

    @Test
    void fullNames() {
        assertEquals("March Tuesday", Strftime.format("%B %A", T));
    }

    @Test
    void percentAndLiterals() {
        assertEquals("100% done", Strftime.format("100%% done", T));
        assertEquals("no directives", Strftime.format("no directives", T));
        assertEquals("", Strftime.format("", T));
        assertEquals("trailing %", Strftime.format("trailing %", T));
        assertEquals("%Q", Strftime.format("%Q", T), "an unknown directive is left as it is");
    }

    @Test
    void zoneOfTheTimeIsUsed() {
        ZonedDateTime berlin = T.withZoneSameInstant(ZoneId.of("Europe/Berlin"));
        assertEquals("15", Strftime.format("%H", berlin));
    }

    @Test
    void problemNullForSupportedPatterns() {
        assertNull(Strftime.problem("/mnt/sdcard/recordings/cam0/recording_%Y%m%d_%H%M%S.mp4"));
        assertNull(Strftime.problem("%Y %y %m %d %H %M %S %j %b %B %a %A %p %%"));
        assertNull(Strftime.problem("plain"));
        assertNull(Strftime.problem(""));
    }

    @Test
    void problemUnsupportedDirective() {
        assertEquals("unsupported directive %Q (supported: %Y %y %m %d %H %M %S %j %b %B %a %A %p %%)",
                Strftime.problem("/rec/%Q.mkv"));
        assertEquals("unsupported directive %s (supported: %Y %y %m %d %H %M %S %j %b %B %a %A %p %%)",
                Strftime.problem("/rec/%Y_%s.mkv"));
    }

    @Test
    void problemLonePercent() {
        assertEquals("ends with a lone %", Strftime.problem("/rec/x%"));
        assertNull(Strftime.problem("/rec/x%%"));
    }

    @Test
    void escapedPercentIsNotADirective() {
        assertNull(Strftime.problem("/rec/%%Q.mkv"));
        assertEquals("/rec/%Q.mkv", Strftime.format("/rec/%%Q.mkv", T));
    }
}
