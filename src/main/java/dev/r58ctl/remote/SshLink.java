package dev.r58ctl.remote;

import com.jcraft.jsch.AgentIdentityRepository;
import com.jcraft.jsch.AgentProxyException;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchChangedHostKeyException;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.JSchUnknownHostKeyException;
import com.jcraft.jsch.KeyPair;
import com.jcraft.jsch.SSHAgentConnector;
import com.jcraft.jsch.Session;
import com.jcraft.jsch.UnixDomainSocketFactory;
import dev.r58ctl.R58Exception;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens an SSH session to the board: host key checked against known_hosts (never accepted silently), public-key
 * authentication only, key files else the ssh agent (no password is asked for, kept or logged), keepalive every
 * second so that a dead board is noticed within about four seconds. Every failure is one {@link R58Exception} line: exit 2 for a refused host key
 * or an unusable key, exit 3 when the board cannot be reached.
 */
final class SshLink {
    /** Exit code: the board cannot be reached or stopped answering. */
    static final int UNREACHABLE = 3;
    static final int KEEPALIVE_MS = 1000;
    static final int KEEPALIVE_COUNT = 3;
    private static final int CONNECT_TIMEOUT_MS = 5000;
    private static final Logger LOG = LoggerFactory.getLogger(SshLink.class);

    private SshLink() {
    }

    /**
     * Connects and authenticates.
     *
     * @param identity   the key to use, or null for the usual files under {@code home/.ssh}, else the ssh agent
     * @param knownHosts the known_hosts file (it need not exist yet)
     * @param acceptNew  add an unknown host key to knownHosts instead of refusing it
     * @param notices    receives one line when a host key was added
     */
    static Session open(RemoteTarget target, Path identity, Path knownHosts, boolean acceptNew, Path home,
                        java.util.function.Consumer<String> notices) {
        JSch.setLogger(new JschLog());
        JSch jsch = new JSch();
        List<Path> keys = identities(jsch, identity, home);
        HostKeyCheck hostKeys;
        try (InputStream in = Files.isRegularFile(knownHosts) ? Files.newInputStream(knownHosts)
                : new ByteArrayInputStream(new byte[0])) {
            jsch.setKnownHosts(in);
            hostKeys = new HostKeyCheck(jsch.getHostKeyRepository(), knownHosts, acceptNew);
            jsch.setHostKeyRepository(hostKeys);
            for (Path k : keys) {
                jsch.addIdentity(k.toString());
            }
        } catch (IOException | JSchException e) {
            throw R58Exception.badInput(knownHosts + ": cannot read: " + e.getMessage());
        }
        Session session;
        try {
            session = jsch.getSession(target.userOrDefault(), target.host(), target.port());
            session.setConfig("StrictHostKeyChecking", "yes");
            session.setConfig("PreferredAuthentications", "publickey");
            session.setConfig("HashKnownHosts", "no");
            session.setServerAliveInterval(KEEPALIVE_MS);
            session.setServerAliveCountMax(KEEPALIVE_COUNT);
        } catch (JSchException e) {
            throw R58Exception.badInput(target + ": " + e.getMessage());
        }
        try {
            session.connect(CONNECT_TIMEOUT_MS);
        } catch (JSchUnknownHostKeyException e) {
            throw R58Exception.badInput("host key of " + target + " is not known: " + hostKeys.presentedKey()
                    + "; refused. If that is the board's key, run again with --accept-new-host-key to add it to "
                    + knownHosts);
        } catch (JSchChangedHostKeyException e) {
            throw R58Exception.badInput("host key of " + target + " has CHANGED (now " + hostKeys.presentedKey()
                    + "); refused. If the board was reinstalled, remove its old line from " + knownHosts);
        } catch (JSchException e) {
            throw connectFailure(target, keys, e);
        } catch (UncheckedIOException e) {
            throw new R58Exception(dev.r58ctl.DiskFull.is(e) ? R58Exception.FAILED : R58Exception.BAD_INPUT,
                    e.getMessage());
        }
        if (hostKeys.added()) {
            notices.accept("added host key of " + target + " (" + hostKeys.presentedKey() + ") to " + knownHosts);
        }
        LOG.info("connected to {} (host key {})", target, hostKeys.presentedKey());
        return session;
    }

