package dev.r58ctl.metrics;

import java.util.HashSet;
import java.util.Set;

/**
 * Writes the Prometheus text format 0.0.4: each family once, its {@code # HELP} and {@code # TYPE} lines followed by
 * all its series. A family that gets no series writes nothing (before the first sample, say). Label values are
 * escaped ({@code \}, {@code "} and newlines), NaN and infinities are written as Prometheus reads them, and a series
 * repeated within a family (two disks reported under one path) is written once, the first value kept. One
 * StringBuilder, no regular expressions: a scrape costs a few microseconds.
 */
public final class Exposition {
    /** The content type of what {@link #text()} returns. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final StringBuilder out = new StringBuilder(4096);
    private final Set<String> families = new HashSet<>();
    private final Set<String> series = new HashSet<>();
    private final StringBuilder labels = new StringBuilder(128);
    private String name;
    private String type;
    private String help;
    private boolean headerWritten;

    /**
     * Starts a family; the series that follow belong to it.
     *
     * @param name metric name, {@code r58ctl_...}
     * @param type gauge or counter
     * @param help one line saying what it measures
     * @throws IllegalStateException when a family of that name was already started (a programming error)
     */
    public Exposition family(String name, String type, String help) {
        if (!families.add(name)) {
            throw new IllegalStateException("metric family " + name + " written twice");
        }
        this.name = name;
        this.type = type;
        this.help = help;
        this.headerWritten = false;
        series.clear();
        return this;
    }

    /**
     * One series of the current family.
     *
     * @param value       the value (NaN and infinities allowed)
     * @param labelPairs  label name, value, name, value...; a null value leaves that label out
     */
    public Exposition sample(double value, String... labelPairs) {
        if (name == null) {
            throw new IllegalStateException("a sample before any family");
        }
        labels.setLength(0);
        for (int i = 0; i + 1 < labelPairs.length; i += 2) {
            if (labelPairs[i + 1] == null) {
                continue;
            }
            labels.append(labels.length() == 0 ? "{" : ",").append(labelPairs[i]).append("=\"");
            escapeLabel(labelPairs[i + 1], labels);
            labels.append('"');
        }
        if (labels.length() > 0) {
            labels.append('}');
        }
        if (!series.add(labels.toString())) {
            return this;
        }
        if (!headerWritten) {
            out.append("# HELP ").append(name).append(' ');
            escapeHelp(help, out);
            out.append("\n# TYPE ").append(name).append(' ').append(type).append('\n');
            headerWritten = true;
        }
        out.append(name).append(labels).append(' ');
        number(value, out);
        out.append('\n');
        return this;
    }

    /** Everything written so far. */
    public String text() {
        return out.toString();
    }

    static void number(double v, StringBuilder to) {
        if (Double.isNaN(v)) {
            to.append("NaN");
        } else if (Double.isInfinite(v)) {
            to.append(v > 0 ? "+Inf" : "-Inf");
        } else if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            to.append((long) v);
        } else {
            String text = Double.toString(v);
            // 1.765000000004E9 reads well in Prometheus but not in a terminal: plain digits where Java chose powers
            to.append(text.indexOf('E') < 0 ? text : new java.math.BigDecimal(text).toPlainString());
        }
    }

    static void escapeLabel(String s, StringBuilder to) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> to.append("\\\\");
                case '"' -> to.append("\\\"");
                case '\n' -> to.append("\\n");
                default -> to.append(c);
            }
        }
    }

    static void escapeHelp(String s, StringBuilder to) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> to.append("\\\\");
                case '\n' -> to.append("\\n");
                default -> to.append(c);
            }
        }
    }
}
