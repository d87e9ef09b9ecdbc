package dev.r58ctl.kernel;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The evidence kept if the board dies a second later: every kernel line of warning severity or worse is appended
 * as one JSON line and forced to disk before {@link #append} returns. Bounded: past {@code maxBytes} the file
 * moves to {@code incidents.jsonl.1} (and so on, {@code keep} files in all).
 */
public final class IncidentJournal implements AutoCloseable {
    public static final String FILE_NAME = "incidents.jsonl";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final long maxBytes;
    private final int keep;
    private FileChannel channel;

    public IncidentJournal(Path dir, long maxBytes, int keep) throws IOException {
        Files.createDirectories(dir);
        this.file = dir.resolve(FILE_NAME);
        this.maxBytes = maxBytes;
        this.keep = Math.max(1, keep);
        open();
    }

    private void open() throws IOException {
        channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    }

    public Path file() {
        return file;
    }

    /** Writes one entry and forces it to the device. */
    public synchronized void append(JournalEntry entry) throws IOException {
        byte[] line = (JSON.writeValueAsString(entry) + "\n").getBytes(StandardCharsets.UTF_8);
        if (channel.size() > 0 && channel.size() + line.length > maxBytes) {
            rotate();
        }
        ByteBuffer b = ByteBuffer.wrap(line);
        while (b.hasRemaining()) {
            channel.write(b);
        }
        channel.force(false);
    }

    private void rotate() throws IOException {
        channel.close();
        for (int i = keep - 1; i >= 1; i--) {
            Path from = i == 1 ? file : file.resolveSibling(FILE_NAME + "." + (i - 1));
            if (Files.exists(from)) {
                Files.move(from, file.resolveSibling(FILE_NAME + "." + i), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        if (keep == 1) {
            Files.deleteIfExists(file);
        }
        open();
    }

    /** Every entry on disk, oldest first, that passes the filter; unreadable lines (a torn last write) are skipped. */
    public synchronized List<JournalEntry> read(Predicate<JournalEntry> filter) throws IOException {
        List<JournalEntry> out = new ArrayList<>();
        for (int i = keep - 1; i >= 0; i--) {
            Path f = i == 0 ? file : file.resolveSibling(FILE_NAME + "." + i);
            if (!Files.exists(f)) {
                continue;
            }
            try (BufferedReader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    try {
                        JournalEntry e = JSON.readValue(line, JournalEntry.class);
                        if (filter.test(e)) {
                            out.add(e);
                        }
                    } catch (IOException torn) {
                        // the board may have died mid-write: keep what is whole
                    }
                }
            }
        }
        return out;
    }

    /** The highest sequence number journaled for a log, or -1; lets a restarted reader skip what is on disk. */
    public long lastSeq(String log) throws IOException {
        return read(e -> e.log().equals(log)).stream().mapToLong(JournalEntry::seq).max().orElse(-1);
    }

    @Override
    public synchronized void close() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing to flush: every append was forced
        }
    }
}
