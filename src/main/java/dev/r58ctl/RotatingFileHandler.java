package dev.r58ctl;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.LogRecord;

/**
 * Appends to {@code r58ctl.log} and, past a size limit, moves it to {@code r58ctl.log.1} (and so on), so the
 * current log keeps the plain name an operator looks for. JUL's FileHandler would call it {@code r58ctl.log.0}.
 */
final class RotatingFileHandler extends Handler {
    private final Path file;
    private final long limit;
    private final int keep;
    private final java.util.function.Supplier<Formatter> formatter;
    private OutputStream out;
    private long size;

    /** The formatter is made when the first record comes: JUL's SimpleFormatter costs a start-up ~20 ms. */
    RotatingFileHandler(Path file, long limit, int keep, java.util.function.Supplier<Formatter> formatter)
            throws IOException {
        this.file = file;
        this.limit = limit;
        this.keep = keep;
        this.formatter = formatter;
        open();
    }

    private void open() throws IOException {
        out = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        size = Files.size(file);
    }

    @Override
    public synchronized void publish(LogRecord record) {
        if (!isLoggable(record) || out == null) {
            return;
        }
        try {
            if (getFormatter() == null) {
                setFormatter(formatter.get());
            }
            byte[] line = getFormatter().format(record).getBytes(java.nio.charset.StandardCharsets.UTF_8);
            if (size + line.length > limit && size > 0) {
                rotate();
            }
            out.write(line);
            out.flush();
            size += line.length;
        } catch (IOException e) {
            reportError(null, e, java.util.logging.ErrorManager.WRITE_FAILURE);
        }
    }

    private void rotate() throws IOException {
        out.close();
        for (int i = keep - 1; i >= 1; i--) {
            Path from = i == 1 ? file : file.resolveSibling(file.getFileName() + "." + (i - 1));
            if (Files.exists(from)) {
                Files.move(from, file.resolveSibling(file.getFileName() + "." + i), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        open();
    }

    @Override
    public synchronized void flush() {
        try {
            if (out != null) {
                out.flush();
            }
        } catch (IOException e) {
            reportError(null, e, java.util.logging.ErrorManager.FLUSH_FAILURE);
        }
    }

    @Override
    public synchronized void close() {
        try {
            if (out != null) {
                out.close();
            }
        } catch (IOException e) {
            reportError(null, e, java.util.logging.ErrorManager.CLOSE_FAILURE);
        }
        out = null;
    }
}
