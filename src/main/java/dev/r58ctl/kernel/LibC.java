package dev.r58ctl.kernel;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Structure;

/**
 * The few libc calls /dev/kmsg needs that Java lacks: a non-blocking open (to read the ring buffer up to its
 * current end and stop) and poll on two descriptors (to block for the next record yet wake at once on close).
 */
interface LibC extends Library {
    LibC C = Native.load("c", LibC.class);

    int O_RDONLY = 0;
    /** Same value on x86_64 and aarch64. */
    int O_NONBLOCK = 0x800;
    int EAGAIN = 11;
    int EINTR = 4;
    int EPIPE = 32;
    short POLLIN = 0x1;

    int open(String path, int flags) throws LastErrorException;

    NativeLong read(int fd, byte[] buf, NativeLong count) throws LastErrorException;

    NativeLong write(int fd, byte[] buf, NativeLong count) throws LastErrorException;

    int close(int fd) throws LastErrorException;

    int pipe(int[] fds) throws LastErrorException;

    int poll(PollFd[] fds, int nfds, int timeout) throws LastErrorException;

    /** struct pollfd. */
    @Structure.FieldOrder({"fd", "events", "revents"})
    class PollFd extends Structure {
        public int fd;
        public short events;
        public short revents;
    }
}
