package dev.r58ctl.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The journal's last sequence number, read by tokens alone, is what reading every entry with the mapper gives. */
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
    void theSeqTokenizedIsSureOnlyOfPlainEntries() {
        assertEquals(7, JournalLines.seq(String.format(ENTRY, "L", "7", "7"), "L"));
        assertEquals(JournalLines.OTHER, JournalLines.seq(String.format(ENTRY, "M", "7", "7"), "L"));
        assertEquals(JournalLines.UNSURE, JournalLines.seq("{\"log\":\"L\",\"seq\":\"7\"}", "L"));
        assertEquals(JournalLines.UNSURE, JournalLines.seq("{\"log\":\"L\"", "L"));
        assertEquals(JournalLines.UNSURE, JournalLines.seq("{\"log\":\"L\",\"log\":\"L\",\"seq\":1}", "L"));
    }
}
