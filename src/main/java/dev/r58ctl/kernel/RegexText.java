package dev.r58ctl.kernel;

import java.util.ArrayList;
import java.util.List;

/**
 * What a pattern's regex says about the text of any line it matches, read from the regex itself, so that the
 * classifier can rule a line out with a substring search (or over raw bytes) before java.util.regex runs, which
 * costs microseconds a line under C1. Guarantees: every answer holds for every match; when the regex uses
 * something these rules do not follow (a top-level alternative, inline flags, {@code \Q}, nested character
 * classes, back-references), the answer is "nothing known" (an empty prefix, no runs, no tail), never a guess.
 */
final class RegexText {
    /** Characters taken as themselves outside a character class, besides letters and digits. */
    private static final String PLAIN = " _-:,;'\"/=<>@#%&!~`";

    private RegexText() {
    }

    private static boolean plain(char c) {
        return Character.isLetterOrDigit(c) || PLAIN.indexOf(c) >= 0;
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
        while (end < regex.length() && plain(regex.charAt(end))) {
            end++;
        }
        if (end < regex.length() && "?*{".indexOf(regex.charAt(end)) >= 0) {
            end--; // "ab?c": only "a" is certain
        }
        return end <= 0 ? "" : regex.substring(0, end);
    }

    /**
     * Runs of plain text that every match contains: those outside groups and classes, each less a last character
     * that {@code ?}, {@code *} or {@code {} follows ({@code +} keeps it, and ends the run). For
     * {@code rk[_-]iommu.*?fail}: "rk", "iommu", "fail".
     */
    static List<String> requiredRuns(String regex) {
        List<String> runs = new ArrayList<>();
        if (!followable(regex)) {
            return runs;
        }
        StringBuilder run = new StringBuilder();
        int depth = 0;
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            char next = i + 1 < regex.length() ? regex.charAt(i + 1) : 0;
            if (c == '\\') {
                i++; // an escape is not taken as text, even where it stands for one character
            } else if (c == '[') {
                i = classEnd(regex, i);
            } else if (c == '{') {
                i = regex.indexOf('}', i); // a quantifier's bounds are not text
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (depth == 0 && plain(c) && "?*{".indexOf(next) < 0) {
                run.append(c);
                if (next != '+') {
                    continue;
                }
            }
            if (run.length() > 0) {
                runs.add(run.toString());
                run.setLength(0);
            }
        }
        if (run.length() > 0) {
            runs.add(run.toString());
        }
        return runs;
    }

    /**
     * For a regex {@code P.*?S}, split at its first top-level {@code .*?}: S, which a match of the whole then
     * contains at or after the end of P's match, so S alone must match there. Null when there is no such split,
     * when S is empty, or when S could mean something else on its own (a back-reference, {@code \G}).
     */
    static String lazyTail(String regex) {
        if (!followable(regex) || regex.contains("\\G")) {
            return null;
        }
        int depth = 0;
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '[') {
                i = classEnd(regex, i);
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (depth == 0 && regex.startsWith(".*?", i)) {
                return i + 3 < regex.length() ? regex.substring(i + 3) : null;
            }
        }
        return null;
    }

    /**
     * Whether {@link #requiredRuns} and {@link #lazyTail} can read the regex: no top-level alternative, no inline
     * flags (which would change what the text after them means), no {@code \Q} quoting, no escape longer than
     * one character outside a class ({@code \x41}, {@code \p{Lu}}: their letters and digits are not text) nor
     * back-reference, and character classes that neither nest nor start with a literal {@code ]}.
     */
    private static boolean followable(String regex) {
        if (regex.contains("\\Q")) {
            return false;
        }
        int depth = 0;
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\') {
                if (++i < regex.length() && "pPxu0cNk123456789".indexOf(regex.charAt(i)) >= 0) {
                    return false;
                }
            } else if (c == '[') {
                i = classEnd(regex, i);
                if (i < 0) {
                    return false;
                }
            } else if (c == '(') {
                if (regex.startsWith("(?", i) && i + 2 < regex.length() && "idmsuxU-".indexOf(regex.charAt(i + 2)) >= 0) {
                    return false;
                }
                depth++;
            } else if (c == '{' && regex.indexOf('}', i) < 0) {
                return false;
            } else if (c == ')') {
                depth--;
            } else if (c == '|' && depth == 0) {
                return false;
            }
        }
        return true;
    }

    /** The index of the ']' closing the class opened at {@code open}, or -1 for a class these rules do not follow. */
    private static int classEnd(String regex, int open) {
        int i = open + 1;
        if (i < regex.length() && regex.charAt(i) == '^') {
            i++;
        }
        if (i < regex.length() && regex.charAt(i) == ']') {
            return -1; // a literal ']' first
        }
        for (; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '[') {
                return -1; // nested, or an intersection with a class
            } else if (c == ']') {
                return i;
            }
        }
        return -1;
    }
}
