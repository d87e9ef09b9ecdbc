package dev.r58ctl.kernel;

/**
 * One line of the incident journal: a kernel line of warning severity or worse, or a line of an open report.
 *
 * @param time       wall-clock time it was read (ISO-8601)
 * @param log        the log it came from: the boot id, or file:PATH
 * @param seq        its sequence number in that log
 * @param monoMicros the kernel timestamp, or -1
 * @param severity   its severity
 * @param pattern    the pattern that matched, or null for a line that belongs to a report
 * @param incident   the incident it belongs to
 * @param text       the message
 */
public record JournalEntry(String time, String log, long seq, long monoMicros, Severity severity, String pattern,
                           String incident, String text) {
}
