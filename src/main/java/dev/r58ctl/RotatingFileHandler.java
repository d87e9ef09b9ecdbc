package dev.r58ctl;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;
import java.util.logging.ErrorManager;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.LogRecord;

/**
 * Appends to {@code r58ctl.log} and, past a size limit, moves it to {@code r58ctl.log.1} (and so on), so the current
 * log keeps the plain name an operator looks for (JUL's FileHandler would call it {@code r58ctl.log.0}, and give a
 * second process a log of its own). What it guarantees:
 * <ul>
 * <li>Nothing reaches the terminal: a record that cannot be written (a full disk, an unwritable directory) goes to
 * {@link Logging.Counting}, which counts it and prints nothing; the next record tries again.</li>
 * <li>Every r58ctl process on the machine shares the file: each record is one append, so lines of two processes
 * interleave whole, and rotation happens under an exclusive lock on {@code .r58ctl.log.lock} and only while
 * {@code r58ctl.log} is still the file found too big, so two processes never rotate under each other (a log would be
 * lost). A process whose file was moved away notices before its next record (the name points at another file) and
 * reopens the name. A record cut short by a full disk is taken back off the end.</li>
 * </ul>
 */
final class RotatingFileHandler extends Handler {
    private final Path file;
    private final Path lockFile;
    private final long limit;
    private final int keep;
    private final java.util.function.Supplier<Formatter> formatter;
    private FileChannel out;
    private Object openKey;

    /**
     * Opens the file when it can; when it cannot (the directory cannot be made) every record tries again, so the log
     * resumes once there is room. The formatter is made at the first record: JUL's SimpleFormatter costs a start-up
     * ~20 ms.
     */
    RotatingFileHandler(Path file, long limit, int keep, java.util.function.Supplier<Formatter> formatter) {
        this.file = file;
        this.lockFile = file.resolveSibling("." + file.getFileName() + ".lock");
        this.limit = limit;
        this.keep = keep;
        this.formatter = formatter;
        setErrorManager(new Logging.Counting());
        try {
            open();
        } catch (IOException e) {
            reportError(null, e, ErrorManager.OPEN_FAILURE);
        }
    }

    /** True when the file is open for writing. */
    synchronized boolean isOpen() {
        return out != null;
    }

    /**
     * Opens the name and notes which file it is, under the rotation lock: a rotation between the two would leave this
     * handler appending to the moved-away file while believing it holds the current one.
     */
    private void open() throws IOException {
        close();
        Files.createDirectories(file.getParent());
        synchronized (RotatingFileHandler.class) {
            try (FileChannel lc = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock held = lc.lock()) {
                openUnlocked();
            }
        }
    }

    private void openUnlocked() throws IOException {
        close();
        out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        BasicFileAttributes a = attributes();
        openKey = a == null ? null : a.fileKey();
    }

    private BasicFileAttributes attributes() throws IOException {
        try {
            return Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    /** Makes the formatter now, for a caller that is about to log and would rather pay for it off its own thread. */
    synchronized void prepare() {
        if (getFormatter() == null) {
            setFormatter(formatter.get());
        }
    }

    @Override
    public synchronized void publish(LogRecord record) {
        if (!isLoggable(record)) {
            return;
        }
        try {
            prepare();
            byte[] line = getFormatter().format(record).getBytes(java.nio.charset.StandardCharsets.UTF_8);
            BasicFileAttributes a = attributes();
            if (out == null || a == null || !Objects.equals(a.fileKey(), openKey)) {
                open(); // first record after a failure, or another r58ctl rotated the log
                a = attributes();
            }
            if (a != null && a.size() > 0 && a.size() + line.length > limit) {
                rotate(line.length);
            }
            AtomicFile.append(out, line);
        } catch (IOException | RuntimeException e) {
            reportError(null, e, ErrorManager.WRITE_FAILURE);
        }
    }

    /**
     * Moves the log aside unless another process did it first (see the class comment), then reopens the name, both
     * under the lock. The file lock keeps other processes out; the monitor, other handlers of this JVM (the lock is per
     * process).
     */
    private void rotate(int adding) throws IOException {
        synchronized (RotatingFileHandler.class) {
            try (FileChannel lc = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock held = lc.lock()) {
                BasicFileAttributes a = attributes();
                if (a != null && Objects.equals(a.fileKey(), openKey) && a.size() + adding > limit) {
                    for (int i = keep - 1; i >= 1; i--) {
                        Path from = i == 1 ? file : file.resolveSibling(file.getFileName() + "." + (i - 1));
                        if (Files.exists(from)) {
                            Files.move(from, file.resolveSibling(file.getFileName() + "." + i),
                                    StandardCopyOption.REPLACE_EXISTING);
                        }
                    }
                }
                openUnlocked();
            }
        }
    }

    @Override
    public synchronized void flush() {
        // every record is written straight to the file: nothing is buffered here
    }

    @Override
    public synchronized void close() {
        try {
            if (out != null) {
                out.close();
            }
        } catch (IOException e) {
            reportError(null, e, ErrorManager.CLOSE_FAILURE);
        }
        out = null;
    }
}
