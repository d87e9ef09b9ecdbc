package dev.r58ctl.pipeline;

import java.util.regex.Pattern;

/**
 * Quoting for {@code gst-launch-1.0} descriptions and for the shell. A value from configuration is written
 * bare only when it can hold nothing but letters, digits and {@code _ . + / -}; anything else is put in
 * double quotes with {@code \} and {@code "} escaped, so no value can end its property and start an element.
 */
public final class GstQuote {
    private static final Pattern BARE = Pattern.compile("[A-Za-z0-9_.+/-]+");
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z0-9][a-z0-9_-]*");
    private static final Pattern SHELL_SAFE = Pattern.compile("[A-Za-z0-9_.,+/:=@%-]+");

    private GstQuote() {
    }

    /** A property value as it stands in a description. */
    public static String value(Object v) {
        if (v instanceof Boolean || v instanceof Integer || v instanceof Long) {
            return v.toString();
        }
        if (v instanceof Double d) {
            return Double.toString(d);
        }
        String s = String.valueOf(v);
        if (BARE.matcher(s).matches() && !s.startsWith("-")) {
            return s;
        }
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** Element factory names, element names and property names: checked, never quoted. */
    public static String identifier(String s) {
        if (s == null || !IDENTIFIER.matcher(s).matches()) {
            throw new IllegalArgumentException("not a GStreamer identifier: " + s);
        }
        return s;
    }

    /** One word for a POSIX shell: bare when safe, else in single quotes. */
    public static String shell(String word) {
        // "!" alone is safe: bash expands history only for "!" followed by a non-blank
        if (word.equals("!") || (!word.isEmpty() && SHELL_SAFE.matcher(word).matches())) {
            return word;
        }
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
