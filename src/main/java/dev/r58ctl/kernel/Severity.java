package dev.r58ctl.kernel;

import java.util.Arrays;
import java.util.Locale;

/** How bad a kernel line is, in order. A letter goes with each, so severity is never told by colour alone. */
public enum Severity {
    /** Ordinary chatter. */
    INFO('I'),
    /** A warning or the start of a report ({@code WARNING: CPU:}, {@code cut here}, a call trace). */
    WARNING('W'),
    /** A driver error or a stall (mpp/rkvenc/vepu errors, IOMMU page faults, soft lockups, RCU stalls, hung tasks). */
    ERROR('E'),
    /** The kernel itself failed: Oops, panic, BUG, unable to handle a kernel pointer. */
    CRITICAL('C');

    private final char letter;

    Severity(char letter) {
        this.letter = letter;
    }

    public char letter() {
        return letter;
    }

    public boolean atLeast(Severity other) {
        return compareTo(other) >= 0;
    }

    /** Parses {@code info}, {@code warning}, {@code error} or {@code critical} (any case). */
    public static Severity parse(String text) {
        for (Severity s : values()) {
            if (s.name().equalsIgnoreCase(text.trim())) {
                return s;
            }
        }
        throw new IllegalArgumentException("expected one of " + String.join(", ",
                Arrays.stream(values()).map(s -> s.name().toLowerCase(Locale.ROOT)).toList()) + ", got \"" + text + "\"");
    }
}
