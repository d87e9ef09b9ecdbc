package dev.r58ctl.stability;

import dev.r58ctl.config.Config;
import dev.r58ctl.monitor.SystemSample;
import dev.r58ctl.monitor.SystemSampler;
import dev.r58ctl.pipeline.CameraRunner;
import dev.r58ctl.pipeline.CameraStats;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Takes one CPU sample a second during a test (the whole machine, the test pipeline's own threads, and the
 * recorder, MediaMTX and r58ctl processes) and sums them up as average, 95th percentile and maximum.
 */
final class CpuMeter {
    private final SystemSampler sampler;
    private final int cores = Runtime.getRuntime().availableProcessors();
    private final List<CpuSample> series = new ArrayList<>();

    CpuMeter(Config config) {
        this.sampler = new SystemSampler(dev.r58ctl.monitor.SystemSampler.watched(config), config.monitor().thermalDir(),
                config.monitor().vpuLoadFile());
        sampler.sample(); // primes the per-process counters, so the first real sample has every figure
    }

    /** Samples now: figures over the interval since the previous call. */
    synchronized CpuSample sample(CameraRunner runner, long startedNanos) {
        SystemSample s = sampler.sample();
        CameraStats p = runner.stats();
        Map<String, Double> processes = new LinkedHashMap<>();
        for (SystemSample.ProcessCpu proc : s.processes()) {
            if (proc.cpuPercent() != null) {
                processes.put(proc.role(), CpuStats.round(proc.cpuPercent()));
            }
        }
        CpuSample sample = new CpuSample(CpuStats.round((System.nanoTime() - startedNanos) / 1e9),
                CpuStats.round(s.cpuPercent()), CpuStats.round(p.cpuPercent()), processes, p.framesOut(),
                CpuStats.round(p.fps()));
        series.add(sample);
        return sample;
    }

    synchronized List<CpuSample> series() {
        return List.copyOf(series);
    }

    /** The summary of the series so far. */
    synchronized CpuReport report() {
        List<Double> system = new ArrayList<>();
        List<Double> pipeline = new ArrayList<>();
        Map<String, List<Double>> byProcess = new LinkedHashMap<>();
        for (CpuSample s : series) {
            system.add(s.system());
            pipeline.add(s.pipeline());
            s.processes().forEach((role, v) -> byProcess.computeIfAbsent(role, r -> new ArrayList<>()).add(v));
        }
        Map<String, CpuStats> processes = new LinkedHashMap<>();
        byProcess.forEach((role, v) -> processes.put(role, CpuStats.of(v)));
        CpuStats pipe = CpuStats.of(pipeline);
        return new CpuReport(cores, CpuStats.of(system), pipe, CpuStats.round(pipe.average() / cores), processes);
    }
}
