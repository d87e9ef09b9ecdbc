package dev.r58ctl.kernel;

import java.util.regex.Pattern;

/**
 * Turns one raw kernel log line from any source into a {@link KernelLine}. Guarantees: it never throws
 * on odd input (a line it does not recognise is kept whole as plain text), it reads the kernel's
 * timestamp wherever the source printed one, and it keeps the message's own leading spaces, because
 * stack frames and Oops details are told apart from ordinary lines by their indentation.
 *
 * <p>Text forms understood:
 * <ul>
 *   <li>dmesg: {@code [  494.442336] text}, also with {@code <6>} in front ({@code dmesg -r}, serial
 *       consoles), with a caller id ({@code [  494.442336][ T1234] text}) and {@code dmesg -T}'s
 *       {@code [Thu Dec 19 14:53:01 2024] text}</li>
 *   <li>the syslogd broadcast to terminals, which comes as {@code Message from syslogd@host at ...}
 *       (kept as ordinary text) then {@code  kernel:[  494.442336] text}</li>
 *   <li>syslog and journalctl: {@code Dec 19 14:53:01 host kernel: text}, also with a {@code [ts]}
 *       after {@code kernel:}, a {@code kern.err} token, ISO dates, and
 *       {@code journalctl -o short-monotonic}'s {@code [  494.442336] host kernel: text}</li>
 *   <li>{@code kernel: text}, and plain text</li>
 * </ul>
 */
public final class KernelText {
    /** "kernel:" further in than this is part of a message, not a syslog prefix. */
    private static final int MAX_PREFIX = 80;
    private static final Pattern SYSLOG_PREFIX = Pattern.compile(
            "\\s*(?:[A-Z][a-z]{2} +\\d{1,2} \\d{2}:\\d{2}:\\d{2}(?:\\.\\d+)?"
                    + "|\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}:\\d{2}\\S*)(?: \\S+){1,2} ");
    private static final Pattern HUMAN_TIME = Pattern.compile(
            "[A-Z][a-z]{2} [A-Z][a-z]{2} [ \\d]\\d \\d{2}:\\d{2}:\\d{2} \\d{4}");
    private static final String[] LEVELS = {"emerg", "alert", "crit", "err", "warn", "notice", "info", "debug"};

    private KernelText() {
    }

    /**
     * One record from /dev/kmsg. A record that does not parse (it should not happen) is kept as plain
     * text with sequence -1 rather than stopping the reader.
     *
     * @return the line, or null for a dictionary line ({@code " SUBSYSTEM=..."}), which is not a message
     */
    public static KernelLine fromKmsg(String record, long receivedMillis) {
        KmsgRecord r;
        try {
            r = KmsgRecord.parse(record);
        } catch (IllegalArgumentException e) {
            return fromText(record, -1, receivedMillis);
        }
        return r == null ? null : new KernelLine(r.seq(), r.micros(), r.priority(), r.text(), receivedMillis);
    }

    /** One line of text from dmesg, a syslog file, journalctl or a terminal. */
    public static KernelLine fromText(String raw, long seq, long receivedMillis) {
        String s = stripLineEnd(raw);
        int priority = -1;
        int i = 0;
        if (s.startsWith("<")) {
            int gt = s.indexOf('>');
            if (gt > 1 && gt <= 4 && digits(s, 1, gt)) {
                priority = Integer.parseInt(s, 1, gt, 10) & 7;
                i = gt + 1;
            }
        }
        if (i < s.length() && s.charAt(i) == '[') {
            int close = s.indexOf(']', i);
            long micros = close < 0 ? -1 : micros(s, i + 1, close);
            if (micros >= 0) {
                int t = skipHostKernel(s, skipCallerId(s, close + 1));
                return new KernelLine(seq, micros, priority, s.substring(t), receivedMillis);
            }
            if (close > 0 && HUMAN_TIME.matcher(s).region(i + 1, close).matches()) {
                return new KernelLine(seq, -1, priority, s.substring(skipOneSpace(s, close + 1)), receivedMillis);
            }
        }
        int k = s.indexOf("kernel:", i);
        if (k >= 0 && k <= MAX_PREFIX && syslogPrefix(s, i, k)) {
            if (priority < 0) {
                priority = levelToken(s, i, k);
            }
            int t = skipOneSpace(s, k + "kernel:".length());
            long micros = -1;
            if (t < s.length() && s.charAt(t) == '[') {
                int close = s.indexOf(']', t);
                micros = close < 0 ? -1 : micros(s, t + 1, close);
                if (micros >= 0) {
                    t = skipCallerId(s, close + 1);
                }
            }
            return new KernelLine(seq, micros, priority, s.substring(t), receivedMillis);
        }
        return new KernelLine(seq, -1, priority, i == 0 ? s : s.substring(i), receivedMillis);
    }

