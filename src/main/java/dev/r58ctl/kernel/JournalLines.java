package dev.r58ctl.kernel;

import java.util.HashSet;
import java.util.Set;

/**
 * Reads the log and sequence number of one incident-journal line without the JSON mapper, for
 * {@link IncidentJournal#lastSeq}: the mapper's reader cost a one-shot {@code kmsg} 0.15 s to build, and even
 * Jackson's tokenizer 50 ms for a full journal, twice what reading the rest of its start takes. Guarantees: it
 * answers only for a line that is a flat JSON object as the journal writes it (no spaces between tokens, strings
 * and whole numbers, no escapes in names or in the log) whose fields hold what {@link JournalEntry} expects
 * (names in either spelling, unknown fields ignored), so that the mapper would read the same log and sequence
 * number; for anything else (a torn line, a number in quotes, a severity it does not know, a field given twice,
 * a nested value) it says {@link #UNSURE}, and the caller reads the line with the mapper.
 */
final class JournalLines {
    /** The line is an entry of another log. */
    static final long OTHER = -1;
    /** The mapper must read the line. */
    static final long UNSURE = -2;

    private static final Set<String> TEXT = Set.of("time", "pattern", "incident", "text");
    private static final Set<String> KNOWN = Set.of("time", "log", "seq", "mono_micros", "severity", "pattern",
            "incident", "text");
    private static final Set<String> SEVERITIES = new HashSet<>();

    static {
        for (Severity s : Severity.values()) {
            SEVERITIES.add(s.name());
        }
    }

    private final String line;
    private int at;

    private JournalLines(String line) {
        this.line = line;
    }

    /** The line's sequence number if it is an entry of {@code log}, else {@link #OTHER} or {@link #UNSURE}. */
    static long seq(String line, String log) {
        return new JournalLines(line).read(log);
    }

    private long read(String log) {
        if (!take('{')) {
            return UNSURE;
        }
        String entryLog = null;
        long seq = -1;
        Set<String> seen = new HashSet<>();
        while (!take('}')) {
            if (!seen.isEmpty() && !take(',')) {
                return UNSURE;
            }
            int nameAt = at;
            if (!string() || !take(':')) {
                return UNSURE;
            }
            String name = line.substring(nameAt + 1, at - 2);
            name = name.equals("monoMicros") ? "mono_micros" : name;
            boolean first = seen.add(name);
            if (name.indexOf('\\') >= 0 || !first && KNOWN.contains(name)) {
                return UNSURE;
            }
            int valueAt = at;
            char kind = value();
            String raw = line.substring(valueAt, at);
            boolean expected = switch (name) {
                case "log" -> kind == '"' && raw.indexOf('\\') < 0;
                case "seq" -> kind == '0' && raw.length() <= 18;
                case "mono_micros" -> kind == '0' && raw.length() <= 18 || kind == 'n';
                case "severity" -> kind == 'n' || kind == '"' && SEVERITIES.contains(raw.substring(1, raw.length() - 1));
                default -> kind != '?' && (!TEXT.contains(name) || kind == '"' || kind == 'n');
            };
            if (!expected) {
                return UNSURE;
            }
            if (name.equals("log")) {
                entryLog = raw.substring(1, raw.length() - 1);
            } else if (name.equals("seq")) {
                seq = Long.parseLong(raw);
            }
        }
        if (entryLog == null || seq < 0) {
            return UNSURE;
        }
        return entryLog.equals(log) ? seq : OTHER;
    }

    private boolean take(char c) {
        if (at < line.length() && line.charAt(at) == c) {
            at++;
            return true;
        }
        return false;
    }

    /** A string with JSON's escapes and no raw control characters; moves past it. */
    private boolean string() {
        if (!take('"')) {
            return false;
        }
        while (at < line.length()) {
            char c = line.charAt(at++);
            if (c == '"') {
                return true;
            }
            if (c < 0x20) {
                return false;
            }
            if (c == '\\') {
                if (at >= line.length()) {
                    return false;
                }
                char e = line.charAt(at++);
                if (e == 'u') {
                    for (int k = 0; k < 4; k++) {
                        if (at >= line.length() || Character.digit(line.charAt(at++), 16) < 0) {
                            return false;
                        }
                    }
                } else if ("\"\\/bfnrt".indexOf(e) < 0) {
                    return false;
                }
            }
        }
        return false;
    }

    /**
     * A value, moved past: '"' a string, '0' a whole number (as JSON writes it: no leading zero, no fraction),
     * '1' another number, 'n' null, 'b' true or false, '?' anything else (a nested value, bad JSON).
     */
    private char value() {
        if (at >= line.length()) {
            return '?';
        }
        char c = line.charAt(at);
        if (c == '"') {
            return string() ? '"' : '?';
        }
        for (String word : new String[] {"null", "true", "false"}) {
            if (line.startsWith(word, at)) {
                at += word.length();
                return end() ? word.charAt(0) == 'n' ? 'n' : 'b' : '?';
            }
        }
        int start = at;
        take('-');
        int digits = at;
        while (at < line.length() && line.charAt(at) >= '0' && line.charAt(at) <= '9') {
            at++;
        }
        if (at == digits || line.charAt(digits) == '0' && at - digits > 1) {
            return '?'; // no digits, or a leading zero, which JSON does not allow
        }
        boolean whole = true;
        if (take('.')) {
            whole = false;
            if (!digitsFollow()) {
                return '?';
            }
        }
        if (take('e') || take('E')) {
            whole = false;
            if (!take('+')) {
                take('-');
            }
            if (!digitsFollow()) {
                return '?';
            }
        }
        return !end() || at == start ? '?' : whole ? '0' : '1';
    }

    private boolean digitsFollow() {
        int from = at;
        while (at < line.length() && line.charAt(at) >= '0' && line.charAt(at) <= '9') {
            at++;
        }
        return at > from;
    }

    /** Whether a value ended where it should: before ',' or '}'. */
    private boolean end() {
        return at < line.length() && (line.charAt(at) == ',' || line.charAt(at) == '}');
    }
}
