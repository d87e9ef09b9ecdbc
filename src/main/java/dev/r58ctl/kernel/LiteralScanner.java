package dev.r58ctl.kernel;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Finds which of a fixed set of literals occur in a text, in one pass over its characters
 * (Aho-Corasick, compiled to a full transition table), and reports their owners (several literals may
 * belong to one owner, a pattern with alternatives). Guarantees: no literal that occurs is missed;
 * for all-ASCII literals the answer is exact, while a literal with other characters may be reported
 * when only a look-alike occurs (all non-ASCII characters share one class), so callers verify those.
 * Immutable and safe to share between threads.
 *
 * <p>Why: one {@code java.util.regex} alternation tried on every kernel line does about 0.3 M lines/s;
 * this does one table lookup per character and finds nothing on almost every line.
 *
 * <p>{@link #forUtf8} builds the same machine over the literals' UTF-8 bytes, to run on raw lines before
 * any text is decoded: there every byte value is a class of its own, so the answer is exact for bytes.
 */
final class LiteralScanner {
    /** Symbols below this have classes of their own: 128 for chars (the rest share one), 256 for bytes. */
    private final int alphabet;
    private final int[] classOf;
    private final int nonAscii;
    /** Transitions, indexed by state * width + class; values are already multiplied by width. */
    private final int[] delta;
    private final int width;
    /** States are numbered so that the accepting ones come last: "s >= acceptFrom" is the only test per character. */
    private final int acceptFrom;
    /** Owners of the literals found on reaching each accepting state, by (state / width - acceptFrom / width). */
    private final int[][] outputs;
    private final int words;

    /**
     * @param literals the literals to look for
     * @param owner    for each literal, the owner index reported when it is found
     * @param owners   how many owners there are (the size of the bit set {@link #scan} returns)
     */
    LiteralScanner(List<String> literals, int[] owner, int owners) {
        this(literals, owner, owners, 128);
    }

    /**
     * A scanner over the UTF-8 bytes of the literals, for {@link #scan(byte[], int, int)}: a literal occurs
     * in well-formed UTF-8 text exactly when its bytes occur in the text's bytes.
     */
    static LiteralScanner forUtf8(List<String> literals, int[] owner, int owners) {
        // each byte as one char 0..255, so that the machine is built over bytes
        List<String> bytes = literals.stream()
                .map(l -> new String(l.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1)).toList();
        return new LiteralScanner(bytes, owner, owners, 256);
    }

    private LiteralScanner(List<String> literals, int[] owner, int owners, int alphabet) {
        this.alphabet = alphabet;
        this.classOf = new int[alphabet];
        int classes = 1; // class 0: any character no literal uses
        boolean anyNonAscii = false;
        for (String literal : literals) {
            if (literal.isEmpty()) {
                throw new IllegalArgumentException("empty literal");
            }
            for (char c : literal.toCharArray()) {
                if (c >= alphabet) {
                    anyNonAscii = true;
                } else if (classOf[c] == 0) {
                    classOf[c] = classes++;
                }
            }
        }
        nonAscii = anyNonAscii ? classes++ : 0;
        width = classes;
        words = (owners + 63) / 64;

        // The trie, with -1 for a missing edge.
        List<int[]> next = new ArrayList<>();
        List<List<Integer>> out = new ArrayList<>();
        newState(next, out);
        for (int l = 0; l < literals.size(); l++) {
            int s = 0;
            for (char c : literals.get(l).toCharArray()) {
                int k = cls(c);
                if (next.get(s)[k] < 0) {
                    next.get(s)[k] = newState(next, out);
                }
                s = next.get(s)[k];
            }
            out.get(s).add(owner[l]);
        }

        // Breadth first: fill missing edges from the failure state, so scanning never backtracks.
        int[] fail = new int[next.size()];
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int k = 0; k < width; k++) {
            int child = next.get(0)[k];
            if (child < 0) {
                next.get(0)[k] = 0;
            } else {
                queue.add(child);
            }
        }
        while (!queue.isEmpty()) {
            int r = queue.poll();
            for (int k = 0; k < width; k++) {
                int u = next.get(r)[k];
                if (u < 0) {
                    next.get(r)[k] = next.get(fail[r])[k];
                } else {
                    fail[u] = next.get(fail[r])[k];
                    out.get(u).addAll(out.get(fail[u]));
                    queue.add(u);
                }
            }
        }

        // Renumber: non-accepting states first (the root stays 0), accepting ones last.
        int n = next.size();
        int[] renumber = new int[n];
        int id = 0;
        for (int s = 0; s < n; s++) {
            if (out.get(s).isEmpty()) {
                renumber[s] = id++;
            }
        }
        int firstAccept = id;
        for (int s = 0; s < n; s++) {
            if (!out.get(s).isEmpty()) {
                renumber[s] = id++;
            }
        }
        delta = new int[n * width];
        outputs = new int[n - firstAccept][];
        for (int s = 0; s < n; s++) {
            for (int k = 0; k < width; k++) {
                delta[renumber[s] * width + k] = renumber[next.get(s)[k]] * width;
            }
            if (!out.get(s).isEmpty()) {
                outputs[renumber[s] - firstAccept] = out.get(s).stream().mapToInt(Integer::intValue).distinct().toArray();
            }
        }
        acceptFrom = firstAccept * width;
    }

    private int newState(List<int[]> next, List<List<Integer>> out) {
        int[] row = new int[width];
        Arrays.fill(row, -1);
        next.add(row);
        out.add(new ArrayList<>());
        return next.size() - 1;
    }

    private int cls(char c) {
        return c < alphabet ? classOf[c] : nonAscii;
    }

    /**
     * The owners of the literals found in the text, as a bit set ({@code words()} longs), or null when
     * none occurs, which is the common case and allocates nothing.
     */
    long[] scan(CharSequence text) {
        final int[] d = delta;
        final int[] map = classOf;
        final int na = nonAscii;
        final int accept = acceptFrom;
        int s = 0;
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            s = d[s + (c < 128 ? map[c] : na)];
            if (s >= accept) {
                return scanFrom(text, i + 1, s);
            }
        }
        return null;
    }

    /**
     * The owners of the literals whose bytes occur in {@code bytes[from, to)}, as {@link #scan(CharSequence)}
     * gives them, or null when none does (the common case, which allocates nothing). Only for a scanner made
     * by {@link #forUtf8}.
     */
    long[] scan(byte[] bytes, int from, int to) {
        final int[] d = delta;
        final int[] map = classOf;
        final int accept = acceptFrom;
        int s = 0;
        for (int i = from; i < to; i++) {
            s = d[s + map[bytes[i] & 0xff]];
            if (s >= accept) {
                long[] hits = new long[words];
                mark(hits, s);
                for (i++; i < to; i++) {
                    s = d[s + map[bytes[i] & 0xff]];
                    if (s >= accept) {
                        mark(hits, s);
                    }
                }
                return hits;
            }
        }
        return null;
    }

    private long[] scanFrom(CharSequence text, int from, int state) {
        long[] hits = new long[words];
        int s = state;
        mark(hits, s);
        for (int i = from, n = text.length(); i < n; i++) {
            s = delta[s + cls(text.charAt(i))];
            if (s >= acceptFrom) {
                mark(hits, s);
            }
        }
        return hits;
    }

    private void mark(long[] hits, int s) {
        for (int owner : outputs[(s - acceptFrom) / width]) {
            hits[owner >>> 6] |= 1L << owner;
        }
    }

    int words() {
        return words;
    }
}
