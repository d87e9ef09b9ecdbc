package dev.r58ctl.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.r58ctl.history.BoardSimulation;
import dev.r58ctl.history.HistoryReader;
import dev.r58ctl.history.HistoryWriter;
import dev.r58ctl.history.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dashboard's look-back reads the moment, its cameras, disks, health and the CPU before it from real files. */
class HistoryPastTest {
    @TempDir
    Path tmp;

    @Test
    void aRecordedMomentInTheDashboardsShapes() {
        Instant t0 = Instant.parse("2026-12-05T03:00:00Z");
        MutableClock clock = new MutableClock(t0);
        BoardSimulation board = new BoardSimulation();
        try (HistoryWriter w = new HistoryWriter(tmp, Duration.ofDays(2), clock)) {
            for (int i = 0; i < 200; i++) {
                clock.set(t0.toEpochMilli() + i * 1000L);
                board.round(clock.millis(), w);
            }
        }
        HistoryPast past = new HistoryPast(new HistoryReader(tmp));
        PastSource.Moment m = past.at(t0.plusSeconds(100).toEpochMilli() + 300).orElseThrow();
        assertEquals(t0.plusSeconds(100).toEpochMilli(), m.sampleMillis());
        assertEquals(m.system().cpuPercent(), m.cpuBefore().get(m.cpuBefore().size() - 1));
        assertEquals(DashboardState.SPARK_SAMPLES, m.cpuBefore().size());
        assertEquals(4, m.cameras().size());
        assertTrue(m.cameras().get(0).stats().fps() > 25, m.cameras().get(0).toString());
        assertEquals("/mnt/sdcard/recordings", m.disks().recordings().get(0).path());
        assertEquals("ok", m.health());
        assertTrue(past.at(t0.minusSeconds(30).toEpochMilli()).isEmpty());
        assertEquals(tmp.toString(), past.where());
    }
}
