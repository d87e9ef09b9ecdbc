package dev.r58ctl.config;

import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The rules for encoder properties, shared by the {@code encoders:} section, known evidence and {@code --set}: a
 * property is a plain GStreamer name, a value is plain text or a number, and the bitrate is never one of them
 * (r58ctl sets it from each camera's kbit/s, in the unit the element wants). Also the normalised form of a set of
 * settings, which keys the stability matrix: mpph264enc crashed with some settings and ran for a week with others.
 */
public final class EncoderSettings {
    private static final Pattern PROPERTY = Pattern.compile("[a-z][a-z0-9-]{0,63}");
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_.+:/ -]{1,128}");
    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d{1,18}");
    private static final Pattern DECIMAL = Pattern.compile("[+-]?\\d{1,18}\\.\\d{1,12}");

    private EncoderSettings() {
    }

    /** Why {@code name} cannot be set on {@code encoder}, or null when it can. */
    public static String propertyProblem(KnownEncoder encoder, String name) {
        if (!PROPERTY.matcher(name).matches()) {
            return "not a property name (lower-case letters, digits and -)";
        }
        if (name.equals(encoder.bitrateProperty()) || name.equals("bitrate") || name.equals("bps")) {
            return "the bitrate comes from each camera's bitrate (kbit/s); r58ctl sets " + encoder.bitrateProperty()
                    + " from it";
        }
        return null;
    }

    /** Why {@code value} cannot be a property value, or null when it can. */
    public static String valueProblem(Object value) {
        if (value instanceof String s && !PLAIN.matcher(s).matches()) {
            return "expected a plain value (letters, digits, _ . + : / - and spaces), got " + YamlNode.quote(s);
        }
        return null;
    }

    /** Text from the command line as the natural value: true/false, a whole number, a decimal, else the text. */
    public static Object parse(String text) {
        String t = text.trim();
        if (t.equalsIgnoreCase("true") || t.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(t.toLowerCase());
        }
        if (INTEGER.matcher(t).matches()) {
            return Long.parseLong(t);
        }
        if (DECIMAL.matcher(t).matches()) {
            return Double.parseDouble(t);
        }
        return t;
    }

    /**
     * The normalised key of an encoder and its settings: the element, then {@code name=value} sorted by name, with
     * numbers written canonically (30, "30" and 30.0 are one value) and text trimmed. Null settings mean "not
     * recorded", which matches no run.
     */
    public static String key(String encoder, Map<String, Object> settings) {
        if (settings == null) {
            return encoder + " (settings unknown)";
        }
        StringJoiner j = new StringJoiner(" ");
        j.add(encoder);
        new TreeMap<>(settings).forEach((k, v) -> j.add(k + "=" + canonical(v)));
        return j.toString();
    }

    static String canonical(Object v) {
        Object value = v instanceof String s ? parse(s) : v;
        if (value instanceof Double d && d == Math.rint(d) && !d.isInfinite() && Math.abs(d) < 1e15) {
            return Long.toString(d.longValue());
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        return String.valueOf(value).trim();
    }
}
