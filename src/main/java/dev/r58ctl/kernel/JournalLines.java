package dev.r58ctl.kernel;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.HashSet;
import java.util.Set;

/**
 * Reads the log and sequence number of one incident-journal line with Jackson's tokenizer alone, for
 * {@link IncidentJournal#lastSeq}: the object mapper's reader costs a one-shot command more to build than all the
 * reading. Guarantees: it answers only for a line whose entry the mapper would read with the same log and
 * sequence number, that is a whole object whose fields hold what {@link JournalEntry} expects (names in either
 * spelling, unknown fields ignored); for anything else (a torn line, a number in quotes, a severity it does not
 * know, a field given twice) it says {@link #UNSURE}, and the caller reads the line with the mapper.
 */
final class JournalLines {
    /** The line is an entry of another log. */
    static final long OTHER = -1;
    /** The mapper must read the line. */
    static final long UNSURE = -2;

    private static final JsonFactory FACTORY = new JsonFactory();
    private static final Set<String> TEXT = Set.of("time", "pattern", "incident", "text");
    private static final Set<String> KNOWN = Set.of("time", "log", "seq", "mono_micros", "severity", "pattern",
            "incident", "text");
    private static final Set<String> SEVERITIES = new HashSet<>();

    static {
        for (Severity s : Severity.values()) {
            SEVERITIES.add(s.name());
        }
    }

    private JournalLines() {
    }

    /** The line's sequence number if it is an entry of {@code log}, else {@link #OTHER} or {@link #UNSURE}. */
    static long seq(String line, String log) {
        try (JsonParser p = FACTORY.createParser(line)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return UNSURE;
            }
            String entryLog = null;
            long seq = -1;
            Set<String> seen = new HashSet<>();
            for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
                if (t != JsonToken.FIELD_NAME) {
                    return UNSURE;
                }
                String name = p.getCurrentName().equals("monoMicros") ? "mono_micros" : p.getCurrentName();
                JsonToken v = p.nextToken();
                if (KNOWN.contains(name) && (!seen.add(name) || !expected(name, v, p))) {
                    return UNSURE;
                }
                if (name.equals("log")) {
                    entryLog = p.getText();
                } else if (name.equals("seq")) {
                    seq = p.getLongValue();
                } else {
                    p.skipChildren(); // an unknown field's value, ignored as the mapper ignores it
                }
            }
            if (entryLog == null || seq < 0) {
                return UNSURE;
            }
            return entryLog.equals(log) ? seq : OTHER;
        } catch (IOException e) {
            return UNSURE;
        }
    }

    /** Whether a known field's value is what the mapper reads into {@link JournalEntry} as it stands. */
    private static boolean expected(String name, JsonToken v, JsonParser p) throws IOException {
        return switch (name) {
            case "log" -> v == JsonToken.VALUE_STRING;
            case "seq" -> v == JsonToken.VALUE_NUMBER_INT && p.getNumberType() != JsonParser.NumberType.BIG_INTEGER;
            case "mono_micros" -> v == JsonToken.VALUE_NULL
                    || v == JsonToken.VALUE_NUMBER_INT && p.getNumberType() != JsonParser.NumberType.BIG_INTEGER;
            case "severity" -> v == JsonToken.VALUE_NULL || v == JsonToken.VALUE_STRING && SEVERITIES.contains(p.getText());
            default -> !TEXT.contains(name) || v == JsonToken.VALUE_STRING || v == JsonToken.VALUE_NULL;
        };
    }
}
