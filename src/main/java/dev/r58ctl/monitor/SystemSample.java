package dev.r58ctl.monitor;

import java.util.List;

/**
 * The board's figures over one sampling interval.
 *
 * @param timeMillis     when the sample was taken (epoch ms)
 * @param intervalMillis the interval the CPU figures cover
 * @param cpuPercent     CPU in use over all cores, 0-100
 * @param corePercent    CPU in use per core, 0-100 each
 * @param loadAverage    1, 5 and 15 minute load averages (negative where unavailable)
 * @param memTotalBytes  physical memory
 * @param memAvailableBytes memory available to new work
 * @param processes      CPU of the processes that matter (recorder, MediaMTX, r58ctl)
 * @param temperatures   thermal zones; empty when the machine exposes none
 * @param vpu            the video encoder's load where the board exposes it
 */
public record SystemSample(long timeMillis, long intervalMillis, double cpuPercent, double[] corePercent,
                           double[] loadAverage, long memTotalBytes, long memAvailableBytes,
                           List<ProcessCpu> processes, List<Temperature> temperatures, VpuLoad vpu) {

    /**
     * One process's share.
     *
     * @param role       recorder, mediamtx or r58ctl
     * @param pid        process id, or -1 when not running
     * @param name       its command name
     * @param cpuPercent CPU over the interval in % of one core, or null on its first sample or when not running
     * @param rssBytes   resident memory
     * @param note       why there is no figure ("not running", "no MainPID from systemd"), or null
     */
    public record ProcessCpu(String role, int pid, String name, Double cpuPercent, long rssBytes, String note) {
    }

    /**
     * A thermal zone.
     *
     * @param zone    e.g. thermal_zone0
     * @param type    the zone's name, e.g. soc-thermal, bigcore0-thermal
     * @param celsius degrees Celsius
     */
    public record Temperature(String zone, String type, double celsius) {
    }

    /**
     * VPU load as the MPP driver reports it; {@code available=false} with the reason elsewhere, never a zero.
     *
     * @param available whether the board exposes it
     * @param source    the file read
     * @param cores     load in % per encoder/decoder core
     * @param note      why it is not available, or null
     */
    public record VpuLoad(boolean available, String source, java.util.Map<String, Double> cores, String note) {
    }
}
