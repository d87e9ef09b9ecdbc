package dev.r58ctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.r58ctl.R58Exception;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** The moments operators write, in a zone east of UTC so that local and UTC differ. */
class TimeArgTest {
    static final ZoneId ZONE = ZoneId.of("Europe/Helsinki"); // UTC+2 in December
    static final Instant NOW = Instant.parse("2026-12-05T08:30:00Z"); // 10:30 local

    private static Instant p(String v) {
        return TimeArg.parse("--from", v, NOW, ZONE);
    }

    @Test
    void clockTimesAreTodayOrYesterdayWhenStillToCome() {
        assertEquals(Instant.parse("2026-12-05T01:12:00Z"), p("03:12"));
        assertEquals(Instant.parse("2026-12-05T01:12:09Z"), p("3:12:09"));
        assertEquals(Instant.parse("2026-12-04T21:00:00Z"), p("23:00"), "23:00 has not come yet today");
    }

    @Test
    void datesInstantsAndTimesBack() {
        assertEquals(Instant.parse("2026-12-04T22:15:00Z"), p("2026-12-05 00:15"));
        assertEquals(Instant.parse("2026-12-04T22:15:30Z"), p("2026-12-05T00:15:30"));
        assertEquals(Instant.parse("2026-12-05T03:00:00Z"), p("2026-12-05T03:00:00Z"));
        assertEquals(Instant.parse("2026-12-05T03:00:00Z"), p("2026-12-05T05:00:00+02:00"));
        assertEquals(NOW.minusSeconds(900), p("-15m"));
        assertEquals(NOW.minusSeconds(7200), p("2h ago"));
        assertEquals(NOW, p("now"));
    }

    @Test
    void anythingElseIsBadInputNamingTheOption() {
        for (String bad : new String[] {"", "25:00", "12:61", "yesterday", "2026-13-01 10:00", "-15x", "ago"}) {
            R58Exception e = assertThrows(R58Exception.class, () -> TimeArg.parse("--to", bad, NOW, ZONE), bad);
            assertEquals(R58Exception.BAD_INPUT, e.exitCode());
            assertEquals("--to: expected " + TimeArg.FORMATS + ", got \"" + bad + "\"", e.getMessage());
        }
    }
}
