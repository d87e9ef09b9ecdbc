package dev.r58ctl.remote;

import com.jcraft.jsch.JSch;
import com.jcraft.jsch.KeyPair;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.Base64;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;
import org.apache.sshd.server.config.keys.AuthorizedKeysAuthenticator;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;

/**
 * A real SSH server in-process on 127.0.0.1 (ephemeral port): an EC host key generated into {@code dir}, public-key
 * authentication with a key written by JSch, and every exec request run as {@code /bin/sh -c COMMAND} in a real
 * process whose output is flushed to the client as it comes and whose stdin is the channel's (closed at its end).
 */
final class SshTestServer implements AutoCloseable {
    final SshServer sshd;
    final Path clientKey;
    final Path hostKeyFile;

    SshTestServer(Path dir) throws Exception {
        this(dir, 0);
    }

    /** A server on {@code port} (0: any free one); the same {@code dir} gives the same host key, as a board rebooted. */
    SshTestServer(Path dir, int port) throws Exception {
        Files.createDirectories(dir);
        clientKey = dir.resolve("id_ecdsa");
        if (!Files.exists(clientKey)) {
            KeyPair kp = KeyPair.genKeyPair(new JSch(), KeyPair.ECDSA, 256);
            kp.writePrivateKey(clientKey.toString());
            kp.writePublicKey(clientKey + ".pub", "r58ctl-test");
            kp.dispose();
        }
        hostKeyFile = dir.resolve("host-key.ser");
        sshd = SshServer.setUpDefaultServer();
        sshd.setHost("127.0.0.1");
        sshd.setPort(port);
        SimpleGeneratorHostKeyProvider hostKeys = new SimpleGeneratorHostKeyProvider(hostKeyFile);
        hostKeys.setAlgorithm(KeyUtils.EC_ALGORITHM);
        hostKeys.setKeySize(256);
        sshd.setKeyPairProvider(hostKeys);
        sshd.setPublickeyAuthenticator(new AuthorizedKeysAuthenticator(Path.of(clientKey + ".pub")));
        sshd.setCommandFactory((channel, command) -> new ShellCommand(command));
        sshd.start();
    }

    int port() {
        return sshd.getPort();
    }

    PublicKey hostKey() throws Exception {
        return sshd.getKeyPairProvider().loadKeys(null).iterator().next().getPublic();
    }

    /** The known_hosts line for this server's real key. */
    String knownHostsLine() throws Exception {
        return "[127.0.0.1]:" + port() + " " + PublicKeyEntry.toString(hostKey()) + "\n";
    }

    /** A known_hosts line for this server's address with some other key. */
    String otherKeyLine() throws Exception {
        KeyPair kp = KeyPair.genKeyPair(new JSch(), KeyPair.ECDSA, 256);
        return "[127.0.0.1]:" + port() + " ecdsa-sha2-nistp256 "
                + Base64.getEncoder().encodeToString(kp.getPublicKeyBlob()) + "\n";
    }

    String fingerprint() throws Exception {
        return KeyUtils.getFingerPrint(hostKey());
    }

    @Override
    public void close() throws IOException {
        sshd.stop(true);
    }

    /** Runs the exec request through /bin/sh; output is copied and flushed chunk by chunk. */
    private static final class ShellCommand implements Command {
        private final String command;
        private InputStream in;
        private OutputStream out;
        private OutputStream err;
        private ExitCallback exit;
        private Process process;

        ShellCommand(String command) {
            this.command = command;
        }

        @Override
        public void setInputStream(InputStream in) {
            this.in = in;
        }

        @Override
        public void setOutputStream(OutputStream out) {
            this.out = out;
        }

        @Override
        public void setErrorStream(OutputStream err) {
            this.err = err;
        }

        @Override
        public void setExitCallback(ExitCallback callback) {
            this.exit = callback;
        }

        @Override
        public void start(ChannelSession channel, Environment env) throws IOException {
            process = new ProcessBuilder("/bin/sh", "-c", command).start();
            OutputStream stdin = process.getOutputStream();
            Thread i = copy(in, stdin);
            Thread closer = new Thread(() -> {
                try {
                    i.join();
                    stdin.close(); // the client's EOF is the process's
                } catch (InterruptedException | IOException ex) {
                    // gone
                }
            }, "sshd-test-stdin");
            closer.setDaemon(true);
            closer.start();
            Thread o = copy(process.getInputStream(), out);
            Thread e = copy(process.getErrorStream(), err);
            Thread waiter = new Thread(() -> {
                try {
                    int code = process.waitFor();
                    o.join();
                    e.join();
                    exit.onExit(code);
                } catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                }
            }, "sshd-test-wait");
            waiter.setDaemon(true);
            waiter.start();
        }

        private static Thread copy(InputStream from, OutputStream to) {
            Thread t = new Thread(() -> {
                byte[] buf = new byte[4096];
                try {
                    int n;
                    while ((n = from.read(buf)) > 0) {
                        to.write(buf, 0, n);
                        to.flush();
                    }
                } catch (IOException e) {
                    // the channel went away
                }
            }, "sshd-test-copy");
            t.setDaemon(true);
            t.start();
            return t;
        }

        @Override
        public void destroy(ChannelSession channel) {
            if (process != null) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        }
    }

    static void write(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
