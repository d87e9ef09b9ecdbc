package dev.r58ctl;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Replaces a file atomically and durably: a temporary file beside it is written and forced, renamed over it, and the
 * directory forced, so a power cut or {@code kill -9} leaves the old file or the new one, never half of one.
 */
public final class AtomicFile {
    private AtomicFile() {
    }

    /**
     * Writes {@code bytes} to {@code target} as above, creating its directory. On failure (a full disk included) the
     * temporary file is removed and the target is as it was; {@link DiskFull#failed} words the exception.
     */
    public static void write(Path target, byte[] bytes) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = dir.resolve(target.getFileName() + ".tmp");
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer b = ByteBuffer.wrap(bytes);
                while (b.hasRemaining()) {
                    ch.write(b);
                }
                ch.force(true);
            }
            keepPermissions(target, tmp);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            removeQuietly(tmp); // a half-written temporary file would only take more of a full disk
            throw e;
        }
        forceDir(dir);
    }

    /**
     * Appends {@code bytes} to a channel opened for appending, whole or not at all: a write cut short (a full disk)
     * is taken back off the end, so that a journal's next line does not continue a torn one. Not taken back when
     * another process appended meanwhile (the end is then not ours to cut).
     */
    public static void append(FileChannel ch, byte[] bytes) throws IOException {
        long start = ch.size();
        ByteBuffer b = ByteBuffer.wrap(bytes);
        try {
            while (b.hasRemaining()) {
                ch.write(b);
            }
        } catch (IOException e) {
            try {
                if (b.position() > 0 && ch.size() == start + b.position()) {
                    ch.truncate(start);
                }
            } catch (IOException ignored) {
                // the reader skips a torn line
            }
            throw e;
        }
    }

    /** A file someone else owns (the recorder's config.yml, its fix-log) keeps its permissions when replaced. */
    private static void keepPermissions(Path target, Path tmp) throws IOException {
        try {
            if (Files.exists(target)) {
                Files.setPosixFilePermissions(tmp, Files.getPosixFilePermissions(target));
            }
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the default permissions
        }
    }

    /** Deletes a temporary file, if there is one, after a failed write. */
    public static void removeQuietly(Path tmp) {
        try {
            Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
            // it is named .tmp and replaced by the next write
        }
    }

    /** Forces a directory's entries (a rename, a removal) to the device where the file system allows it. */
    public static void forceDir(Path dir) {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException ignored) {
            // not every file system lets a directory be opened; the rename is atomic regardless
        }
    }
}
