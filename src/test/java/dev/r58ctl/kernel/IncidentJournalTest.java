package dev.r58ctl.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The journal's last sequence number, read without the mapper, is what reading every entry with the mapper gives. */
class IncidentJournalTest {
    @TempDir
    Path dir;

    private static final String ENTRY = "{\"time\":\"2026-12-05T12:22:35.147Z\",\"log\":\"%s\",\"seq\":%s,"
            + "\"mono_micros\":71515588,\"severity\":\"ERROR\",\"pattern\":\"oom\",\"incident\":\"K%s\",\"text\":\"x\"}";

    private long byMapper(IncidentJournal j, String log) throws IOException {
        return j.read(e -> e.log().equals(log)).stream().mapToLong(JournalEntry::seq).max().orElse(-1);
    }

    @Test
    void everyShapeOfLineGivesWhatTheMapperGives() throws IOException {
        List<String> lines = List.of(
                String.format(ENTRY, "file:/a.log", "7", "7"),
                String.format(ENTRY, "file:/b.log", "90", "90"),
                // written by r58ctl 0.1.0: camelCase, the same numbers
                "{\"time\":\"t\",\"log\":\"file:/a.log\",\"seq\":9,\"monoMicros\":-1,\"severity\":\"WARNING\","
                        + "\"pattern\":null,\"incident\":\"K9\",\"text\":\"t\"}",
                "{\"seq\":\"40\",\"log\":\"file:/a.log\"}", // a number in quotes: the mapper takes it
                "{\"log\":\"file:/a.log\",\"seq\":41,\"severity\":\"SEVERE\"}", // a severity it does not know: skipped
                "{\"log\":\"file:/a.log\",\"seq\":42,\"text\":{\"nested\":1}}", // text not text: skipped
                "{\"log\":\"file:/a.log\",\"seq\":11,\"extra\":{\"a\":[1,2,{\"seq\":99}]},\"mono_micros\":null}",
                "{\"log\":\"file:/a.log\",\"seq\":12,\"seq\":13}",
                "{\"log\":\"file:/a.log\",\"seq\":12.0}",
                "{\"log\":\"file:/a\\u002elog\",\"seq\":14}", // an escape: the same log
                "{\"log\":\"file:/a.log\",\"seq\":99999999999999999999999}",
                "{\"log\":\"file:/a.log\",\"seq\":15} trailing",
                "{ \"log\" : \"file:/a.log\", \"seq\" : 16 }", // spaces: the mapper reads it
                "{\"log\":\"file:/a.log\",\"seq\":017}", // a leading zero: not JSON
                "{\"log\":\"file:/a.log\",\"seq\":18,\"text\":\"tab\\t \\u00e9 \\\"q\\\"\",\"extra\":true}",
                "{\"log\":\"file:/a.log\",\"seq\":19,\"text\":true}", // text as a boolean: the mapper takes it
                "{\"log\":\"file:/a.log\",\"seq\":20,\"mono_micros\":1234567890123456789012}", // too big: skipped
                "{\"log\":\"file:/a.log\",\"seq\":21,\"mono_micros\":NaN}",
                "{\"log\":\"file:/a.log\",\"seq\":-5}",
                "{\"log\":\"file:/a.log\",\"seq\":null}",
                "{\"log\":\"file:/a.log\",\"seq\":22,\"text\":\"raw\ttab\"}", // a raw control character
                "{\"log\":\"file:/a.log\",\"seq\":23,}",
                "{\"log\":\"file:/a.log\"\"seq\":24}",
                "{\"log\":\"file:\\/a.log\",\"seq\":25}", // an escaped slash: the same log
                "{\"log\":\"file:/a.log\",\"seq\":26,\"severity\":\"CRITICAL\",\"pattern\":null,\"x\":1.5e3}",
                "",
                "[1,2]",
                "{\"log\":\"file:/a.log\",\"seq\":200"); // torn
        for (int drop = -1; drop < lines.size(); drop++) {
            Path state = Files.createDirectories(dir.resolve("s" + drop));
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < lines.size(); i++) {
                if (i != drop) {
                    sb.append(lines.get(i)).append(i == lines.size() - 1 ? "" : "\n");
                }
            }
            Files.writeString(state.resolve(IncidentJournal.FILE_NAME), sb);
            try (IncidentJournal j = new IncidentJournal(state, 1 << 20, 2)) {
                for (String log : List.of("file:/a.log", "file:/b.log", "file:/c.log")) {
                    assertEquals(byMapper(j, log), j.lastSeq(log), "without line " + drop + ", log " + log);
                }
            }
        }
    }

    @Test
    void theQuickReadIsSureOnlyOfFlatEntries() throws IOException {
        try (IncidentJournal j = new IncidentJournal(dir, 1 << 20, 2)) {
            j.append(new JournalEntry("t", "file:/k \"x\".log", 5, -1, Severity.ERROR, null, "K5", "a \"b\" \t é"));
            j.append(new JournalEntry("t", "5cae098e-3b6e-4a12-9775-33aa3b93d4c1", 6, 12, Severity.WARNING, "p", "K6", "c"));
            j.sync();
            List<String> written = Files.readAllLines(j.file());
            assertEquals(JournalLines.UNSURE, JournalLines.seq(written.get(0), "file:/k \"x\".log"), "an escape in the log");
            assertEquals(6, JournalLines.seq(written.get(1), "5cae098e-3b6e-4a12-9775-33aa3b93d4c1"), written.get(1));
            assertEquals(5, j.lastSeq("file:/k \"x\".log"));
        }
        assertEquals(7, JournalLines.seq(String.format(ENTRY, "L", "7", "7"), "L"));
        assertEquals(JournalLines.UNSURE, JournalLines.seq("{ \"log\":\"L\",\"seq\":7}", "L"));
        assertEquals(JournalLines.OTHER, JournalLines.seq(String.format(ENTRY, "M", "7", "7"), "L"));
        assertEquals(JournalLines.UNSURE, JournalLines.seq("{\"log\":\"L\",\"seq\":\"7\"}", "L"));
        assertEquals(JournalLines.UNSURE, JournalLines.seq("{\"log\":\"L\"", "L"));
        assertEquals(JournalLines.UNSURE, JournalLines.seq("{\"log\":\"L\",\"log\":\"L\",\"seq\":1}", "L"));
    }
}
