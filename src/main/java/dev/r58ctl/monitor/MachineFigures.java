package dev.r58ctl.monitor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * CPU ticks, load average and memory of the machine, read from /proc on Linux: a few small files, no native
 * library. OSHI, which answers the same on other systems, is loaded only when /proc/stat cannot be read (it cost
 * a start-up 300-400 ms, JNA included, for figures that are three text files here).
 */
abstract class MachineFigures {
    /** Ticks of user, nice, system, idle, iowait, irq, softirq, steal (OSHI's order). */
    static final int FIELDS = 8;
    private static final int IDLE = 3;
    private static final int IOWAIT = 4;

    abstract long[] systemTicks();

    abstract long[][] coreTicks();

    /** The 1, 5 and 15 minute load averages, -1 each when not available. */
    abstract double[] loadAverage();

    abstract long memTotal();

    abstract long memAvailable();

    static MachineFigures create() {
        return Files.isReadable(Proc.STAT) ? new Proc() : new Oshi();
    }

    /** The busy share between two tick readings, 0..1: everything but idle and iowait, as OSHI computes it. */
    static double busy(long[] now, long[] before) {
        long total = 0;
        for (int i = 0; i < now.length && i < before.length; i++) {
            total += now[i] - before[i];
        }
        long idle = now[IDLE] + now[IOWAIT] - before[IDLE] - before[IOWAIT];
        return total > 0 && idle >= 0 ? (double) (total - idle) / total : 0d;
    }

    /** Linux: /proc/stat, /proc/loadavg, /proc/meminfo. */
    static final class Proc extends MachineFigures {
        static final Path STAT = Path.of("/proc/stat");
        private static final Path LOADAVG = Path.of("/proc/loadavg");
        private static final Path MEMINFO = Path.of("/proc/meminfo");
        private long[] system = new long[FIELDS];
        private long[][] cores = new long[0][];

        /** Reads /proc/stat once for both the total and the per-core ticks (one sample, one read). */
        private void read() {
            List<long[]> perCore = new ArrayList<>();
            long[] total = new long[FIELDS];
            try {
                for (String line : Files.readAllLines(STAT)) {
                    if (!line.startsWith("cpu")) {
                        break;
                    }
                    String[] f = line.trim().split("\\s+");
                    long[] t = new long[FIELDS];
                    for (int i = 0; i < FIELDS && i + 1 < f.length; i++) {
                        t[i] = Long.parseLong(f[i + 1]);
                    }
                    if (f[0].equals("cpu")) {
                        total = t;
                    } else {
                        int n = Integer.parseInt(f[0].substring(3));
                        while (perCore.size() <= n) {
                            perCore.add(new long[FIELDS]);
                        }
                        perCore.set(n, t);
                    }
                }
            } catch (IOException | RuntimeException unreadable) {
                return; // the previous figures stand; the interval shows no change rather than a wrong one
            }
            system = total;
            cores = perCore.toArray(new long[0][]);
        }

        @Override
        long[] systemTicks() {
            read();
            return system.clone();
        }

        @Override
        long[][] coreTicks() {
            // called right after systemTicks(): the same reading
            long[][] copy = new long[cores.length][];
            for (int i = 0; i < cores.length; i++) {
                copy[i] = cores[i].clone();
            }
            return copy;
        }

        @Override
        double[] loadAverage() {
            try {
                String[] f = Files.readString(LOADAVG).trim().split("\\s+");
                return new double[] {Double.parseDouble(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2])};
            } catch (IOException | RuntimeException e) {
                return new double[] {-1, -1, -1};
            }
        }

        @Override
        long memTotal() {
            return meminfo("MemTotal:");
        }

        @Override
        long memAvailable() {
            return meminfo("MemAvailable:");
        }

        private static long meminfo(String key) {
            try {
                for (String line : Files.readAllLines(MEMINFO)) {
                    if (line.startsWith(key)) {
                        return Long.parseLong(line.substring(key.length()).trim().split("\\s+")[0]) * 1024;
                    }
                }
            } catch (IOException | RuntimeException e) {
                return 0;
            }
            return 0;
        }
    }

    /** Elsewhere: OSHI. */
    static final class Oshi extends MachineFigures {
        private final oshi.hardware.CentralProcessor cpu;
        private final oshi.hardware.GlobalMemory memory;

        Oshi() {
            oshi.hardware.HardwareAbstractionLayer hal = new oshi.SystemInfo().getHardware();
            cpu = hal.getProcessor();
            memory = hal.getMemory();
        }

        @Override
        long[] systemTicks() {
            return cpu.getSystemCpuLoadTicks();
        }

        @Override
        long[][] coreTicks() {
            return cpu.getProcessorCpuLoadTicks();
        }

        @Override
        double[] loadAverage() {
            return cpu.getSystemLoadAverage(3);
        }

        @Override
        long memTotal() {
            return memory.getTotal();
        }

        @Override
        long memAvailable() {
            return memory.getAvailable();
        }
    }
}
