package dev.r58ctl.kernel;

import dev.r58ctl.R58Exception;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Says whether a kernel line is trouble, and how bad. Guarantees: {@link #classify} returns null for an
 * ordinary line and otherwise the most severe matching pattern (the earlier in the table on a tie); it
 * allocates nothing for an ordinary line; an instance is immutable and safe to share between threads.
 *
 * <p>Why it is fast: all literals are looked for together in one pass over the line
 * ({@link LiteralScanner}); a regex runs only on a line that contains one of its pattern's literals,
 * which is rare, and only after cheaper tests of what the regex requires ({@link RegexChecks}).
 * Candidates are tried from the most severe down, so the first that verifies is the answer.
 */
public final class KernelClassifier {
    /** What a line matched: the pattern's id, its severity and its label. */
    public record Match(String patternId, Severity severity, String label) {
    }

    private final List<KernelPattern> patterns;
    /** The regexes, by rank: severity descending, then table order. */
    private final RegexChecks checks;
    /** Literals with non-ASCII characters, which the scanner may report on a look-alike. */
    private final List<List<String>> verifyLiterals;
    private final Match[] matches;
    private final LiteralScanner scanner;
    /** The same literals over UTF-8 bytes, for raw lines; null when some literal cannot be found that way. */
    private final LiteralScanner byteScanner;
    /**
     * For each pattern, the owners (from n on) under which the raw-line scanner reports the texts its regex
     * requires ({@link RegexChecks#runs}, those findable in bytes): all must be there for the regex to match.
     */
    private final int[][] runOwners;
    /** The literals alone over UTF-8 bytes, to pass over many raw lines at once; null with {@link #byteScanner}. */
    private final LiteralFilter literalFilter;

    /**
     * A classifier over exactly these patterns.
     *
     * @throws R58Exception when two patterns share an id
     */
    public KernelClassifier(List<KernelPattern> patterns) {
        Set<String> ids = new HashSet<>();
        for (KernelPattern p : patterns) {
            if (!ids.add(p.id())) {
                throw R58Exception.badInput("kernel pattern " + p.id() + " is defined twice");
            }
        }
        this.patterns = List.copyOf(patterns);
        List<KernelPattern> ranked = new ArrayList<>(this.patterns);
        // stable sort: equal severities keep table order
        ranked.sort(Comparator.comparing(KernelPattern::severity).reversed());
        int n = ranked.size();
        checks = new RegexChecks(ranked.stream().map(KernelPattern::regex).toList());
        verifyLiterals = new ArrayList<>(n);
        matches = new Match[n];
        List<String> literals = new ArrayList<>();
        List<Integer> owners = new ArrayList<>();
        for (int r = 0; r < n; r++) {
            KernelPattern p = ranked.get(r);
            // the scanner lumps non-ASCII characters together, so such literals need checking
            boolean ascii = p.literal().chars().allMatch(c -> c < 128);
            verifyLiterals.add(ascii ? null : p.literals());
            matches[r] = new Match(p.id(), p.severity(), p.label());
            for (String literal : p.literals()) {
                literals.add(literal);
                owners.add(r);
            }
        }
        int[] owner = owners.stream().mapToInt(Integer::intValue).toArray();
        scanner = new LiteralScanner(literals, owner, n);
        // raw lines: the literals, and as owners from n on the distinct texts the regexes require
        List<String> byteLiterals = new ArrayList<>(literals);
        List<Integer> byteOwners = new ArrayList<>(owners);
        List<String> runs = new ArrayList<>();
        runOwners = new int[n][];
        for (int r = 0; r < n; r++) {
            runOwners[r] = checks.runs(r).stream().filter(KernelClassifier::findableInBytes).mapToInt(run -> {
                if (!runs.contains(run)) {
                    runs.add(run);
                    byteLiterals.add(run);
                    byteOwners.add(n + runs.size() - 1);
                }
                return n + runs.indexOf(run);
            }).toArray();
        }
        boolean findable = literals.stream().allMatch(KernelClassifier::findableInBytes);
        byteScanner = findable
                ? LiteralScanner.forUtf8(byteLiterals, byteOwners.stream().mapToInt(Integer::intValue).toArray(),
                        n + runs.size())
                : null;
        literalFilter = findable
                ? new LiteralFilter(literals.stream().map(l -> l.getBytes(StandardCharsets.UTF_8)).toList())
                : null;
    }

    /**
     * Whether a literal found in decoded text is surely found in the raw bytes too: not when it holds a line
     * break (raw lines are split there), the replacement character (what a malformed byte decodes to) or half
     * of a surrogate pair (which has no UTF-8 form).
     */
    private static boolean findableInBytes(String literal) {
        return literal.codePoints().noneMatch(c -> c == '\n' || c == 0xFFFD || (c >= 0xD800 && c <= 0xDFFF));
    }

    /** The built-in table, {@link KernelPatterns#DEFAULTS}. */
    public static KernelClassifier defaults() {
        return Holder.DEFAULT;
    }

    /**
     * The built-in table plus patterns from configuration. An extra pattern with the id of a default
     * one replaces it in place (to change its severity, say); the others go after the defaults.
     */
    public static KernelClassifier withExtra(List<KernelPattern> extra) {
        Map<String, KernelPattern> table = new LinkedHashMap<>();
        for (KernelPattern p : KernelPatterns.DEFAULTS) {
            table.put(p.id(), p);
        }
        Set<String> seen = new HashSet<>();
        for (KernelPattern p : extra) {
            if (!seen.add(p.id())) {
                throw R58Exception.badInput("kernel pattern " + p.id() + " is defined twice");
            }
            table.put(p.id(), p);
        }
        return new KernelClassifier(new ArrayList<>(table.values()));
    }

    /**
     * Classifies one line's text (without timestamp or {@code kernel:} prefix).
     *
     * @return null for an ordinary line, else the most severe match
     */
    public Match classify(CharSequence text) {
        long[] hits = scanner.scan(text);
        if (hits == null) {
            return null;
        }
        int[] memo = null; // what the regexes' shared tails were found to be in this text
        for (int w = 0; w < hits.length; w++) {
            long bits = hits[w];
            while (bits != 0) {
                int r = (w << 6) + Long.numberOfTrailingZeros(bits);
                bits &= bits - 1;
                if (memo == null && checks.hasRegex(r)) {
                    memo = checks.newMemo();
                }
                if (verifies(r, text, memo)) {
                    return matches[r];
                }
            }
        }
        return null;
    }

    /**
     * Whether a line given as raw UTF-8 bytes might be trouble, without decoding it. Guarantees: false only when
     * {@link #classify} returns null for the decoded line and for any part of it (such as its text after the
     * timestamp), whether or not the bytes are well-formed UTF-8; allocates nothing. True means "decode it and
     * classify": almost every ordinary line is answered false after one table lookup per byte.
     *
     * @param utf8 the bytes; only {@code [from, to)} is read
     */
    public boolean mayMatch(byte[] utf8, int from, int to) {
        if (byteScanner == null) {
            return true;
        }
        long[] hits = byteScanner.scan(utf8, from, to);
        if (hits == null) {
            return false;
        }
        // as verifies() does, a regex pattern is out when a text its regex requires is absent
        for (int r = 0; r < runOwners.length; r++) {
            if ((hits[r >>> 6] & 1L << r) != 0 && all(hits, runOwners[r])) {
                return true;
            }
        }
        return false;
    }

    private static boolean all(long[] hits, int[] owners) {
        for (int o : owners) {
            if ((hits[o >>> 6] & 1L << o) == 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Where the first of the literals starts in {@code utf8[from, to)}, or {@code to} when none is there.
     * Guarantees: every line (of any text shape) that lies wholly before that position gets false from
     * {@link #mayMatch}, since a line without a literal cannot be trouble. Returns {@code from} when the literals
     * cannot be looked for in bytes. Allocates nothing.
     */
    public int firstLiteral(byte[] utf8, int from, int to) {
        return literalFilter == null ? from : literalFilter.first(utf8, from, to);
    }

    private boolean verifies(int r, CharSequence text, int[] memo) {
        List<String> check = verifyLiterals.get(r);
        if (check != null && check.stream().noneMatch(text.toString()::contains)) {
            return false;
        }
        return !checks.hasRegex(r) || checks.matches(r, text, memo);
    }

    /** The patterns, in table order. */
    public List<KernelPattern> patterns() {
        return patterns;
    }

    /** Built on first use: compiling the table costs a few milliseconds. */
    private static final class Holder {
        static final KernelClassifier DEFAULT = new KernelClassifier(KernelPatterns.DEFAULTS);
    }
}
