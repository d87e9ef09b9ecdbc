package dev.r58ctl.kernel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The patterns' regexes, each checked against a line's text cheapest test first, for
 * {@link KernelClassifier#classify}. Guarantees: {@link #matches} answers exactly as {@code find()} of the regex
 * over the text; immutable and safe to share between threads (the per-line memo is the caller's).
 *
 * <p>Why: java.util.regex costs microseconds a line under C1, and the lines that reach it are mostly chatter that
 * names a driver and holds an error word the driver patterns rule out (probe lines on every RK3588 boot). So
 * before the regex: the plain texts it requires ({@link RegexText#requiredRuns}), by String.indexOf; then, for a
 * regex {@code P.*?S}, whether S alone occurs after where P can end ({@link RegexText#lazyTail}). The driver
 * patterns share one S (the error word and the noise it rules out), which is looked for once a line however many
 * drivers the line names, instead of once for each driver and each place the driver's name is.
 */
final class RegexChecks {
    private final Pattern[] regex;
    /** Text every match starts with; "" when unknown. */
    private final String[] prefix;
    /** Texts every match contains, the prefix among them. */
    private final String[][] runs;
    /** The distinct lazy tails, and each regex's index among them, or -1. */
    private final Pattern[] tails;
    private final int[] tail;

    /** @param regexes by rank, null for a pattern without a regex */
    RegexChecks(List<String> regexes) {
        int n = regexes.size();
        regex = new Pattern[n];
        prefix = new String[n];
        runs = new String[n][];
        tail = new int[n];
        Map<String, Integer> tailIds = new LinkedHashMap<>();
        List<Pattern> compiledTails = new ArrayList<>();
        for (int r = 0; r < n; r++) {
            String re = regexes.get(r);
            regex[r] = re == null ? null : Pattern.compile(re);
            prefix[r] = re == null ? "" : RegexText.literalPrefix(re);
            List<String> required = re == null ? new ArrayList<>() : RegexText.requiredRuns(re);
            if (!prefix[r].isEmpty() && !required.contains(prefix[r])) {
                required.add(prefix[r]);
            }
            runs[r] = required.stream().distinct().toArray(String[]::new);
            String s = re == null ? null : RegexText.lazyTail(re);
            tail[r] = s == null ? -1 : tailIds.computeIfAbsent(s, k -> {
                compiledTails.add(Pattern.compile(k));
                return compiledTails.size() - 1;
            });
        }
        tails = compiledTails.toArray(new Pattern[0]);
    }

    /** Whether pattern {@code r} has a regex at all (else its literal decides). */
    boolean hasRegex(int r) {
        return regex[r] != null;
    }

    /** The plain texts a line must contain for pattern {@code r}'s regex to match it. */
    List<String> runs(int r) {
        return List.of(runs[r]);
    }

    /** A memo for one line: which tails were looked for, from where, and where they were found. */
    int[] newMemo() {
        int[] memo = new int[2 * tails.length];
        Arrays.fill(memo, -1);
        return memo;
    }

    /**
     * Whether pattern {@code r}'s regex finds a match in the text, as {@code find()} says.
     *
     * @param memo from {@link #newMemo}, the same for every pattern asked about one text
     */
    boolean matches(int r, CharSequence text, int[] memo) {
        if (!(text instanceof String s)) {
            return regex[r].matcher(text).find();
        }
        for (String run : runs[r]) {
            if (s.indexOf(run) < 0) {
                return false;
            }
        }
        // no match starts before the first place its prefix is (lookbehinds still see the whole line)
        int at = prefix[r].isEmpty() ? 0 : s.indexOf(prefix[r]);
        if (tail[r] >= 0 && !tailFound(tail[r], s, at + prefix[r].length(), memo)) {
            return false;
        }
        return regex[r].matcher(s).find(at);
    }

    /**
     * Whether tail {@code t} matches somewhere from {@code from} on; remembers the answer, which tells for any later
     * start too: found at q answers yes up to q, not found answers no from there on.
     */
    private boolean tailFound(int t, String s, int from, int[] memo) {
        int askedFrom = memo[2 * t];
        int foundAt = memo[2 * t + 1];
        if (askedFrom >= 0) {
            if (foundAt >= from) {
                return true;
            }
            if (foundAt < 0 && from >= askedFrom) {
                return false;
            }
        }
        Matcher m = tails[t].matcher(s);
        foundAt = m.find(from) ? m.start() : -1;
        memo[2 * t] = from;
        memo[2 * t + 1] = foundAt;
        return foundAt >= 0;
    }
}
