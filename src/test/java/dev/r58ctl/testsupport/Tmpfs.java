package dev.r58ctl.testsupport;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A small tmpfs mounted on a directory, as a full SD card for tests: {@link #fill()} writes a file until the kernel
 * says ENOSPC, {@link #free()} removes it. Root only (the tests and CI run as root): elsewhere, or where mount is not
 * allowed (a container), the test is skipped. Unmount with {@link #close()} in {@code @AfterEach}.
 */
public final class Tmpfs implements AutoCloseable {
    public static final String FILL = "fill.bin";
    private final Path dir;

    private Tmpfs(Path dir) {
        this.dir = dir;
    }

    /** Mounts a tmpfs of {@code size} ({@code 2m}, {@code 64m}) on {@code dir}, made if need be. */
    public static Tmpfs mount(Path dir, String size) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int rc = run("mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", dir.toString());
        assumeTrue(rc == 0, "mount -t tmpfs failed here (exit " + rc + "): not root, or not allowed in this container");
        return new Tmpfs(dir);
    }

    public Path dir() {
        return dir;
    }

    /** Writes {@value #FILL} until the disk is full: no block is left for anything else. */
    public Tmpfs fill() {
        byte[] block = new byte[64 << 10];
        try (OutputStream out = Files.newOutputStream(dir.resolve(FILL), java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND)) {
            while (true) {
                out.write(block);
            }
        } catch (IOException full) {
            // ENOSPC: what was wanted; the stream's last buffer may have gone in part
        }
        try (OutputStream out = Files.newOutputStream(dir.resolve(FILL), java.nio.file.StandardOpenOption.APPEND)) {
            for (int i = 0; i < 64; i++) {
                out.write(new byte[1024]); // the last pages, in smaller pieces
            }
        } catch (IOException full) {
            // full to the last block
        }
        return this;
    }

    /** Removes what {@link #fill()} wrote. */
    public void free() {
        try {
            Files.deleteIfExists(dir.resolve(FILL));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Bytes free, as df says. */
    public long freeBytes() {
        return dir.toFile().getUsableSpace();
    }

    /** Unmounts it (lazily should a process still hold a file there), leaving the empty directory. */
    @Override
    public void close() {
        if (run("umount", dir.toString()) != 0) {
            run("umount", "-l", dir.toString());
        }
    }

    private static int run(String... argv) {
        try {
            Process p = new ProcessBuilder(List.of(argv)).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor();
        } catch (IOException e) {
            return 127;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 130;
        }
    }
}
