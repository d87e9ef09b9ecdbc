package dev.r58ctl.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.r58ctl.RecentItems;
import dev.r58ctl.monitor.SystemSample.ProcessCpu;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real OSHI figures of this machine, a real busy child process, and thermal/VPU files laid out as the board has them. */
class SystemSamplerTest {
    @TempDir
    Path dir;

    private static ProcessCpu role(SystemSample s, String role) {
        return s.processes().stream().filter(p -> p.role().equals(role)).findFirst().orElseThrow();
    }

    @Test
    void cpuOfTheMachineAndOfABusyProcess() throws Exception {
        // `yes` under a name of its own: another `yes` on the machine (another test run) must not be found instead
        String name = "r58busy" + (100000 + new java.util.Random().nextInt(900000));
        Path program = dir.resolve(name);
        Files.copy(Path.of("/usr/bin/yes"), program);
        assertTrue(program.toFile().setExecutable(true));
        Process busy = new ProcessBuilder(program.toString()).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            SystemSampler sampler = new SystemSampler(List.of(
                    new SystemSampler.Watched("busy", null, name),
                    new SystemSampler.Watched("mediamtx", null, "no-such-process-r58"),
                    new SystemSampler.Watched("r58ctl", null, "java")), dir, dir.resolve("load"));
            SystemSample first = sampler.sample();
            long ticks0 = ThreadCpu.ticksOf(Files.readString(Path.of("/proc/" + busy.pid() + "/stat")));
            long t0 = System.nanoTime();
            assertNull(role(first, "busy").cpuPercent(), "no figure before a second sample");
            Thread.sleep(1000);
            SystemSample s = sampler.sample();
            long ticks1 = ThreadCpu.ticksOf(Files.readString(Path.of("/proc/" + busy.pid() + "/stat")));
            double fromProc = (ticks1 - ticks0) * 100.0 / ThreadCpu.TICKS_PER_SECOND / ((System.nanoTime() - t0) / 1e9);
            assertEquals(Runtime.getRuntime().availableProcessors(), s.corePercent().length);
            assertTrue(s.cpuPercent() > 5 && s.cpuPercent() <= 100, "a busy process runs: " + s.cpuPercent());
            ProcessCpu b = role(s, "busy");
            // the machine may be loaded by other work: compare with /proc over the same second, not with a constant
            assertTrue(b.pid() == busy.pid() && b.cpuPercent() > 5, b.toString());
            assertEquals(fromProc, b.cpuPercent(), 15, "OSHI and /proc agree: " + b);
            ProcessCpu missing = role(s, "mediamtx");
            assertEquals(-1, missing.pid());
            assertNull(missing.cpuPercent());
            assertEquals("not running (no process named no-such-process-r58)", missing.note());
            assertEquals(ProcessHandle.current().pid(), role(s, "r58ctl").pid());
            assertTrue(s.memTotalBytes() > s.memAvailableBytes() && s.memAvailableBytes() > 0);
            assertTrue(s.intervalMillis() >= 900, "interval " + s.intervalMillis());
        } finally {
            busy.destroyForcibly().waitFor();
        }
    }

    @Test
    void temperaturesComeWithTheirZoneNamesAndMissingOnesAreLeftOut() throws Exception {
        Path z0 = Files.createDirectories(dir.resolve("thermal_zone0"));
        Files.writeString(z0.resolve("type"), "soc-thermal\n");
        Files.writeString(z0.resolve("temp"), "45230\n");
        Path z1 = Files.createDirectories(dir.resolve("thermal_zone1"));
        Files.writeString(z1.resolve("type"), "bigcore0-thermal\n");
        Files.writeString(z1.resolve("temp"), "");
        SystemSampler sampler = new SystemSampler(List.of(), dir, dir.resolve("load"));
        List<SystemSample.Temperature> t = sampler.temperatures();
        assertEquals(1, t.size(), t.toString());
        assertEquals("soc-thermal", t.get(0).type());
        assertEquals(45.23, t.get(0).celsius(), 1e-9);
    }

    @Test
    void vpuLoadIsNotAvailableRatherThanZeroWhenTheBoardHasNone() throws Exception {
        SystemSampler absent = new SystemSampler(List.of(), dir, dir.resolve("mpp_service/load"));
        SystemSample.VpuLoad none = absent.vpu();
        assertFalse(none.available());
        assertTrue(none.note().startsWith("not available"), none.note());
        assertTrue(none.cores().isEmpty());

        Path load = dir.resolve("load");
        Files.writeString(load, "fdbe0000.rkvenc-core load: 37.50%\nfdbf0000.rkvenc-core load:  4.00%\n");
        SystemSample.VpuLoad v = new SystemSampler(List.of(), dir, load).vpu();
        assertTrue(v.available());
        assertEquals(37.5, v.cores().get("fdbe0000.rkvenc-core"));
        assertEquals(4.0, v.cores().get("fdbf0000.rkvenc-core"));
    }

    @Test
    void historyKeepsTheNewestItemsInOrder() {
        RecentItems<Integer> h = new RecentItems<>(3);
        for (int i = 1; i <= 5; i++) {
            h.add(i);
        }
        assertEquals(List.of(3, 4, 5), h.all());
        assertEquals(List.of(4, 5), h.last(2));
        assertEquals(5, h.newest());
        assertNotNull(h.all());
    }

    @Test
    void threadCpuReadsUtimeAndStimeAfterANameWithSpaces() {
        assertEquals(1234 + 56, ThreadCpu.ticksOf("42 (cam1_q rec:src) S 1 1 1 0 -1 4194368 10 0 0 0 1234 56 0 0 20 0"));
    }

    @Test
    void aThreadThatWasThereBeforeCountsOnlyWhatItUsesAfter(@org.junit.jupiter.api.io.TempDir Path tasks)
            throws Exception {
        // GStreamer's task pool hands the threads of a pipeline that ended to the next one, renamed, ticks and all
        task(tasks, "101", "stab_src:src", 5000);
        task(tasks, "102", "cam0_src:src", 20);
        ThreadCpu cpu = new ThreadCpu(tasks);
        ThreadCpu.Since since = cpu.since();
        task(tasks, "101", "cam0_enc", 5010); // reused for cam0
        task(tasks, "103", "cam0_q:src", 7); // new
        assertEquals(5010 + 20 + 7, cpu.ticks("cam0"), "the plain count has the reused thread's whole life");
        assertEquals(10 + 0 + 7, since.ticks("cam0"), "10 of the reused thread, none of cam0's, 7 of the new one");
    }

    private static void task(Path dir, String tid, String name, long ticks) throws Exception {
        Path t = Files.createDirectories(dir.resolve(tid));
        Files.writeString(t.resolve("comm"), name + "\n");
        Files.writeString(t.resolve("stat"), tid + " (" + name + ") S 1 1 1 0 -1 4194368 10 0 0 0 " + ticks
                + " 0 0 0 20 0\n");
    }
}