    private static R58Exception connectFailure(RemoteTarget target, List<Path> keys, JSchException e) {
        LOG.warn("connecting to {} failed", target, e);
        String msg = String.valueOf(e.getMessage());
        if (msg.contains("Auth fail") || msg.contains("Auth cancel")) {
            String offered = keys.isEmpty() ? "the ssh agent's keys"
                    : String.join(", ", keys.stream().map(Path::toString).toList());
            return R58Exception.badInput(target + " did not accept the key (" + offered
                    + "); r58ctl never asks for a password");
        }
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        return new R58Exception(UNREACHABLE, "cannot reach " + target + ": " + cause.getMessage());
    }

    /** The key files to offer: the given one (which must be usable), else the usual ones that exist. */
    private static List<Path> identities(JSch jsch, Path identity, Path home) {
        List<Path> out = new ArrayList<>();
        if (identity != null) {
            String problem = keyProblem(jsch, identity);
            if (problem != null) {
                throw R58Exception.badInput("--identity " + identity + ": " + problem);
            }
            out.add(identity);
            return out;
        }
        for (String name : List.of("id_ecdsa", "id_ed25519", "id_rsa")) {
            Path p = home.resolve(".ssh").resolve(name);
            if (Files.exists(p)) {
                String problem = keyProblem(jsch, p);
                if (problem == null) {
                    out.add(p);
                } else {
                    LOG.warn("skipping {}: {}", p, problem);
                }
            }
        }
        if (out.isEmpty()) {
            Path agent = agentSocket();
            if (agent == null) {
                throw R58Exception.badInput("no usable key: give --identity FILE (or remote.identity), create "
                        + home.resolve(".ssh/id_ecdsa") + " without a passphrase, or start an ssh agent");
            }
            try {
                jsch.setIdentityRepository(new AgentIdentityRepository(
                        new SSHAgentConnector(new UnixDomainSocketFactory(), agent)));
                LOG.info("offering the keys of the ssh agent at {}", agent);
            } catch (AgentProxyException e) {
                throw R58Exception.badInput("ssh agent at " + agent + ": " + e.getMessage());
            }
        }
        return out;
    }

    /** The ssh agent's socket (SSH_AUTH_SOCK; the property r58ctl.ssh-auth-sock wins, for tests), or null. */
    private static Path agentSocket() {
        String sock = System.getProperty("r58ctl.ssh-auth-sock", System.getenv("SSH_AUTH_SOCK"));
        if (sock == null || sock.isBlank() || !Files.exists(Path.of(sock))) {
            return null;
        }
        return Path.of(sock);
    }

    /** Why a key file cannot be used, or null. Never asks for a passphrase. */
    private static String keyProblem(JSch jsch, Path file) {
        if (!Files.isRegularFile(file)) {
            return "no such file";
        }
        if (!Files.isReadable(file)) {
            return "not readable";
        }
        try {
            KeyPair kp = KeyPair.load(jsch, file.toString());
            try {
                if (kp.isEncrypted()) {
                    return "the key has a passphrase, and r58ctl never asks for one; use a key without one";
                }
            } finally {
                kp.dispose();
            }
            return null;
        } catch (JSchException e) {
            return "not a private key r58ctl can read (" + e.getMessage() + ")";
        }
    }

    /** JSch's own messages go to the log file, never to the terminal. */
    private static final class JschLog implements com.jcraft.jsch.Logger {
        private static final Logger JLOG = LoggerFactory.getLogger("com.jcraft.jsch");

        @Override
        public boolean isEnabled(int level) {
            return level >= WARN || JLOG.isDebugEnabled();
        }

        @Override
        public void log(int level, String message) {
            if (level >= WARN) {
                JLOG.warn("{}", message);
            } else {
                JLOG.debug("{}", message);
            }
        }
    }
}
