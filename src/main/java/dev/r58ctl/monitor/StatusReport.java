package dev.r58ctl.monitor;

import dev.r58ctl.config.Config;
import dev.r58ctl.kernel.Incident;
import dev.r58ctl.kernel.KernelLog;
import dev.r58ctl.kernel.KernelWatch;
import dev.r58ctl.kernel.PreviousBoot;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * One snapshot of everything the operator checks first: CPU (total, per core, per process), memory,
 * temperatures, VPU load, recorder health and camera states, MediaMTX paths, kernel incidents of this boot
 * and what the previous boot left. The slow parts run at the same time; a source that does not answer is
 * reported as unreachable with its reason.
 *
 * @param guard         what the boot guard did in this boot (a rollback), or null: said first
 * @param system        system figures over a short interval
 * @param streams       recorder health and status, MediaMTX paths
 * @param kernelSource  the kernel log source read, or why none could be
 * @param incidents     kernel incidents of this boot
 * @param previousBoot  what the previous boot left
 * @param recorderFileWarning why the recorder's file gave no cameras (missing, not YAML...), or null
 * @param cameras       the configured cameras: enabled, usable, notes, free space where they record
 * @param disks         free space on the state disk and on each disk the cameras record to
 * @param logWriteFailures log records this r58ctl could not write (a full disk) and dropped; the snapshot writes
 *                      one line to the log, so a log that cannot be written shows here
 * @param logWriteError why the latest log record could not be written, in one line, or null
 */
public record StatusReport(dev.r58ctl.guard.GuardResult guard, SystemSample system, StreamSnapshot streams, String kernelSource, List<Incident> incidents,
                           PreviousBoot.Report previousBoot,
                           @com.fasterxml.jackson.annotation.JsonProperty("recorder_file_warning") String recorderFileWarning,
                           List<ConfiguredCamera> cameras,
                           @com.fasterxml.jackson.annotation.JsonProperty("log_write_failures") long logWriteFailures,
                           @com.fasterxml.jackson.annotation.JsonProperty("log_write_error") String logWriteError,
                           DiskFigures disks, String source) {
    /** {@link #source()} of a report measured by the command itself. */
    public static final String HERE = "here";
    /** {@link #source()} of a report made from r58ctl agent's last sample. */
    public static final String AGENT = "agent";

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(StatusReport.class);

    /** Takes the snapshot: CPU over {@code cpuWindowMillis}, streams and kernel log meanwhile. */
    public static StatusReport take(Config config, long cpuWindowMillis) {
        StreamStatusPoller poller = new StreamStatusPoller(config);
        // the cameras as configured, read from the recorder's file meanwhile: its state never stops the snapshot
        CompletableFuture<List<ConfiguredCamera>> cameras = CompletableFuture.supplyAsync(() -> ConfiguredCamera.of(config));
        CompletableFuture<DiskFigures> disks = cameras.thenApply(c -> DiskFigures.of(config));
        CompletableFuture<StreamSnapshot> streams = poller.pollNow();
        CompletableFuture<Void> logReady = CompletableFuture.runAsync(dev.r58ctl.Logging::prepare); // see below
        SystemSampler sampler = new SystemSampler(watched(config), config.monitor().thermalDir(),
                config.monitor().vpuLoadFile());
        sampler.sample(); // primes the per-process counters: the second sample has figures for every process
        long started = System.currentTimeMillis(); // the CPU window: the kernel log is read within it
        KernelLog log = new KernelLog(config);
        CompletableFuture<PreviousBoot.Report> previous = CompletableFuture.supplyAsync(log::previousBoot);
        String source;
        List<Incident> incidents = new ArrayList<>();
        try (KernelWatch watch = log.watch(false)) {
            watch.readToEnd();
            source = watch.source().name();
            incidents.addAll(watch.incidents());
        } catch (Exception e) {
            source = "unavailable: " + e.getMessage();
        }
        long left = cpuWindowMillis - (System.currentTimeMillis() - started);
        if (left > 0) {
            try {
                Thread.sleep(left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        SystemSample system = sampler.sample();
        StreamSnapshot snap;
        try {
            snap = streams.get(config.monitor().httpTimeoutMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            snap = poller.snapshot();
        } finally {
            poller.close();
        }
        // one line to the log, so that a log that cannot be written (a full disk) counts below; its formatter was
        // made meanwhile, as Jackson's writer is, rather than after the window
        logReady.join();
        LOG.info("status: cpu {}%, health {}, {} incident(s) this boot", Math.round(system.cpuPercent()),
                snap.health().result().ok() ? "ok" : "not ok", incidents.size());
        return new StatusReport(dev.r58ctl.guard.GuardNotice.thisBoot(config).orElse(null), system, snap, source,
                incidents, previous.join(), config.cameraList().warningLine(),
                cameras.exceptionally(e -> List.of()).join(), dev.r58ctl.Logging.writeFailures(),
                dev.r58ctl.Logging.lastFailure(), disks.exceptionally(e -> null).join(), HERE);
    }

    /** The processes whose CPU matters: the recorder (by its unit or name), MediaMTX and r58ctl itself. */
    public static List<SystemSampler.Watched> watched(Config config) {
        String recorderName = config.monitor().recorderProcess();
        return List.of(
                new SystemSampler.Watched("recorder", recorderName == null ? config.recorder().service() : null,
                        recorderName == null ? config.recorder().service() : recorderName),
                new SystemSampler.Watched("mediamtx", null, config.monitor().mediamtxProcess()),
                new SystemSampler.Watched("r58ctl", null, "java"));
    }
}
