package dev.r58ctl.bundle;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hides secret-looking values in configuration text: the value of every key whose name contains password, secret,
 * token or key (any case), in YAML ({@code key: v}, flow maps), JSON ({@code "key": "v"}), INI and env files
 * ({@code key=v}, {@code export KEY=v}) and command-line words ({@code --api-key=v}), becomes {@code <redacted>}.
 * A secret key that opens a block (nothing after it, {@code |}, {@code >}, or an unclosed {@code {} or {@code [})
 * has every more-indented line below it redacted too. Lines are never added or removed, so line numbers in an
 * incident report still match the board's file. Encoder settings named after key frames ({@code key-int-max},
 * {@code keyint}, {@code keyframe-interval}) are evidence, not secrets, and stay.
 */
public final class Redactor {
    public static final String REDACTED = "<redacted>";
    private static final String NAME = "[A-Za-z0-9_.-]*";
    private static final Pattern SECRET = Pattern.compile(
            "(?<=^|[\\s{,\\[;&?])([\"']?)(" + NAME + "(?i:password|secret|token|key(?![-_]?(?:int|frame)))" + NAME
                    + ")\\1(\\s*[:=][ \\t]*)");
    private static final Pattern ANY_KEY = Pattern.compile("^\\s*(?:-\\s+)?([\"']?)" + NAME + "\\1(\\s*:[ \\t]*)");
    private static final Pattern INDENT = Pattern.compile("^[ \\t]*(?:-[ \\t]+)?");

    private Redactor() {
    }

    /** The text with secret-looking values replaced, line for line, line endings kept. */
    public static String redact(String text) {
        String[] lines = text.split("\n", -1);
        int block = -1; // indent of the secret key whose block is being hidden, or -1
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < lines.length; i++) {
            String raw = lines[i];
            boolean cr = raw.endsWith("\r");
            String line = cr ? raw.substring(0, raw.length() - 1) : raw;
            int indent = indent(line);
            if (block >= 0 && (line.isBlank() || indent > block)) {
                line = hideInBlock(line);
            } else {
                block = -1;
                StringBuilder sb = new StringBuilder();
                if (redactLine(line, sb)) {
                    block = indent;
                }
                line = sb.toString();
            }
            out.append(line).append(cr ? "\r" : "");
            if (i < lines.length - 1) {
                out.append('\n');
            }
        }
        return out.toString();
    }

    /** Redacts every secret key's value on the line into {@code sb}; true when the last one opens a block. */
    private static boolean redactLine(String line, StringBuilder sb) {
        Matcher m = SECRET.matcher(line);
        int pos = 0;
        boolean opens = false;
        boolean flow = false;
        while (m.find(pos)) {
            int start = m.end();
            flow |= line.lastIndexOf('{', m.start()) >= 0 || line.lastIndexOf('[', m.start()) >= 0;
            String before = line.substring(0, m.start()).strip();
            // key=value after other words is one word of a command line or URL: it ends at white space
            boolean word = m.group(3).contains("=") && !before.isEmpty() && !before.equals("export");
            int end = valueEnd(line, start, flow ? ",}]" : word ? " \t&" : "");
            String value = line.substring(start, end);
            sb.append(line, pos, start);
            opens = value.isEmpty() || value.matches("[|>][-+0-9]*") || unclosed(value);
            // a JSON key's bare value (a number, true) is hidden as a string, so the file still parses
            sb.append(opens ? value : hide(value, m.group(1).equals("\"")));
            pos = end;
        }
        sb.append(line.substring(pos));
        return opens;
    }

    /** A line inside a hidden block: its own key stays, its value or its text goes. */
    private static String hideInBlock(String line) {
        if (line.isBlank()) {
            return line;
        }
        Matcher k = ANY_KEY.matcher(line);
        if (k.find() && k.end() < line.length()) {
            int end = valueEnd(line, k.end(), "");
            return line.substring(0, k.end()) + hide(line.substring(k.end(), end), k.group(1).equals("\""))
                    + line.substring(end);
        }
        if (k.find(0) && k.end() == line.length()) {
            return line; // a nested key that opens a block of its own
        }
        Matcher in = INDENT.matcher(line);
        in.find();
        String rest = line.substring(in.end());
        return line.substring(0, in.end()) + (rest.matches("[\\]}],?") ? rest : hide(rest));
    }

    /** Where a value starting at {@code from} ends: its closing quote, a comment, one of {@code stops}, the line's end. */
    private static int valueEnd(String line, int from, String stops) {
        if (from >= line.length()) {
            return from;
        }
        char q = line.charAt(from);
        if (q == '"' || q == '\'') {
            for (int i = from + 1; i < line.length(); i++) {
                if (line.charAt(i) == '\\' && q == '"') {
                    i++;
                } else if (line.charAt(i) == q) {
                    return i + 1;
                }
            }
            return line.length();
        }
        int end = line.length();
        int comment = line.indexOf(" #", from);
        if (comment >= 0) {
            end = comment;
        }
        if (!stops.isEmpty()) {
            for (int i = from; i < end; i++) {
                if (stops.indexOf(line.charAt(i)) >= 0) {
                    end = i;
                    break;
                }
            }
        }
        while (end > from && Character.isWhitespace(line.charAt(end - 1))) {
            end--;
        }
        return end;
    }

    private static String hide(String value) {
        return hide(value, false);
    }

    /** The value as {@code <redacted>}, keeping its quotes and a JSON line's trailing comma; quoted if asked. */
    private static String hide(String value, boolean quoteBare) {
        String comma = value.endsWith(",") ? "," : "";
        String v = comma.isEmpty() ? value : value.substring(0, value.length() - 1);
        if (v.length() >= 2 && (v.charAt(0) == '"' || v.charAt(0) == '\'') && v.endsWith(v.substring(0, 1))) {
            return v.charAt(0) + REDACTED + v.charAt(0) + comma;
        }
        return (quoteBare ? '"' + REDACTED + '"' : REDACTED) + comma;
    }

    private static boolean unclosed(String value) {
        return (value.startsWith("{") && !value.contains("}")) || (value.startsWith("[") && !value.contains("]"));
    }

    private static int indent(String line) {
        int n = 0;
        while (n < line.length() && (line.charAt(n) == ' ' || line.charAt(n) == '\t')) {
            n++;
        }
        return n;
    }
}
