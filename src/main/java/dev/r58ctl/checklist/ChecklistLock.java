package dev.r58ctl.checklist;

import dev.r58ctl.DiskFull;
import dev.r58ctl.R58Exception;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * The lock every change of the checklist holds ({@code <state_dir>/checklist/lock}, an OS file lock that dies with
 * its process, so a {@code kill -9} never leaves it held). The holder writes its pid, user, command and start into
 * the file; a second r58ctl is refused with one line naming them, and changes nothing.
 */
public final class ChecklistLock implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;

    private ChecklistLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the lock in {@code dir} for {@code command}, or throws (exit 1) naming who holds it. */
    public static ChecklistLock take(Path dir, String command) {
        Path file = dir.resolve("lock");
        FileChannel ch = null;
        try {
            Files.createDirectories(dir);
            ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock l;
            try {
                l = ch.tryLock();
            } catch (OverlappingFileLockException e) {
                l = null; // held in this very process
            }
            if (l == null) {
                String holder = Files.readString(file, StandardCharsets.UTF_8).strip();
                ch.close();
                throw R58Exception.failed("the checklist is being changed by " + (holder.isEmpty() ? "another r58ctl"
                        : holder) + "; nothing changed (try again when it has finished)");
            }
            ch.truncate(0);
            ch.write(ByteBuffer.wrap(("pid " + ProcessHandle.current().pid() + ", user " + OperatorName.now() + ", `"
                    + command + "`, since " + Instant.now().toString()).getBytes(StandardCharsets.UTF_8)), 0);
            ch.force(true);
            return new ChecklistLock(ch, l);
        } catch (IOException e) {
            closeQuietly(ch);
            throw DiskFull.failed(file, e, "cannot lock");
        }
    }

    private static void closeQuietly(FileChannel ch) {
        try {
            if (ch != null) {
                ch.close();
            }
        } catch (IOException ignored) {
            // closing releases the lock either way
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException ignored) {
            // closing the channel releases it
        }
        closeQuietly(channel);
    }
}
