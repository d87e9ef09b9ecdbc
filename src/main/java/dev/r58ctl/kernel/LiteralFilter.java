package dev.r58ctl.kernel;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Finds where the first of a set of byte strings occurs in a large buffer, without looking at every byte's
 * neighbourhood: for a whole kernel log, most of which holds none of them. Guarantees: {@link #first} returns
 * the start of the earliest occurrence that lies wholly in the range, or the range's end when there is none;
 * it allocates nothing. Immutable and safe to share between threads.
 *
 * <p>How: let m be the length of the shortest string and q = min(3, m). Every occurrence holds a q-byte piece
 * starting at each of its first k = min(2, m - q + 1) offsets, so looking at the q bytes at every k-th
 * position is enough to come across one of them. Those pieces go into a small hashed bit set; where a piece
 * is in it, the first min(4, m) bytes at each position it could belong to are looked up in a second one, and
 * only then are the strings starting there compared. With the default patterns (m = 4) that is one 8-byte
 * read, three bit tests and one branch per six bytes, none waiting for the one before (an automaton waits for
 * each step before the next).
 */
final class LiteralFilter {
    private static final VarHandle INTS = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final int HASH = 0x9E3779B1;
    /** 2^16 bits (8 KiB) per set: a few hundred entries leave it almost empty, and it stays in the first-level cache. */
    private static final int BITS = 16;

    private final byte[][] literals;
    /** Length of a piece, and the step between the positions looked at. */
    private final int q;
    private final int step;
    private final int pieceMask;
    /** Length of a head: the bytes a string starts with that are looked up before comparing. */
    private final int head;
    private final int headMask;
    private final long[] pieces = new long[1 << (BITS - 6)];
    private final long[] heads = new long[1 << (BITS - 6)];
    /** The strings by their head: open addressing on head + 1 (0 is empty), and each head's strings. */
    private final int[] headKeys;
    private final int[][] headLiterals;

    /**
     * @param literals the strings to look for, none empty (with none, nothing is ever found)
     */
    LiteralFilter(List<byte[]> literals) {
        this.literals = literals.toArray(new byte[0][]);
        int m = Arrays.stream(this.literals).mapToInt(l -> l.length).min().orElse(1);
        if (m == 0) {
            throw new IllegalArgumentException("empty literal");
        }
        q = Math.min(3, m);
        step = Math.min(2, m - q + 1); // a longer step would not leave three pieces in eight bytes
        pieceMask = mask(q);
        head = Math.min(4, m);
        headMask = mask(head);
        int size = Integer.highestOneBit(Math.max(4, this.literals.length * 4 - 1)) << 1;
        headKeys = new int[size];
        List<List<Integer>> byHead = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            byHead.add(new ArrayList<>());
        }
        for (int l = 0; l < this.literals.length; l++) {
            byte[] literal = this.literals[l];
            for (int offset = 0; offset < step; offset++) {
                set(pieces, read(literal, offset, q));
            }
            int key = read(literal, 0, head);
            set(heads, key);
            int slot = slot(key);
            headKeys[slot] = key + 1;
            byHead.get(slot).add(l);
        }
        headLiterals = byHead.stream().map(h -> h.stream().mapToInt(Integer::intValue).toArray()).toArray(int[][]::new);
    }

    private static int mask(int bytes) {
        return (int) ((1L << (8 * bytes)) - 1);
    }

    /** {@code n} bytes from {@code at}, little-endian, as {@link #INTS} reads them. */
    private static int read(byte[] b, int at, int n) {
        int v = 0;
        for (int i = n - 1; i >= 0; i--) {
            v = v << 8 | (b[at + i] & 0xff);
        }
        return v;
    }

    private static void set(long[] bits, int key) {
        int h = (key * HASH) >>> (32 - BITS);
        bits[h >>> 6] |= 1L << h;
    }

    /** Where the key lives in {@link #headKeys}, or the empty slot it would take. */
    private int slot(int key) {
        int m = headKeys.length - 1;
        int s = (key * HASH) >>> 16 & m;
        while (headKeys[s] != 0 && headKeys[s] != key + 1) {
            s = (s + 1) & m;
        }
        return s;
    }

    /**
     * The start of the earliest occurrence of one of the strings that lies wholly in {@code b[from, to)}, or
     * {@code to} when there is none.
     */
    int first(byte[] b, int from, int to) {
        if (literals.length == 0) {
            return to;
        }
        final long[] set = pieces;
        final int k = step;
        final int k8 = 8 * k;
        final int msk = pieceMask;
        // three pieces from one eight-byte read (2k + q <= 8), tested together: one branch per 3k bytes
        int fast = Math.min(to, b.length) - 8;
        int p = from;
        for (; p <= fast; p += 3 * k) {
            long v = (long) LONGS.get(b, p);
            int h0 = (((int) v & msk) * HASH) >>> (32 - BITS);
            int h1 = (((int) (v >>> k8) & msk) * HASH) >>> (32 - BITS);
            int h2 = (((int) (v >>> 2 * k8) & msk) * HASH) >>> (32 - BITS);
            if ((((set[h0 >>> 6] >>> h0) | (set[h1 >>> 6] >>> h1) | (set[h2 >>> 6] >>> h2)) & 1L) != 0) {
                int at = check(b, Math.max(from, p - k + 1), p + 2 * k, to);
                if (at >= 0) {
                    return at;
                }
            }
        }
        // the last few bytes: one piece at a time (a piece read at p must end by to)
        for (int last = to - q; p <= last; p += k) {
            int h = (read(b, p, q) * HASH) >>> (32 - BITS);
            if ((set[h >>> 6] & 1L << h) != 0) {
                int at = check(b, Math.max(from, p - k + 1), p, to);
                if (at >= 0) {
                    return at;
                }
            }
        }
        return to;
    }

    /** The first position in [lo, hi] where one of the strings starts and ends by {@code to}, or -1. */
    private int check(byte[] b, int lo, int hi, int to) {
        for (int s = lo; s <= hi && s + head <= to; s++) {
            int key = s + 4 <= b.length ? (int) INTS.get(b, s) & headMask : read(b, s, head);
            int h = (key * HASH) >>> (32 - BITS);
            if ((heads[h >>> 6] & 1L << h) == 0) {
                continue;
            }
            int slot = slot(key);
            if (headKeys[slot] == 0) {
                continue;
            }
            for (int l : headLiterals[slot]) {
                byte[] literal = literals[l];
                if (s + literal.length <= to && Arrays.equals(b, s, s + literal.length, literal, 0, literal.length)) {
                    return s;
                }
            }
        }
        return -1;
    }
}
