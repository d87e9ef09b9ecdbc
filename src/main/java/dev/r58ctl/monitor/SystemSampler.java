package dev.r58ctl.monitor;

import dev.r58ctl.config.Config;

import dev.r58ctl.monitor.SystemSample.ProcessCpu;
import dev.r58ctl.monitor.SystemSample.Temperature;
import dev.r58ctl.monitor.SystemSample.VpuLoad;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Samples CPU (total and per core, over the interval since the previous sample), load, memory, the CPU of the
 * recorder, MediaMTX and r58ctl, temperatures and VPU load. One call costs well under a millisecond warm, so a
 * dashboard can take one a second. Figures that the machine does not expose are reported as not available,
 * never as zero.
 */
public final class SystemSampler {
    private static final Pattern VPU_LINE = Pattern.compile("^\\s*([\\w.:@-]+)\\s*(?:load)?\\s*[:=]\\s*([0-9.]+)\\s*%?");
    private static final long RELOOK_MILLIS = 10_000;

    /** A process to watch: by systemd unit (its MainPID) or by command name. */
    public record Watched(String role, String unit, String name) {
    }

    private final MachineFigures machine;
    private static final long PAGE = 4096;
    private final Path proc = Path.of("/proc");
    private final ProcessLocator locator;
    private final List<Watched> watched;
    private final Path thermalDir;
    private final Path vpuFile;
    private final Map<String, Integer> pids = new HashMap<>();
    private final Map<String, long[]> lastProcess = new HashMap<>();
    private final Map<String, Long> lastLookup = new HashMap<>();
    private long[] lastTicks;
    private long[][] lastCoreTicks;
    private long lastTime;

    public SystemSampler(List<Watched> watched, Path thermalDir, Path vpuFile) {
        this.machine = MachineFigures.create();
        this.locator = new ProcessLocator();
        this.watched = List.copyOf(watched);
        this.thermalDir = thermalDir;
        this.vpuFile = vpuFile;
        this.lastTicks = machine.systemTicks();
        this.lastCoreTicks = machine.coreTicks();
        this.lastTime = System.currentTimeMillis();
    }

    /** Figures over the interval since the previous call (or since construction). */
    public synchronized SystemSample sample() {
        long now = System.currentTimeMillis();
        long[] ticks = machine.systemTicks();
        long[][] coreTicks = machine.coreTicks();
        double total = MachineFigures.busy(ticks, lastTicks) * 100;
        double[] cores = new double[coreTicks.length];
        for (int i = 0; i < cores.length; i++) {
            cores[i] = i < lastCoreTicks.length ? MachineFigures.busy(coreTicks[i], lastCoreTicks[i]) * 100 : 0;
        }
        long interval = now - lastTime;
        lastTicks = ticks;
        lastCoreTicks = coreTicks;
        lastTime = now;
        lookUp(now);
        List<ProcessCpu> procs = new ArrayList<>();
        for (Watched w : watched) {
            procs.add(process(w, now));
        }
        return new SystemSample(now, interval, total, cores, machine.loadAverage(), machine.memTotal(),
                machine.memAvailable(), procs, temperatures(), vpu());
    }

    /** Finds the watched processes not found yet (again every 10 s): by unit, by name in one pass over /proc. */
    private void lookUp(long now) {
        List<Watched> due = new ArrayList<>();
        for (Watched w : watched) {
            Integer pid = pids.get(w.role());
            Long looked = lastLookup.get(w.role());
            if ((pid == null || pid < 0) && (looked == null || now - looked >= RELOOK_MILLIS)) {
                due.add(w);
            }
        }
        List<String> names = due.stream().filter(SystemSampler::byName).map(Watched::name).toList();
        Map<String, Integer> byName = names.isEmpty() ? Map.of() : locator.byNames(names);
        for (Watched w : due) {
            int pid = w.unit() != null ? locator.mainPid(w.unit())
                    : byName(w) ? byName.getOrDefault(w.name(), -1) : locator.self();
            pids.put(w.role(), pid);
            lastLookup.put(w.role(), now);
        }
    }

