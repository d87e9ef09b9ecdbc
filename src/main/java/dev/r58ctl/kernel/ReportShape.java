package dev.r58ctl.kernel;

import java.util.regex.Pattern;

/**
 * Knows what the lines of a kernel report look like, so the assembler can tell a report's body from the
 * chatter after it. Guarantees: it judges the text alone, and only shapes the kernel prints inside
 * reports (Oops, WARN, BUG, stalls, hung tasks, panics) count as part of one.
 */
final class ReportShape {
    /**
     * Lines inside a report. Indented lines first: frames ({@code  mpp_task_finish+0x5c/0x1a0}) and
     * the Oops details ({@code   ESR = ...}) are indented, chatter never is. The rest are the
     * unindented headings and dumps of arm64 (arch/arm64/kernel/traps.c, process.c, mm/fault.c),
     * arm32 and x86, kept for sources such as journald that may strip the indentation.
     */
    private static final Pattern BODY = Pattern.compile("(?:\\s"
            // arm64 and arm32 register dumps
            + "|(?:pc|lr|sp|ip|fp|sl) *: |x\\d{1,2} *: |r\\d{1,2} *: |pstate: |PC is at |LR is at |psr: "
            // Oops details
            + "|Mem abort info:|Data abort info:|(?:ESR|EC|SET|EA|FSC|ISV|CM|FAR|IL|WnR) = "
            + "|(?:user|swapper) pgtable:|\\[[0-9a-f]{8,16}\\] \\*?pgd=|pgd = |Internal error:|Process \\S+ \\(pid:"
            // who and where
            + "|Modules linked in:|CPU: \\d|Hardware name:|Workqueue:|Tainted:|Not tainted|task:\\S"
            + "|\"echo 0 > /proc/sys/kernel/hung_task_timeout_secs\""
            // traces, frames, code
            + "|Call [Tt]race:|Backtrace:|Stack:|Exception stack|Code: |---\\[ end |\\[<[0-9a-f]+>\\]|\\? "
            + "|[\\w.$]+\\+0x[0-9a-f]+/0x[0-9a-f]+|[0-9a-f]{4}: [0-9a-f]{8}|</?(?:IRQ|TASK|NMI|EOI|SOFTIRQ)>"
            // x86 registers
            + "|R[A-Z0-9]{1,2}: [0-9a-f]|[CDEFGS]S: |CR[0-4]: |DR[0-7]: |PKRU: "
            // stall and panic tails
            + "|rcu: |Task dump for CPU|Sending NMI|NMI backtrace|Showing (?:busy workqueues|all locks)"
            + "|\\d+ locks? held by|irq event stamp:|hardirqs last|softirqs last|note: "
            + "|Kernel Offset:|PHYS_OFFSET:|CPU features:|Memory Limit:|SMP: stopping|Rebooting in|Dumping ftrace)");
    /** Lines that begin a report of their own (lib/bug.c, kernel/panic.c, arch traps and faults). */
    private static final Pattern START = Pattern.compile("-\\[ cut here \\]|Internal error:|Unable to handle kernel"
            + "|Kernel panic - |\\bBUG[: ]|WARNING:|Oops[: ]|SError Interrupt|general protection fault|invalid opcode:"
            + "|Unhandled fault|INFO: task .* blocked|detected (?:expedited )?stall");
    private static final Pattern TRACE = Pattern.compile("Call [Tt]race:|Backtrace:");

    private ReportShape() {
    }

    /** Part of a report's body (registers, frames, details), judged from the start of the text. */
    static boolean isBody(String text) {
        return BODY.matcher(text).lookingAt();
    }

    /** A line that begins a report: it never joins a report whose trace has already been printed. */
    static boolean isStart(String text) {
        return START.matcher(text).find();
    }

    /** The marker that always begins a new report. */
    static boolean isCutHere(String text) {
        return text.contains("-[ cut here ]");
    }

    /** The heading of the call trace: after it, only trace-shaped lines belong to the report. */
    static boolean isTraceHeading(String text) {
        return TRACE.matcher(text).lookingAt();
    }

    /** {@code ---[ end trace ... ]---} or {@code ---[ end Kernel panic ... ]---}: the report is complete. */
    static boolean isEnd(String text) {
        return text.startsWith("---[ end ");
    }

    /**
     * Lines that are no part of the kernel's text and must neither join nor end a report: blank lines
     * and the syslogd broadcast header, which wrap every emergency line sent to terminals.
     */
    static boolean isNeutral(String text) {
        return text.isBlank() || text.startsWith("Message from syslogd@");
    }
}
