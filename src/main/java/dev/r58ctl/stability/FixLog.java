package dev.r58ctl.stability;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.r58ctl.AtomicFile;
import dev.r58ctl.DiskFull;
import dev.r58ctl.Json;
import dev.r58ctl.R58Exception;
import dev.r58ctl.config.Config;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Appends an entry for the stability runs not yet logged to the recorder's fix log ({@code recorder.repo} +
 * {@code recorder.fix_log}), newest first. Guarantees: the new entry goes right above the first existing entry
 * ({@code ## } heading), so every byte of the file stays as it was, before and after it; the file is replaced
 * atomically with its permissions kept; its line endings are followed; a run is logged once.
 */
public final class FixLog {
    static final String TITLE = "# Fix & Incident Log";

    /**
     * What was done.
     *
     * @param file the fix log
     * @param runs the runs the entry covers; empty when there was nothing new (and nothing was written)
     * @param text the entry as written
     */
    public record Appended(Path file, List<String> runs, String text) {
    }

    private final Config config;
    private final Path file;
    private final Path logged;
    private LocalDate date = LocalDate.now();

    public FixLog(Config config) {
        this.config = config;
        this.file = config.recorder().repo().resolve(config.recorder().fixLog());
        this.logged = config.stateDir().resolve("stability/fix-log-runs.json");
    }

    /** The entry's date; today unless set. */
    public FixLog date(LocalDate d) {
        this.date = d;
        return this;
    }

    public Path file() {
        return file;
    }

    /** Writes the entry for finished runs not logged before; nothing when there are none. */
    public Appended append(List<TestResult> all, MatrixReport report) {
        if (!Files.isDirectory(config.recorder().repo())) {
            throw R58Exception.badInput("recorder.repo " + config.recorder().repo()
                    + " does not exist: no fix log to write to");
        }
        Set<String> done = loggedIds();
        List<TestResult> runs = new ArrayList<>();
        for (TestResult r : all) {
            if (r.verdict() != Verdict.RUNNING && r.plan() != null && !done.contains(r.id())) {
                runs.add(r);
            }
        }
        if (runs.isEmpty()) {
            return new Appended(file, List.of(), "");
        }
        String text;
        try {
            byte[] old = Files.exists(file) ? Files.readAllBytes(file) : new byte[0];
            String eol = new String(old, StandardCharsets.UTF_8).contains("\r\n") ? "\r\n" : "\n";
            text = String.join(eol, FixLogEntry.lines(config, date, runs, report)) + eol + eol;
            AtomicFile.write(file, insert(old, text.getBytes(StandardCharsets.UTF_8), eol));
            runs.forEach(r -> done.add(r.id()));
        } catch (IOException e) {
            throw DiskFull.failed(file, e, "cannot write");
        }
        try {
            // after the entry: should this fail, the next run writes the entry again rather than never
            AtomicFile.write(logged, Json.mapper().writeValueAsBytes(done));
        } catch (IOException e) {
            throw DiskFull.failed(logged, e, "cannot write");
        }
        return new Appended(file, runs.stream().map(TestResult::id).toList(), text);
    }

    /** {@code entry} above the first {@code ## } heading of {@code old}, or at its end; a new file gets a title. */
    static byte[] insert(byte[] old, byte[] entry, String eol) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (old.length == 0) {
            out.writeBytes((TITLE + eol + eol).getBytes(StandardCharsets.UTF_8));
            out.writeBytes(entry);
            return out.toByteArray();
        }
        int at = firstHeading(old);
        if (at < 0) {
            out.writeBytes(old);
            boolean endsWithBlank = endsWith(old, eol + eol);
            if (!endsWithBlank) {
                out.writeBytes((endsWith(old, eol) ? eol : eol + eol).getBytes(StandardCharsets.UTF_8));
            }
            out.writeBytes(entry);
            return out.toByteArray();
        }
        out.write(old, 0, at);
        out.writeBytes(entry);
        out.write(old, at, old.length - at);
        return out.toByteArray();
    }

    /** Offset of the first line starting with "## ", or -1. */
    private static int firstHeading(byte[] b) {
        for (int i = 0; i + 2 < b.length; i++) {
            if ((i == 0 || b[i - 1] == '\n') && b[i] == '#' && b[i + 1] == '#' && b[i + 2] == ' ') {
                return i;
            }
        }
        return -1;
    }

    private static boolean endsWith(byte[] b, String suffix) {
        byte[] s = suffix.getBytes(StandardCharsets.UTF_8);
        if (b.length < s.length) {
            return false;
        }
        for (int i = 0; i < s.length; i++) {
            if (b[b.length - s.length + i] != s[i]) {
                return false;
            }
        }
        return true;
    }

    private Set<String> loggedIds() {
        if (!Files.exists(logged)) {
            return new LinkedHashSet<>();
        }
        try {
            return Json.mapper().readValue(logged.toFile(), new TypeReference<LinkedHashSet<String>>() { });
        } catch (IOException e) {
            throw R58Exception.failed(logged + ": unreadable (" + e.getMessage() + ")");
        }
    }
}
