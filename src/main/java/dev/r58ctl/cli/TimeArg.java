package dev.r58ctl.cli;

import dev.r58ctl.R58Exception;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A moment as an operator writes it: {@code HH:MM[:SS]} (today, local time; yesterday when that is still to come),
 * {@code YYYY-MM-DD HH:MM[:SS]} (local time), an ISO-8601 instant ({@code 2026-12-05T03:12:00Z}, or with an
 * offset), {@code now}, or a time back from now: {@code -15m}, {@code 2h ago}.
 */
final class TimeArg {
    static final String FORMATS = "HH:MM[:SS], YYYY-MM-DD HH:MM[:SS], an ISO-8601 instant, -15m or 2h ago";
    private static final Pattern CLOCK = Pattern.compile("(\\d{1,2}):(\\d{2})(?::(\\d{2}))?");
    private static final Pattern DATE_TIME = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})[ T](\\d{1,2}:\\d{2}(?::\\d{2})?)");
    private static final Pattern AGO = Pattern.compile("-\\s*(\\d+\\s*(?:ms|s|m|h|d))|(\\d+\\s*(?:ms|s|m|h|d))\\s+ago");

    private TimeArg() {
    }

    /** The moment {@code value} names, or a bad-input error naming {@code option} and the value (exit 2). */
    static Instant parse(String option, String value, Instant now, ZoneId zone) {
        String v = value == null ? "" : value.trim();
        try {
            if (v.equalsIgnoreCase("now")) {
                return now;
            }
            Matcher m = CLOCK.matcher(v);
            if (m.matches()) {
                LocalTime t = LocalTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                        m.group(3) == null ? 0 : Integer.parseInt(m.group(3)));
                LocalDate today = LocalDate.ofInstant(now, zone);
                Instant at = ZonedDateTime.of(today, t, zone).toInstant();
                return at.isAfter(now) ? ZonedDateTime.of(today.minusDays(1), t, zone).toInstant() : at;
            }
            m = DATE_TIME.matcher(v);
            if (m.matches()) {
                String time = m.group(2).length() <= 5 ? m.group(2) + ":00" : m.group(2);
                String padded = time.length() == 7 ? "0" + time : time;
                return LocalDateTime.parse(m.group(1) + "T" + padded).atZone(zone).toInstant();
            }
            m = AGO.matcher(v);
            if (m.matches()) {
                String amount = (m.group(1) != null ? m.group(1) : m.group(2)).replace(" ", "");
                Duration d = new DurationConverter().convert(amount);
                return now.minus(d);
            }
            if (v.contains("T") && (v.endsWith("Z") || v.endsWith("z"))) {
                return Instant.parse(v.toUpperCase(java.util.Locale.ROOT));
            }
            return OffsetDateTime.parse(v).toInstant();
        } catch (java.time.DateTimeException | NumberFormatException
                 | picocli.CommandLine.TypeConversionException e) {
            throw R58Exception.badInput(option + ": expected " + FORMATS + ", got \"" + value + "\"");
        }
    }
}
