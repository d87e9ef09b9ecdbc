package dev.r58ctl.history;

import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * One open segment: a gzip member written through a Deflater at its best compression. A SYNC_FLUSH ends a deflate
 * block on a line's end, so that everything before it reads back at once and survives a power cut once forced to
 * disk; the dictionary carries over, so compression stays good. Flushing every line costs a block per line (140
 * bytes a sample against 112 when flushed every 5 s: see docs/history.md), so the writer flushes samples every few
 * seconds and incidents at once.
 */
final class SegmentWriter implements AutoCloseable {
    private final Path file;
    private final long hourStart;
    private final FileOutputStream raw;
    private final GZIPOutputStream gzip;
    private long writtenBytes;

    private SegmentWriter(Path file, long hourStart, FileOutputStream raw, GZIPOutputStream gzip) {
        this.file = file;
        this.hourStart = hourStart;
        this.raw = raw;
        this.gzip = gzip;
    }

    /** Creates the next free part of the hour {@code hourStart} under {@code dir} (made if need be). */
    static SegmentWriter open(Path dir, long hourStart) throws IOException {
        Files.createDirectories(dir);
        Path file = Segments.next(dir, hourStart);
        FileOutputStream raw = new FileOutputStream(file.toFile(), false);
        try {
            GZIPOutputStream gzip = new GZIPOutputStream(raw, 8192, true) {
                {
                    def.setLevel(Deflater.BEST_COMPRESSION);
                }
            };
            return new SegmentWriter(file, hourStart, raw, gzip);
        } catch (IOException | RuntimeException e) {
            raw.close();
            throw e;
        }
    }

    Path file() {
        return file;
    }

    long hourStart() {
        return hourStart;
    }

    /**
     * Appends one line ({@code \n} added); with {@code flush}, ends the deflate block (SYNC_FLUSH) so that it and
     * every line before it are in the file, readable. Lines not flushed wait in the deflater.
     */
    void append(byte[] line, boolean flush) throws IOException {
        gzip.write(line);
        gzip.write('\n');
        if (flush) {
            gzip.flush();
        }
        writtenBytes += line.length + 1;
    }

    /** Forces what was written to the disk. */
    void force() throws IOException {
        raw.getChannel().force(false);
    }

    long uncompressedBytes() {
        return writtenBytes;
    }

    /** Ends the gzip member (its trailer) and forces the file. */
    @Override
    public void close() throws IOException {
        try {
            gzip.finish();
            force();
        } finally {
            gzip.close();
        }
    }

    /** Closes the file without a word, after a failed write: what was flushed before stays readable. */
    void abandon() {
        try {
            raw.close();
        } catch (IOException ignored) {
            // the file is torn at worst; the reader skips a torn tail
        }
    }
}
