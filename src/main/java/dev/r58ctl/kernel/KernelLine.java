package dev.r58ctl.kernel;

/**
 * One kernel log record as a source delivered it.
 *
 * @param seq             sequence number: the kernel's own for /dev/kmsg, else the source's line number; it
 *                        survives the reader restarting, so marks can refer to it
 * @param monotonicMicros the kernel's timestamp in microseconds since boot, or -1 when the source gave none
 * @param priority        syslog priority 0 (emerg) to 7 (debug), or -1 when unknown
 * @param text            the message, without timestamp or {@code kernel:} prefix
 * @param receivedMillis  wall-clock time it was read, in epoch milliseconds
 */
public record KernelLine(long seq, long monotonicMicros, int priority, String text, long receivedMillis) {
}
