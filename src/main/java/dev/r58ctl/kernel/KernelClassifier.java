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
import java.util.regex.Pattern;

/**
 * Says whether a kernel line is trouble, and how bad. Guarantees: {@link #classify} returns null for an
 * ordinary line and otherwise the most severe matching pattern (the earlier in the table on a tie); it
 * allocates nothing for an ordinary line; an instance is immutable and safe to share between threads.
 *
 * <p>Why it is fast: all literals are looked for together in one pass over the line
 * ({@link LiteralScanner}); a regex runs only on a line that contains one of its pattern's literals,
 * which is rare, and only after String.indexOf found the plain text the regex must start with.
 * Candidates are tried from the most severe down, so the first that verifies is the answer.
 */
public final class KernelClassifier {
    /** What a line matched: the pattern's id, its severity and its label. */
    public record Match(String patternId, Severity severity, String label) {
    }

    private final List<KernelPattern> patterns;
    /** By rank: severity descending, then table order. */
    private final Pattern[] regex;
    /** Text every match of the regex starts with, checked with String.indexOf first; "" when unknown. */
    private final String[] regexPrefix;
    /** Literals with non-ASCII characters, which the scanner may report on a look-alike. */
    private final List<List<String>> verifyLiterals;
    private final Match[] matches;
    private final LiteralScanner scanner;
    /** The same literals over UTF-8 bytes, for raw lines; null when some literal cannot be found that way. */
    private final LiteralScanner byteScanner;
    /** Whether the raw-line scanner looks for {@link #regexPrefix} too (not when empty or unfindable in bytes). */
    private final boolean[] prefixScanned;
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
        regex = new Pattern[n];
        regexPrefix = new String[n];
        verifyLiterals = new ArrayList<>(n);
        matches = new Match[n];
        prefixScanned = new boolean[n];
        List<String> literals = new ArrayList<>();
        List<Integer> owners = new ArrayList<>();
        for (int r = 0; r < n; r++) {
            KernelPattern p = ranked.get(r);
            regex[r] = p.regex() == null ? null : Pattern.compile(p.regex());
            regexPrefix[r] = p.regex() == null ? "" : literalPrefix(p.regex());
            prefixScanned[r] = !regexPrefix[r].isEmpty() && findableInBytes(regexPrefix[r]);
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
        // raw lines: the literals, and as owners n + r the text pattern r's regex must start with
        List<String> byteLiterals = new ArrayList<>(literals);
        List<Integer> byteOwners = new ArrayList<>(owners);
        for (int r = 0; r < n; r++) {
            if (prefixScanned[r]) {
                byteLiterals.add(regexPrefix[r]);
                byteOwners.add(n + r);
            }
        }
        boolean findable = literals.stream().allMatch(KernelClassifier::findableInBytes);
        byteScanner = findable
                ? LiteralScanner.forUtf8(byteLiterals, byteOwners.stream().mapToInt(Integer::intValue).toArray(), 2 * n)
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
        for (int w = 0; w < hits.length; w++) {
            long bits = hits[w];
            while (bits != 0) {
                int r = (w << 6) + Long.numberOfTrailingZeros(bits);
                bits &= bits - 1;
                if (verifies(r, text)) {
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
        // as verifies() does, a regex pattern is out when the text its regex starts with is absent
        int n = regex.length;
        for (int r = 0; r < n; r++) {
            if ((hits[r >>> 6] & 1L << r) != 0 && (!prefixScanned[r] || (hits[(n + r) >>> 6] & 1L << (n + r)) != 0)) {
                return true;
            }
        }
        return false;
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

    private boolean verifies(int r, CharSequence text) {
        List<String> check = verifyLiterals.get(r);
        if (check != null && check.stream().noneMatch(text.toString()::contains)) {
            return false;
        }
        if (regex[r] == null) {
            return true;
        }
        // A regex that must start with "mpp" cannot match a line without it; indexOf is much cheaper
        // than letting java.util.regex try every position.
        if (!regexPrefix[r].isEmpty() && text instanceof String s) {
            int at = s.indexOf(regexPrefix[r]);
            // no match starts before the first place its text is; lookbehinds still see the whole line
            return at >= 0 && regex[r].matcher(s).find(at);
        }
        return regex[r].matcher(text).find();
    }

    /**
     * The plain text every match of the regex begins with: its leading run of letters, digits and simple
     * punctuation, less a last character that a quantifier follows. Empty when the regex has a top-level
     * alternative (then nothing is required) or starts with anything else.
     */
    static String literalPrefix(String regex) {
        int depth = 0;
        boolean inClass = false;
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\') {
                i++;
            } else if (inClass) {
                inClass = c != ']';
            } else if (c == '[') {
                inClass = true;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == '|' && depth == 0) {
                return "";
            }
        }
        int end = 0;
        while (end < regex.length() && (Character.isLetterOrDigit(regex.charAt(end))
                || " _-:,;'\"/=<>@#%&!~`".indexOf(regex.charAt(end)) >= 0)) {
            end++;
        }
        if (end < regex.length() && "?*{".indexOf(regex.charAt(end)) >= 0) {
            end--; // "ab?c": only "a" is certain
        }
        return end <= 0 ? "" : regex.substring(0, end);
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
