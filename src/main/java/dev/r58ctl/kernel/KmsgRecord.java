package dev.r58ctl.kernel;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * One record read from {@code /dev/kmsg}, with every header field the kernel gave. Guarantees: the text
 * is unescaped (the kernel writes bytes below 0x20, 0x7f and up, and the backslash as {@code \xHH}),
 * and dictionary lines ({@code " KEY=VALUE"}) are never mistaken for messages.
 *
 * <p>The format is {@code PRI,SEQ,TS_USEC,FLAGS[,more];message}, then optional dictionary lines that
 * begin with a space (Documentation/ABI/testing/dev-kmsg in the kernel tree).
 *
 * @param priority syslog level, {@code PRI & 7}
 * @param facility syslog facility, {@code PRI >> 3}: 0 for the kernel itself, other values for lines
 *                 user space wrote into /dev/kmsg (systemd writes as 3, daemon)
 * @param seq      the kernel's sequence number; gaps mean records were overwritten before we read them
 * @param micros   monotonic timestamp in microseconds since boot
 * @param flag     {@code '-'} a whole record, {@code 'c'} the start of a continued line, {@code '+'} a
 *                 continuation; kernels since 4.9 merge continuations themselves and write only '-'
 * @param text     the message, unescaped
 */
public record KmsgRecord(int priority, int facility, long seq, long micros, char flag, String text) {

    /**
     * Parses one record. Only the first line counts: a whole read() from /dev/kmsg may carry the
     * dictionary lines after it.
     *
     * @return the record, or null for a dictionary line or an empty string
     * @throws IllegalArgumentException when the header is not {@code PRI,SEQ,TS_USEC,FLAGS;}
     */
    public static KmsgRecord parse(String record) {
        if (record.isEmpty() || record.charAt(0) == ' ') {
            return null;
        }
        int newline = record.indexOf('\n');
        String first = newline < 0 ? record : record.substring(0, newline);
        int semi = first.indexOf(';');
        if (semi < 0) {
            throw new IllegalArgumentException("no ';' after the kmsg header: " + first);
        }
        String[] fields = first.substring(0, semi).split(",", -1);
        if (fields.length < 4) {
            throw new IllegalArgumentException("kmsg header needs PRI,SEQ,TS_USEC,FLAGS: " + first);
        }
        int pri;
        long seq;
        long micros;
        try {
            pri = Integer.parseInt(fields[0]);
            seq = Long.parseLong(fields[1]);
            micros = Long.parseLong(fields[2]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("kmsg header is not numeric: " + first, e);
        }
        if (pri < 0 || seq < 0 || micros < 0) {
            throw new IllegalArgumentException("negative field in kmsg header: " + first);
        }
        char flag = fields[3].isEmpty() ? '-' : fields[3].charAt(0);
        return new KmsgRecord(pri & 7, pri >> 3, seq, micros, flag, unescape(first.substring(semi + 1)));
    }

    /** True when the kernel wrote this record itself, rather than a program writing into /dev/kmsg. */
    public boolean fromKernel() {
        return facility == 0;
    }

    /**
     * Undoes the kernel's {@code \xHH} escapes. The bytes are decoded as UTF-8, because that is how a
     * multi-byte character reaches us: one escape per byte. A backslash not followed by x and two hex
     * digits is kept as it is.
     */
    static String unescape(String s) {
        int at = s.indexOf("\\x");
        if (at < 0) {
            return s;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(s.length());
        byte[] head = s.substring(0, at).getBytes(StandardCharsets.UTF_8);
        bytes.write(head, 0, head.length);
        int i = at;
        while (i < s.length()) {
            char c = s.charAt(i);
            int hi;
            int lo;
            if (c == '\\' && i + 3 < s.length() && s.charAt(i + 1) == 'x'
                    && (hi = Character.digit(s.charAt(i + 2), 16)) >= 0
                    && (lo = Character.digit(s.charAt(i + 3), 16)) >= 0) {
                bytes.write(hi << 4 | lo);
                i += 4;
            } else {
                int end = i + Character.charCount(s.codePointAt(i));
                byte[] b = s.substring(i, end).getBytes(StandardCharsets.UTF_8);
                bytes.write(b, 0, b.length);
                i = end;
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