    /**
     * Where, at the latest, {@link #fromText}'s text begins in a raw UTF-8 line: after a dmesg timestamp
     * ({@code [  494.442336]}, also after {@code <6>}) when the line starts with a valid one, else the line's
     * start. So a search for what the text contains may start there. Cheap: it only looks at the timestamp.
     */
    static int textStartBound(byte[] b, int from, int to) {
        int i = from;
        if (i < to && b[i] == '<') { // "<6>": one to three digits, as fromText takes them
            int gt = i + 1;
            while (gt < to && gt - from <= 4 && b[gt] >= '0' && b[gt] <= '9') {
                gt++;
            }
            if (gt < to && b[gt] == '>' && gt - from > 1 && gt - from <= 4) {
                i = gt + 1;
            }
        }
        if (i >= to || b[i] != '[') {
            return from;
        }
        int k = i + 1;
        while (k < to && b[k] == ' ') {
            k++;
        }
        int whole = 0;
        while (k < to && b[k] >= '0' && b[k] <= '9') {
            k++;
            whole++;
        }
        if (whole == 0 || whole > 12 || k >= to || b[k] != '.') {
            return from;
        }
        int fraction = 0;
        for (k++; k < to && b[k] >= '0' && b[k] <= '9'; k++) {
            fraction++;
        }
        return fraction > 0 && k < to && b[k] == ']' ? k + 1 : from;
    }

    private static String stripLineEnd(String s) {
        int end = s.length();
        while (end > 0 && (s.charAt(end - 1) == '\n' || s.charAt(end - 1) == '\r')) {
            end--;
        }
        return end == s.length() ? s : s.substring(0, end);
    }

    /**
     * The printk timestamp between {@code from} and {@code to} ("  494.442336") in microseconds, or -1.
     * One pass: this runs on every line of dmesg text.
     */
    static long micros(String s, int from, int to) {
        int i = from;
        while (i < to && s.charAt(i) == ' ') {
            i++;
        }
        long seconds = 0;
        int whole = 0;
        for (; i < to && s.charAt(i) != '.'; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9' || ++whole > 12) {
                return -1;
            }
            seconds = seconds * 10 + (c - '0');
        }
        if (whole == 0 || i >= to) {
            return -1;
        }
        // printk prints six digits; pad or cut anything else to microseconds
        long fraction = 0;
        int digits = 0;
        for (i++; i < to; i++, digits++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            if (digits < 6) {
                fraction = fraction * 10 + (c - '0');
            }
        }
        if (digits == 0) {
            return -1;
        }
        for (; digits < 6; digits++) {
            fraction *= 10;
        }
        return seconds * 1_000_000L + fraction;
    }

    private static boolean digits(String s, int from, int to) {
        if (from >= to) {
            return false;
        }
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static int skipOneSpace(String s, int at) {
        return at < s.length() && s.charAt(at) == ' ' ? at + 1 : at;
    }

    /**
     * Skips the printk caller id after a timestamp, {@code [ T1234]} or {@code [C3]} (CONFIG_PRINTK_CALLER),
     * and the one space that separates the message. Only one space: the rest is the message's own.
     */
    private static int skipCallerId(String s, int at) {
        int b = at < s.length() && s.charAt(at) == '[' ? at : (s.startsWith(" [", at) ? at + 1 : -1);
        if (b >= 0) {
            int i = b + 1;
            while (i < s.length() && s.charAt(i) == ' ') {
                i++;
            }
            int close = s.indexOf(']', i);
            if (i < s.length() && (s.charAt(i) == 'T' || s.charAt(i) == 'C') && close > i + 1
                    && digits(s, i + 1, close)) {
                return skipOneSpace(s, close + 1);
            }
        }
        return skipOneSpace(s, at);
    }

    /** journalctl -o short-monotonic puts "host kernel: " after the timestamp. */
    private static int skipHostKernel(String s, int at) {
        int k = s.indexOf(" kernel: ", at);
        if (k <= at || k - at > 64) {
            return at;
        }
        for (int i = at; i < k; i++) {
            char c = s.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == '-' || c == '.' || c == '_')) {
                return at;
            }
        }
        return k + " kernel: ".length();
    }

    /** Blank (the syslogd broadcast's " kernel:"), or "date host [kern.level] " before "kernel:". */
    private static boolean syslogPrefix(String s, int from, int kernelAt) {
        boolean blank = true;
        for (int i = from; i < kernelAt && blank; i++) {
            blank = Character.isWhitespace(s.charAt(i));
        }
        return blank || SYSLOG_PREFIX.matcher(s).region(from, kernelAt).matches();
    }

    /** The priority from a rsyslog "kern.err" token in the prefix, or -1. */
    private static int levelToken(String s, int from, int to) {
        int at = s.indexOf("kern.", from);
        if (at < 0 || at >= to) {
            return -1;
        }
        for (int p = 0; p < LEVELS.length; p++) {
            if (s.startsWith(LEVELS[p], at + 5)) {
                return p;
            }
        }
        return -1;
    }
}
