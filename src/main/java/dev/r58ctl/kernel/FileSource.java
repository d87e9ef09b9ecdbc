package dev.r58ctl.kernel;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.io.ByteArrayOutputStream;

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
    private final ByteArrayOutputStream partial = new ByteArrayOutputStream();
    private final byte[] chunk = new byte[64 * 1024];
    private int chunkPos;
    private int chunkLen;
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
        chunkPos = chunkLen = 0;
        partial.reset();
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
        while (!closed) {
            String line = readLine();
            if (line != null) {
                return KernelText.fromText(line, ++seq, System.currentTimeMillis());
            }
            if (!follow) {
                if (partial.size() > 0) { // a last line without its newline
                    String last = partial.toString(StandardCharsets.UTF_8);
                    partial.reset();
                    return KernelText.fromText(last, ++seq, System.currentTimeMillis());
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

    /** The next complete line, or null when the file has no more complete lines yet. */
    private String readLine() throws IOException {
        while (true) {
            if (chunkPos == chunkLen) {
                chunkLen = in.read(chunk);
                chunkPos = 0;
                if (chunkLen <= 0) {
                    chunkLen = 0;
                    return null;
                }
            }
            for (int i = chunkPos; i < chunkLen; i++) {
                if (chunk[i] == '\n') {
                    partial.write(chunk, chunkPos, i - chunkPos);
                    chunkPos = i + 1;
                    String line = partial.toString(StandardCharsets.UTF_8);
                    partial.reset();
                    return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
                }
            }
            partial.write(chunk, chunkPos, chunkLen - chunkPos);
            chunkPos = chunkLen;
        }
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
