package dev.r58ctl.agent;

import dev.r58ctl.R58Exception;
import dev.r58ctl.remote.SocketStreams;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent's control socket, a Unix domain socket only its owner may use (0600; its directory made 0700 when r58ctl
 * makes it). It is bound under a private name in a private directory, given its mode there and only then moved into
 * place, so nobody can connect before the mode is set; the move also replaces a stale socket that no agent answers.
 * A lock file beside it ({@code SOCKET.lock}, held while the agent runs) keeps two agents from starting together.
 */
public final class ControlSocket implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ControlSocket.class);

    private final Path path;
    private final ServerSocketChannel server;
    private final FileChannel lockFile;
    private final FileLock lock;
    private final Object fileKey;

    private ControlSocket(Path path, ServerSocketChannel server, FileChannel lockFile, FileLock lock, Object fileKey) {
        this.path = path;
        this.server = server;
        this.lockFile = lockFile;
        this.lock = lock;
        this.fileKey = fileKey;
    }

    public Path path() {
        return path;
    }

    /**
     * Binds the socket at {@code path}; refuses in one line (exit 1) when an agent answers there already, and when
     * something other than a socket is in the way.
     */
    public static ControlSocket bind(Path path) {
        Path socket = path.toAbsolutePath().normalize();
        Path dir = socket.getParent();
        FileChannel lockFile = null;
        try {
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir);
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            }
            lockFile = FileChannel.open(dir.resolve(socket.getFileName() + ".lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = lockFile.tryLock();
            } catch (java.nio.channels.OverlappingFileLockException e) {
                lock = null; // this process runs an agent already
            }
            if (lock == null || answers(socket)) {
                throw R58Exception.failed("r58ctl agent already runs on " + socket);
            }
            if (Files.exists(socket, java.nio.file.LinkOption.NOFOLLOW_LINKS)
                    && !Files.readAttributes(socket, BasicFileAttributes.class,
                    java.nio.file.LinkOption.NOFOLLOW_LINKS).isOther()) {
                throw R58Exception.failed(socket + " is in the way and is not a socket: remove it, or set agent.socket");
            }
            if (Files.exists(socket, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                LOG.info("{}: stale (no agent answers): replaced", socket);
            }
            Path hidden = Files.createTempDirectory(dir, ".agent-", PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rwx------")));
            Path temp = hidden.resolve("s");
            ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            try {
                server.bind(UnixDomainSocketAddress.of(temp));
                Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
                Files.move(temp, socket, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException | RuntimeException e) {
                server.close();
                Files.deleteIfExists(temp);
                throw e;
            } finally {
                Files.deleteIfExists(hidden);
            }
            Object key = Files.readAttributes(socket, BasicFileAttributes.class,
                    java.nio.file.LinkOption.NOFOLLOW_LINKS).fileKey();
            return new ControlSocket(socket, server, lockFile, lock, key);
        } catch (IOException e) {
            closeQuietly(lockFile);
            throw dev.r58ctl.DiskFull.failed(socket, e, "cannot make the agent's socket");
        } catch (RuntimeException e) {
            closeQuietly(lockFile);
            throw e;
        }
    }

    /** True when something accepts a connection at {@code socket}. */
    public static boolean answers(Path socket) {
        try (SocketChannel ch = SocketStreams.connect(socket)) {
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Waits for the next front end; throws once closed. */
    public SocketChannel accept() throws IOException {
        return server.accept();
    }

    /** Stops accepting and removes the socket file (if it is still this one) and the lock. */
    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            LOG.info("closing {}: {}", path, e.getMessage());
        }
        try {
            if (Files.exists(path, java.nio.file.LinkOption.NOFOLLOW_LINKS) && fileKey != null
                    && fileKey.equals(Files.readAttributes(path, BasicFileAttributes.class,
                    java.nio.file.LinkOption.NOFOLLOW_LINKS).fileKey())) {
                Files.delete(path);
            }
        } catch (IOException e) {
            LOG.info("removing {}: {}", path, e.getMessage());
        }
        try {
            lock.release();
        } catch (IOException e) {
            // the channel's close releases it too
        }
        closeQuietly(lockFile);
    }

    private static void closeQuietly(FileChannel c) {
        if (c != null) {
            try {
                c.close();
            } catch (IOException e) {
                // nothing held any more
            }
        }
    }
}
