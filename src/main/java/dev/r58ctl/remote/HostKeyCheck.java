package dev.r58ctl.remote;

import com.jcraft.jsch.HostKey;
import com.jcraft.jsch.HostKeyRepository;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.UserInfo;
import dev.r58ctl.AtomicFile;
import dev.r58ctl.DiskFull;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * Host keys checked against a known_hosts file: JSch decides (StrictHostKeyChecking=yes), this remembers the key the
 * server presented so that a refusal can name its type and SHA256 fingerprint, and adds an unknown key to the file
 * only when the operator asked for it (--accept-new-host-key). A changed key, or one of another type for a host
 * that has a key, is never accepted.
 */
final class HostKeyCheck implements HostKeyRepository {
    private final HostKeyRepository known;
    private final Path file;
    private final boolean acceptNew;
    private volatile byte[] presented;
    private volatile boolean added;

    HostKeyCheck(HostKeyRepository known, Path file, boolean acceptNew) {
        this.known = known;
        this.file = file;
        this.acceptNew = acceptNew;
    }

    @Override
    public int check(String host, byte[] key) {
        presented = key.clone();
        int result = known.check(host, key);
        HostKey[] others = known.getHostKey(host, null);
        if (result == NOT_INCLUDED && others != null && others.length > 0) {
            return CHANGED; // a key of another type is known for this host: not new, but different
        }
        if (result == NOT_INCLUDED && acceptNew) {
            try {
                HostKey hk = new HostKey(host, key);
                appendLine(host + " " + hk.getType() + " " + Base64.getEncoder().encodeToString(key));
                known.add(hk, null);
                added = true;
                return OK;
            } catch (JSchException e) {
                return result;
            }
        }
        return result;
    }

    private void appendLine(String line) {
        try {
            // the whole file replaced at once: an append cut by a full disk would leave a torn key line
            Path target = Files.exists(file) ? file.toRealPath() : file;
            String old = Files.exists(target) ? Files.readString(target, StandardCharsets.UTF_8) : "";
            boolean needsNewline = !old.isEmpty() && !old.endsWith("\n");
            AtomicFile.write(target, (old + (needsNewline ? "\n" : "") + line + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(DiskFull.message(file, e, "cannot add the host key"), e);
        }
    }

    /** Whether the presented key was added to the file in this connection. */
    boolean added() {
        return added;
    }

    /** {@code TYPE SHA256:...} of the key the server presented, or null before the key exchange. */
    String presentedKey() {
        byte[] k = presented;
        return k == null ? null : keyType(k) + " " + fingerprint(k);
    }

    Path file() {
        return file;
    }

    /** The OpenSSH fingerprint: {@code SHA256:} and the unpadded base64 of the key blob's SHA-256. */
    static String fingerprint(byte[] blob) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(blob);
            return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The key type named at the start of an SSH public key blob. */
    static String keyType(byte[] blob) {
        try {
            ByteBuffer b = ByteBuffer.wrap(blob);
            int n = b.getInt();
            byte[] name = new byte[n];
            b.get(name);
            return new String(name, StandardCharsets.US_ASCII);
        } catch (RuntimeException e) {
            return "unknown";
        }
    }

    @Override
    public void add(HostKey hostkey, UserInfo ui) {
        known.add(hostkey, ui);
    }

    @Override
    public void remove(String host, String type) {
        known.remove(host, type);
    }

    @Override
    public void remove(String host, String type, byte[] key) {
        known.remove(host, type, key);
    }

    @Override
    public String getKnownHostsRepositoryID() {
        return known.getKnownHostsRepositoryID();
    }

    @Override
    public HostKey[] getHostKey() {
        return known.getHostKey();
    }

    @Override
    public HostKey[] getHostKey(String host, String type) {
        return known.getHostKey(host, type);
    }
}