    /** Found by its command name; r58ctl itself is this process. */
    private static boolean byName(Watched w) {
        return w.unit() == null && !w.role().equals("r58ctl");
    }

    private ProcessCpu process(Watched w, long now) {
        Integer pid = pids.get(w.role());
        if (pid == null || pid < 0) {
            String why = w.unit() != null ? "not running (no MainPID from systemd for " + w.unit() + ")"
                    : "not running (no process named " + w.name() + ")";
            return new ProcessCpu(w.role(), -1, w.name(), null, 0, why);
        }
        // /proc directly: OSHI's process object reads a dozen files per call, which an idle dashboard felt
        long cpuMs;
        String name;
        long rss;
        try {
            String stat = Files.readString(proc.resolve(pid + "/stat"));
            name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
            cpuMs = ThreadCpu.ticksOf(stat) * 1000 / ThreadCpu.TICKS_PER_SECOND;
            String[] statm = Files.readString(proc.resolve(pid + "/statm")).trim().split(" ");
            rss = Long.parseLong(statm[1]) * PAGE;
        } catch (IOException | RuntimeException gone) {
            pids.remove(w.role());
            lastProcess.remove(w.role());
            return new ProcessCpu(w.role(), -1, w.name(), null, 0, "process " + pid + " ended");
        }
        long[] prev = lastProcess.put(w.role(), new long[] {pid, cpuMs, now});
        Double percent = null;
        if (prev != null && prev[0] == pid && now > prev[2]) {
            percent = Math.max(0, (cpuMs - prev[1]) * 100.0 / (now - prev[2]));
        }
        return new ProcessCpu(w.role(), pid, name, percent, rss, null);
    }

    List<Temperature> temperatures() {
        List<Temperature> out = new ArrayList<>();
        try (DirectoryStream<Path> zones = Files.newDirectoryStream(thermalDir, "thermal_zone*")) {
            for (Path z : zones) {
                try {
                    String type = Files.readString(z.resolve("type")).trim();
                    double milli = Double.parseDouble(Files.readString(z.resolve("temp")).trim());
                    out.add(new Temperature(z.getFileName().toString(), type, milli / 1000.0));
                } catch (IOException | NumberFormatException unreadable) {
                    // a zone without a readable temperature is left out rather than shown as 0
                }
            }
        } catch (IOException e) {
            return out;
        }
        out.sort((a, b) -> a.zone().compareTo(b.zone()));
        return out;
    }

    VpuLoad vpu() {
        if (vpuFile == null || !Files.isReadable(vpuFile)) {
            return new VpuLoad(false, String.valueOf(vpuFile), Map.of(), "not available: " + vpuFile + " absent");
        }
        try {
            Map<String, Double> cores = new LinkedHashMap<>();
            for (String line : Files.readAllLines(vpuFile)) {
                Matcher m = VPU_LINE.matcher(line);
                if (m.find()) {
                    cores.put(m.group(1), Double.parseDouble(m.group(2)));
                }
            }
            if (cores.isEmpty()) {
                return new VpuLoad(false, vpuFile.toString(), Map.of(), "not available: nothing readable in " + vpuFile);
            }
            return new VpuLoad(true, vpuFile.toString(), cores, null);
        } catch (IOException | NumberFormatException e) {
            return new VpuLoad(false, vpuFile.toString(), Map.of(), "not available: " + e.getMessage());
        }
    }

    /** The processes whose CPU matters: the recorder (by its unit or name), MediaMTX and r58ctl itself. */
    public static List<Watched> watched(Config config) {
        String recorderName = config.monitor().recorderProcess();
        return List.of(
                new Watched("recorder", recorderName == null ? config.recorder().service() : null,
                        recorderName == null ? config.recorder().service() : recorderName),
                new Watched("mediamtx", null, config.monitor().mediamtxProcess()),
                new Watched("r58ctl", null, "java"));
    }
}
