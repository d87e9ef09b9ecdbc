package dev.r58ctl.kernel;

import com.sun.jna.LastErrorException;
import com.sun.jna.NativeLong;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Reads /dev/kmsg: one record per read (the buffer must be at least 8 KiB or the kernel answers EINVAL),
 * starting with the ring buffer's oldest record, so sequence numbers are the kernel's own and survive restarts.
 * Follow mode blocks in poll(2) on the device and on a wake-up pipe that {@link #close()} writes to.
 */
public final class KmsgSource implements KernelSource {
    public static final String PATH = "/dev/kmsg";
    private static final int BUFFER = 16 * 1024;

    private final boolean follow;
    private final String bootId;
    private final int fd;
    private final int[] wake = new int[2];
    private final byte[] buf = new byte[BUFFER];
    private volatile boolean closed;
    private final java.util.concurrent.atomic.AtomicInteger readers = new java.util.concurrent.atomic.AtomicInteger();
    private final java.util.concurrent.atomic.AtomicBoolean released = new java.util.concurrent.atomic.AtomicBoolean();

    private KmsgSource(boolean follow, String bootId, int fd) {
        this.follow = follow;
        this.bootId = bootId;
        this.fd = fd;
        LibC.C.pipe(wake);
    }

    /** Opens /dev/kmsg; an IOException says why not (EPERM for non-root where dmesg_restrict=1). */
    public static KmsgSource open(boolean follow, String bootId) throws IOException {
        try {
            int fd = LibC.C.open(PATH, LibC.O_RDONLY | LibC.O_NONBLOCK);
            return new KmsgSource(follow, bootId, fd);
        } catch (LastErrorException e) {
            throw new IOException(PATH + ": " + errnoText(e.getErrorCode()));
        } catch (UnsatisfiedLinkError e) {
            throw new IOException(PATH + ": libc not reachable: " + e.getMessage());
        }
    }

    @Override
    public String name() {
        return "kmsg";
    }

    @Override
    public String logId() {
        return bootId;
    }

    @Override
    public KernelLine next() throws IOException {
        readers.incrementAndGet();
        try {
            return read();
        } finally {
            if (readers.decrementAndGet() == 0 && closed) {
                release();
            }
        }
    }

    private KernelLine read() throws IOException {
        while (!closed) {
            try {
                long n = LibC.C.read(fd, buf, new NativeLong(buf.length)).longValue();
                if (n <= 0) {
                    return null;
                }
                KernelLine line = KernelText.fromKmsg(new String(buf, 0, (int) n, StandardCharsets.UTF_8).stripTrailing(),
                        System.currentTimeMillis());
                if (line != null) {
                    return line;
                }
            } catch (LastErrorException e) {
                int errno = e.getErrorCode();
                if (errno == LibC.EPIPE || errno == LibC.EINTR) {
                    continue; // records were overwritten while we read: carry on with the next one
                }
                if (errno != LibC.EAGAIN) {
                    throw new IOException(PATH + ": " + errnoText(errno));
                }
                if (!follow || !awaitReadable()) {
                    return null;
                }
            }
        }
        return null;
    }

    /** Blocks until the device has a record or close() wakes us; false when closed. */
    private boolean awaitReadable() {
        LibC.PollFd[] fds = (LibC.PollFd[]) new LibC.PollFd().toArray(2);
        fds[0].fd = fd;
        fds[0].events = LibC.POLLIN;
        fds[1].fd = wake[0];
        fds[1].events = LibC.POLLIN;
        while (!closed) {
            try {
                LibC.C.poll(fds, 2, -1);
                fds[0].read();
                fds[1].read();
                return !closed && (fds[1].revents & LibC.POLLIN) == 0;
            } catch (LastErrorException e) {
                if (e.getErrorCode() != LibC.EINTR) {
                    return false;
                }
            }
        }
        return false;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            LibC.C.write(wake[1], new byte[] {1}, new NativeLong(1));
        } catch (LastErrorException ignored) {
            // the reader is not waiting
        }
        if (readers.get() == 0) {
            release(); // else the reader inside poll(2) releases them on its way out
        }
    }

    private void release() {
        if (released.compareAndSet(false, true)) {
            for (int d : new int[] {fd, wake[0], wake[1]}) {
                try {
                    LibC.C.close(d);
                } catch (LastErrorException ignored) {
                    // already closed
                }
            }
        }
    }

    static String errnoText(int errno) {
        return switch (errno) {
            case 1 -> "permission denied (EPERM: run as root, or set kernel.dmesg_restrict=0)";
            case 2 -> "no such file";
            case 13 -> "permission denied (EACCES)";
            case 22 -> "invalid argument (EINVAL)";
            default -> "error " + errno;
        };
    }
}
