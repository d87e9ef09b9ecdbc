package dev.r58ctl.kernel;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Splits what is read from a file into lines that stay where they were read: a line is a range of one large
 * buffer, so a caller can look at its bytes (and pass over it) before anything is decoded or copied. Lines end
 * at {@code '\n'}; one {@code '\r'} before it is left out too. A line that has no newline yet stays in the buffer
 * until more is read (a file being written), or is taken by {@link #rest()} (a torn last line). The buffer grows
 * to hold a line longer than itself. Not thread-safe.
 */
final class ByteLines {
    private static final int INITIAL = 256 * 1024;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long NEWLINES = 0x0a0a0a0a0a0a0a0aL;
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    private static final long LOWS = 0x7f7f7f7f7f7f7f7fL;

    private byte[] buf = new byte[INITIAL];
    /** Start of what has not been handed out yet. */
    private int pos;
    /** End of what has been read. */
    private int len;
    private int from;
    private int to;

    /** The buffer holding the current line: valid until the next call of {@link #next} or {@link #rest}. */
    byte[] bytes() {
        return buf;
    }

    /** Where the current line starts in {@link #bytes()}. */
    int from() {
        return from;
    }

    /** Where the current line ends (exclusive, before its line end) in {@link #bytes()}. */
    int to() {
        return to;
    }

    /** The current line, decoded (malformed bytes become U+FFFD). */
    String text() {
        return new String(buf, from, to - from, StandardCharsets.UTF_8);
    }

    /**
     * Moves to the next complete line, reading from {@code in} as needed.
     *
     * @return false when the file has no further complete line yet
     */
    boolean next(RandomAccessFile in) throws IOException {
        int at = pos;
        while (true) {
            final byte[] b = buf;
            final int end = len;
            int i = newline(b, at, end);
            if (i < end) {
                from = pos;
                to = i > pos && b[i - 1] == '\r' ? i - 1 : i;
                pos = i + 1;
                return true;
            }
            int kept = pos;
            if (!fill(in)) {
                return false;
            }
            at = end - kept; // fill moved the unfinished line to the start: search only what is new
        }
    }

    /**
     * Passes over the whole lines, from the current position on, that end before the position
     * {@link KernelSource.Skip#firstOfInterest} gives, reading on while it finds nothing; they are not handed
     * out. The line holding that position is left for {@link #next}.
     *
     * @return how many lines were passed over
     */
    long passOver(RandomAccessFile in, KernelSource.Skip skip) throws IOException {
        long n = 0;
        while (true) {
            int at = skip.firstOfInterest(buf, pos, len);
            if (at == pos) {
                return n;
            }
            int start = lastNewline(buf, pos, at) + 1;
            if (start > pos) {
                n += newlines(buf, pos, start);
                pos = start;
            }
            if (at < len || !fill(in)) { // nothing found: what is left is the start of a line, so read on
                return n;
            }
        }
    }

    /** The index of the last '\n' in {@code b[from, to)}, or {@code from - 1}. */
    static int lastNewline(byte[] b, int from, int to) {
        int i = to - 1;
        while (i >= from && b[i] != '\n') {
            i--;
        }
        return i;
    }

    /** How many '\n' there are in {@code b[from, to)}: eight bytes at a time, exact for every byte value. */
    static long newlines(byte[] b, int from, int to) {
        long n = 0;
        int i = from;
        for (; i + 8 <= to; i += 8) {
            long v = (long) LONGS.get(b, i) ^ NEWLINES;
            long zero = ~(((v & LOWS) + LOWS) | v | LOWS); // 0x80 in each byte of v that is 0, and nothing else
            n += ((zero >>> 7) * ONES) >>> 56; // adds up the bytes' ones in the top byte
        }
        for (; i < to; i++) {
            if (b[i] == '\n') {
                n++;
            }
        }
        return n;
    }

    /** The index of the first '\n' in {@code b[from, to)}, or {@code to}: eight bytes at a time (SWAR). */
    static int newline(byte[] b, int from, int to) {
        int i = from;
        for (; i + 8 <= to; i += 8) {
            long v = (long) LONGS.get(b, i) ^ NEWLINES;
            long zero = (v - ONES) & ~v & HIGHS; // the high bit of each byte of v that is 0, i.e. a '\n'
            if (zero != 0) {
                return i + (Long.numberOfTrailingZeros(zero) >>> 3);
            }
        }
        while (i < to && b[i] != '\n') {
            i++;
        }
        return i;
    }

    /** Takes what is left after the last complete line (a last line without its newline), if anything. */
    boolean rest() {
        if (pos == len) {
            return false;
        }
        from = pos;
        to = len;
        pos = len;
        return true;
    }

    /** Forgets everything buffered (the file was replaced or truncated). */
    void clear() {
        pos = len = 0;
    }

    /** Moves the unfinished line to the start, grows the buffer if it is full, and reads; false when nothing came. */
    private boolean fill(RandomAccessFile in) throws IOException {
        int kept = len - pos;
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, kept);
            pos = 0;
            len = kept;
        }
        if (len == buf.length) {
            byte[] bigger = new byte[buf.length * 2];
            System.arraycopy(buf, 0, bigger, 0, len);
            buf = bigger;
        }
        int n = in.read(buf, len, buf.length - len);
        if (n <= 0) {
            return false;
        }
        len += n;
        return true;
    }
}
