package dev.r58ctl.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The /proc reader gives what OSHI gave on this machine. */
class MachineFiguresTest {
    @Test
    void procAgreesWithOshi() {
        MachineFigures proc = new MachineFigures.Proc();
        MachineFigures oshi = new MachineFigures.Oshi();
        assertEquals(oshi.memTotal(), proc.memTotal());
        assertEquals(oshi.memAvailable(), proc.memAvailable(), 64L << 20);
        long[] ticks = proc.systemTicks();
        assertEquals(MachineFigures.FIELDS, ticks.length);
        assertEquals(oshi.coreTicks().length, proc.coreTicks().length);
        double[] load = proc.loadAverage();
        double[] oshiLoad = oshi.loadAverage();
        for (int i = 0; i < 3; i++) {
            assertEquals(oshiLoad[i], load[i], 0.2, "load average " + i);
        }
        long[] later = proc.systemTicks();
        double busy = MachineFigures.busy(later, ticks);
        assertTrue(busy >= 0 && busy <= 1, "busy " + busy);
    }

    @Test
    void busyIsEverythingButIdleAndIowait() {
        long[] before = {100, 0, 50, 800, 50, 0, 0, 0};
        long[] after = {160, 0, 70, 900, 70, 0, 0, 0};
        assertEquals(80.0 / 200, MachineFigures.busy(after, before), 1e-12);
        assertEquals(0.0, MachineFigures.busy(before, before));
    }
}
