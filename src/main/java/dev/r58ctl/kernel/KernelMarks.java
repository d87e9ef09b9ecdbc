package dev.r58ctl.kernel;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.r58ctl.AtomicFile;
import dev.r58ctl.DiskFull;
import dev.r58ctl.Json;
import dev.r58ctl.R58Exception;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Named points in a kernel log ("test-encode-20261126T0130"), kept in {@code marks.json} and written atomically
 * (temp file, fsync, rename), so a mark taken just before a crash is still there after the reboot.
 */
public final class KernelMarks {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}");

    /**
     * A mark.
     *
     * @param log  the log it refers to (boot id or file:PATH)
     * @param seq  the last sequence number in that log when it was taken
     * @param time when it was taken (ISO-8601)
     */
    public record Mark(String log, long seq, String time) {
    }

    private final Path file;

    public KernelMarks(Path dir) {
        this.file = dir.resolve("marks.json");
    }

    public synchronized Map<String, Mark> all() {
        if (!Files.exists(file)) {
            return new TreeMap<>();
        }
        try {
            return new TreeMap<>(Json.mapper().readValue(file.toFile(), new TypeReference<Map<String, Mark>>() { }));
        } catch (IOException e) {
            throw R58Exception.failed(file + ": unreadable (" + e.getMessage() + ")");
        }
    }

    public Mark get(String name) {
        Mark m = all().get(name);
        if (m == null) {
            throw R58Exception.badInput("no kernel-log mark \"" + name + "\"" + (all().isEmpty() ? ""
                    : "; marks: " + String.join(", ", all().keySet())));
        }
        return m;
    }

    public synchronized Mark put(String name, Mark mark) {
        if (!NAME.matcher(name).matches()) {
            throw R58Exception.badInput("mark name \"" + name + "\": use 1-64 letters, digits, _ . : -");
        }
        Map<String, Mark> marks = all();
        marks.put(name, mark);
        try {
            AtomicFile.write(file, Json.pretty().writeValueAsBytes(marks));
        } catch (IOException e) {
            throw DiskFull.failed(file, e, "cannot write");
        }
        return mark;
    }
}
