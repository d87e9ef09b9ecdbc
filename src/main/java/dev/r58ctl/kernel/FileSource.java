package dev.r58ctl.kernel;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * A plain file of kernel lines (dmesg, journalctl or syslogd text), read from the start and, in follow mode,
 * followed as it grows: the reader blocks on inotify (Java's WatchService) instead of sleeping in a loop, and
 * starts again from the top when the file is truncated or replaced. Sequence numbers are line numbers.
 */
public final class FileSource implements KernelSource {
    private final Path file;
    private final boolean follow;
    private final WatchService watcher;
    private RandomAccessFile in;
    private Object fileKey;
    private long seq;
    private final ByteLines lines = new ByteLines();
    private volatile boolean closed;

    public FileSource(Path file, boolean follow) throws IOException {
        this.file = file.toAbsolutePath();
        this.follow = follow;
        if (!Files.isRegularFile(this.file)) {
            throw new IOException(this.file + ": no such file");
        }
        this.watcher = follow ? this.file.getFileSystem().newWatchService() : null;
        if (watcher != null) {
            this.file.getParent().register(watcher, StandardWatchEventKinds.ENTRY_MODIFY,
                    StandardWatchEventKinds.ENTRY_CREATE);
        }
        reopen();
    }

    private void reopen() throws IOException {
        if (in != null) {
            in.close();
        }
        in = new RandomAccessFile(file.toFile(), "r");
        fileKey = Files.readAttributes(file, BasicFileAttributes.class).fileKey();
        seq = 0;
        lines.clear();
    }

    @Override
    public String name() {
        return "file:" + file;
    }

    @Override
    public String logId() {
        return "file:" + file;
    }

    @Override
    public KernelLine next() throws IOException {
        return next(null);
    }

    /**
     * Reads lines as bytes from a large buffer; a line that {@code skip} passes over is never decoded, and the
     * lines before what {@link Skip#firstOfInterest} points at are passed over without being looked at one by one.
     */
    @Override
    public KernelLine next(Skip skip) throws IOException {
        while (!closed) {
            while (true) {
                if (skip != null) {
                    long passed = lines.passOver(in, skip);
                    if (passed > 0) {
                        seq += passed;
                        skip.passedOver(seq);
                    }
                }
                if (!lines.next(in)) {
                    break;
                }
                long n = ++seq;
                if (skip == null || !skip.skip(lines.bytes(), lines.from(), lines.to(), n)) {
                    return KernelText.fromText(lines.text(), n, System.currentTimeMillis());
                }
            }
            if (!follow) {
                if (lines.rest()) { // a last line without its newline
                    long n = ++seq;
                    if (skip == null || !skip.skip(lines.bytes(), lines.from(), lines.to(), n)) {
                        return KernelText.fromText(lines.text(), n, System.currentTimeMillis());
                    }
                }
                return null;
            }
            if (replacedOrTruncated()) {
                reopen();
                continue;
            }
            try {
                WatchKey key = watcher.take(); // blocks until the directory changes
                key.pollEvents();
                key.reset();
            } catch (ClosedWatchServiceException | InterruptedException e) {
                return null;
            }
        }
        return null;
    }

    private boolean replacedOrTruncated() throws IOException {
        if (!Files.exists(file)) {
            return false;
        }
        Object key = Files.readAttributes(file, BasicFileAttributes.class).fileKey();
        return (key != null && !key.equals(fileKey)) || Files.size(file) < in.getFilePointer();
    }

    @Override
    public void close() {
        closed = true;
        try {
            if (watcher != null) {
                watcher.close();
            }
            in.close();
        } catch (IOException ignored) {
            // closing: nothing left to do
        }
    }
}
