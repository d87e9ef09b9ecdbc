package dev.r58ctl.kernel;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.r58ctl.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The evidence kept if the board dies a second later: every kernel line of warning severity or worse is handed
 * to a writer thread that appends it as one JSON line and forces it to the device at once, batching what arrived
 * meanwhile. The kernel-log reader never waits for the disk: an fsync took up to 300 ms here under load, and
 * ext4 blocks writes to a file while it is being forced. Bounded: past {@code maxBytes} the file moves to
 * {@code incidents.jsonl.1} (and so on, {@code keep} files in all).
 */
public final class IncidentJournal implements AutoCloseable {
    public static final String FILE_NAME = "incidents.jsonl";
    private static final Logger LOG = LoggerFactory.getLogger(IncidentJournal.class);

    private final Path file;
    private final long maxBytes;
    private final int keep;
    private final ArrayDeque<byte[]> pending = new ArrayDeque<>();
    private final Object diskLock = new Object();
    private FileChannel channel;
    private boolean closed;
    private Thread writer;

    public IncidentJournal(Path dir, long maxBytes, int keep) throws IOException {
        Files.createDirectories(dir);
        this.file = dir.resolve(FILE_NAME);
        this.maxBytes = maxBytes;
        this.keep = Math.max(1, keep);
        this.channel = open();
    }

    /**
     * Builds the JSON writer now, on a thread of its own, for a journal that will be written for long (a followed
     * log): done lazily, it cost the first Oops up to a second on a loaded 2-core machine; on its own thread, so
     * that opening the journal does not hold up the dashboard's first frame. Not for a one-shot read of a log,
     * where it would only take CPU from the reading, which builds the writer itself when it has something to write.
     */
    public void prepareWriter() {
        Thread warm = new Thread(() -> {
            try {
                toLine(new JournalEntry("", "", 0, 0, Severity.CRITICAL, "", "", ""));
            } catch (IOException | RuntimeException e) {
                LOG.warn("incident journal: cannot prepare its JSON writer: {}", e.toString());
            }
        }, "r58ctl-journal-warm");
        warm.setDaemon(true);
        warm.start();
    }

    private FileChannel open() throws IOException {
        return FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    }

    public Path file() {
        return file;
    }

    /** Queues one entry for the writer thread; returns at once. */
    public void append(JournalEntry entry) throws IOException {
        byte[] line = toLine(entry);
        synchronized (this) {
            if (closed) {
                throw new IOException(file + ": journal closed");
            }
            pending.addLast(line);
            if (writer == null) {
                writer = new Thread(this::writeLoop, "r58ctl-journal");
                writer.setDaemon(true);
                writer.start();
            }
            notifyAll();
        }
    }

    private static byte[] toLine(JournalEntry entry) throws JsonProcessingException {
        return (Json.mapper().writeValueAsString(entry) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private void writeLoop() {
        while (true) {
            List<byte[]> batch;
            synchronized (this) {
                while (pending.isEmpty() && !closed) {
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                if (pending.isEmpty()) {
                    return;
                }
                batch = new ArrayList<>(pending);
                pending.clear();
            }
            try {
                write(batch);
            } catch (IOException e) {
                LOG.error("{}", dev.r58ctl.DiskFull.message(file, e, "cannot write the incident journal"));
            }
        }
    }

    /**
     * Appends and forces; the one place that touches the file, so rotation and writing never interleave. A line cut
     * short by a full disk is taken back off the end, so the next line does not continue it.
     */
    private void write(List<byte[]> batch) throws IOException {
        synchronized (diskLock) {
            for (byte[] line : batch) {
                if (channel.size() > 0 && channel.size() + line.length > maxBytes) {
                    rotate();
                }
                dev.r58ctl.AtomicFile.append(channel, line);
            }
            channel.force(false);
        }
    }

    /** Writes and forces everything queued so far, on the caller's thread. */
    public void sync() throws IOException {
        List<byte[]> batch;
        synchronized (this) {
            batch = new ArrayList<>(pending);
            pending.clear();
        }
        write(batch);
    }

    private void rotate() throws IOException {
        channel.force(false);
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
        channel = open();
    }

    /** Every entry written so far, oldest first, that passes the filter; a torn last line is skipped. */
    public List<JournalEntry> read(Predicate<JournalEntry> filter) throws IOException {
        sync();
        List<JournalEntry> out = new ArrayList<>();
        synchronized (diskLock) {
            for (int i = keep - 1; i >= 0; i--) {
                Path f = i == 0 ? file : file.resolveSibling(FILE_NAME + "." + i);
                if (!Files.exists(f)) {
                    continue;
                }
                try (BufferedReader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
                    for (String line = r.readLine(); line != null; line = r.readLine()) {
                        try {
                            JournalEntry e = Json.mapper().readValue(line, JournalEntry.class);
                            if (filter.test(e)) {
                                out.add(e);
                            }
                        } catch (IOException torn) {
                            // the board may have died mid-write: keep what is whole
                        }
                    }
                }
            }
        }
        return out;
    }

    /**
     * The highest sequence number journaled for a log, or -1; lets a restarted reader skip what is on disk. The same
     * as reading every entry ({@link #read}), but each line is only tokenized: building the mapper's reader for
     * entries took a one-shot {@code kmsg} 0.15 s, its reading twice as long as the rest of its start. A line
     * {@link JournalLines} cannot vouch for is read as {@link #read} reads it.
     */
    public long lastSeq(String log) throws IOException {
        sync();
        long max = -1;
        synchronized (diskLock) {
            for (int i = keep - 1; i >= 0; i--) {
                Path f = i == 0 ? file : file.resolveSibling(FILE_NAME + "." + i);
                if (!Files.exists(f)) {
                    continue;
                }
                try (BufferedReader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
                    for (String line = r.readLine(); line != null; line = r.readLine()) {
                        long seq = JournalLines.seq(line, log);
                        if (seq == JournalLines.UNSURE) {
                            try {
                                JournalEntry e = Json.mapper().readValue(line, JournalEntry.class);
                                seq = e.log().equals(log) ? e.seq() : JournalLines.OTHER;
                            } catch (IOException torn) {
                                seq = JournalLines.OTHER; // the board may have died mid-write: keep what is whole
                            }
                        }
                        if (seq != JournalLines.OTHER) {
                            max = Math.max(max, seq);
                        }
                    }
                }
            }
        }
        return max;
    }

    @Override
    public void close() {
        Thread w;
        synchronized (this) {
            closed = true;
            notifyAll();
            w = writer;
        }
        if (w != null) {
            try {
                w.join(); // it writes what it holds and what is queued, then ends; the channel closes after that
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            sync();
        } catch (IOException e) {
            LOG.error("{}", dev.r58ctl.DiskFull.message(file, e, "cannot write the incident journal"));
        }
        synchronized (diskLock) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // everything was forced above
            }
        }
    }
}
