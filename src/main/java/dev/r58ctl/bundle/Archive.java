package dev.r58ctl.bundle;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

/**
 * A gzip'd tar written to a temporary file beside its target and renamed over it only when complete and forced to
 * disk, so that the target is either absent, the old file, or a whole bundle. Every entry sits under one top-level
 * directory named like the file and carries a sentence saying what it is, for the README.
 */
final class Archive implements AutoCloseable {
    private final Path target;
    private final Path temp;
    private final String root;
    private final OutputStream file;
    private final TarArchiveOutputStream tar;
    private final Map<String, String> entries = new LinkedHashMap<>();
    private final Date time = new Date();
    private boolean finished;

    private Archive(Path target, Path temp, String root) throws IOException {
        this.target = target;
        this.temp = temp;
        this.root = root;
        this.file = new Guarded(Files.newOutputStream(temp, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING));
        this.tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(file), StandardCharsets.UTF_8.name());
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
    }

    /** A write to the archive's file failed (a full disk): the archive is broken and the bundle stops. */
    static final class WriteFailed extends IOException {
        WriteFailed(IOException cause) {
            super(cause.getMessage(), cause);
        }
    }

    /**
     * The file's stream, which stays failed once a write failed: gzip and tar keep state, so an archive written on
     * after a lost block would be renamed into place whole-looking but corrupt.
     */
    private static final class Guarded extends java.io.FilterOutputStream {
        private WriteFailed failed;

        Guarded(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            check();
            try {
                out.write(b, off, len);
            } catch (IOException e) {
                failed = new WriteFailed(e);
                throw failed;
            }
        }

        @Override
        public void flush() throws IOException {
            check();
            out.flush();
        }

        private void check() throws WriteFailed {
            if (failed != null) {
                throw failed;
            }
        }
    }

    /** Starts an archive for {@code target}; its directory must exist. */
    static Archive create(Path target) throws IOException {
        String name = target.getFileName().toString();
        Path temp = Files.createTempFile(target.toAbsolutePath().getParent(), "." + name + ".", ".tmp");
        try {
            return new Archive(target, temp, name.replaceFirst("\\.tar\\.gz$|\\.tgz$", ""));
        } catch (IOException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
    }

    /** Adds one file at {@code name} (relative to the top-level directory). */
    void add(String name, byte[] data, String what) throws IOException {
        TarArchiveEntry e = new TarArchiveEntry(root + "/" + name);
        e.setSize(data.length);
        e.setMode(0644);
        e.setModTime(time);
        tar.putArchiveEntry(e);
        tar.write(data);
        tar.closeArchiveEntry();
        entries.put(name, what);
    }

    void add(String name, String text, String what) throws IOException {
        add(name, text.getBytes(StandardCharsets.UTF_8), what);
    }

    /** What was added so far, by name, with what each is, in order. */
    Map<String, String> entries() {
        return entries;
    }

    /** Closes the archive, forces it to disk and renames it onto the target; returns its size in bytes. */
    long finish() throws IOException {
        tar.finish();
        tar.close();
        try (FileChannel c = FileChannel.open(temp, StandardOpenOption.WRITE)) {
            c.force(true);
        }
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        finished = true;
        return Files.size(target);
    }

    /** Without {@link #finish()}: removes the temporary file, leaving the target as it was. */
    @Override
    public void close() {
        if (finished) {
            return;
        }
        try {
            tar.close();
        } catch (IOException | RuntimeException e) {
            // the temporary file is removed below either way
        }
        try {
            file.close();
        } catch (IOException e) {
            // a failed archive: removed below all the same
        }
        dev.r58ctl.AtomicFile.removeQuietly(temp); // the name starts with a dot and ends in .tmp, should this fail
    }
}
