package dev.r58ctl.history;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code history --json}: one document {@code {"from":..,"to":..,"dir":..,"samples":[..],"incidents":[..],
 * "notes":[..]}}, written as the records are read (48 hours of samples never sit in memory at once). Samples are
 * as in the files; {@code incidents} holds the incident and guard records.
 */
public final class HistoryDocument {
    private HistoryDocument() {
    }

    /**
     * Writes the records of {@code from} to {@code to} (only the camera {@code camera} when not null) and the notes,
     * the reader's and {@code extra}.
     */
    public static void write(Writer out, HistoryReader reader, Instant from, Instant to, String camera,
                             List<String> extra) {
        try (JsonGenerator g = HistoryJson.MAPPER.getFactory().createGenerator(out)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.writeStartObject();
            g.writeStringField("from", from.toString());
            g.writeStringField("to", to.toString());
            g.writeStringField("dir", reader.dir().toString());
            g.writeArrayFieldStart("samples");
            List<HistoryRecord> events = new ArrayList<>();
            try (Stream<HistoryRecord> records = reader.read(from, to)) {
                records.forEach(r -> {
                    if (r instanceof SampleRecord s) {
                        write(g, camera == null ? s : s.onlyCamera(camera));
                    } else {
                        events.add(r);
                    }
                });
            }
            g.writeEndArray();
            g.writeArrayFieldStart("incidents");
            for (HistoryRecord r : events) {
                write(g, r);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("notes");
            for (String n : reader.notes()) {
                g.writeString(n);
            }
            for (String n : extra) {
                g.writeString(n);
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeRaw('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(JsonGenerator g, HistoryRecord r) {
        try {
            HistoryJson.MAPPER.writerFor(HistoryRecord.class).writeValue(g, r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
