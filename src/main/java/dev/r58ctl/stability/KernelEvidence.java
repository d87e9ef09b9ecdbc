package dev.r58ctl.stability;

import java.util.List;

/**
 * What the kernel log said during a test.
 *
 * @param source        the source read (e.g. {@code kmsg}, {@code file:/var/log/kern.log})
 * @param log           the log the mark refers to (boot id or file:PATH)
 * @param mark          the name of the mark taken at the start (in {@code kernel/marks.json})
 * @param markSeq       the log's last sequence number when the test started
 * @param threshold     the severity that counts as trouble
 * @param trouble       incidents at or above the threshold after the mark
 * @param stopLatencyMs from the trouble line being read to the pipeline stopped, or null when nothing stopped it
 */
public record KernelEvidence(String source, String log, String mark, long markSeq, String threshold,
                             List<TroubleIncident> trouble, Long stopLatencyMs) {
}
