package dev.r58ctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** kmsg prints its timestamps as String.format did before, without its cost. */
class KmsgCommandTest {
    @Test
    void timestampsReadAsDmesgPrintsThem() {
        for (long micros : new long[] {0, 5, 999_999, 1_000_000, 494_442_336, 12_345_678_901L, 99_999_999_999L,
            100_000_000_000L, 123_456_789_000_001L, Long.MAX_VALUE}) {
            assertEquals(String.format("[%5d.%06d] ", micros / 1_000_000, micros % 1_000_000), KmsgCommand.stamp(micros));
        }
        assertEquals("", KmsgCommand.stamp(-1));
        assertEquals("E [  494.442336] mpp: timeout", KmsgCommand.line(
                new KmsgCommand.Row(3, 494_442_336, "ERROR", "mpp", "x", "mpp: timeout")));
        assertEquals("  no time", KmsgCommand.line(new KmsgCommand.Row(3, -1, "INFO", null, null, "no time")));
    }
}
