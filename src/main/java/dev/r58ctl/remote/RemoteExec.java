package dev.r58ctl.remote;

import com.jcraft.jsch.ChannelExec;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.Session;
import dev.r58ctl.R58Exception;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one command line on the board and streams its stdout and stderr back as they arrive (each chunk flushed), so
 * that {@code --json} and {@code kmsg --follow} work as they do locally. Its result is the remote exit code; a link
 * that dies first ends with exit 3 and "board unreachable since HH:MM:SS".
 */
final class RemoteExec {
    private static final Logger LOG = LoggerFactory.getLogger(RemoteExec.class);
    private static final DateTimeFormatter HMS = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final AtomicLong lastHeard = new AtomicLong(System.currentTimeMillis());

    /**
     * @param journal where stdout is also written, flushed at every line end; null for none
     */
    int run(Session session, String command, PrintWriter out, PrintWriter err, Writer journal) {
        ChannelExec ch;
        Thread stdout;
        Thread stderr;
        try {
            ch = (ChannelExec) session.openChannel("exec");
            ch.setCommand(command);
            ch.setInputStream(null);
            InputStream o = ch.getInputStream();
            InputStream e = ch.getExtInputStream();
            ch.connect(5000);
            lastHeard.set(System.currentTimeMillis());
            stdout = pump("remote-stdout", o, out, journal);
            stderr = pump("remote-stderr", e, err, null);
        } catch (JSchException | IOException e) {
            if (!session.isConnected()) {
                throw unreachable();
            }
            throw new R58Exception(SshLink.UNREACHABLE, "cannot run " + command + " on the board: " + e.getMessage());
        }
        LOG.info("running on the board: {}", command);
        try {
            stdout.join();
            stderr.join();
            while (!ch.isClosed() && session.isConnected()) {
                Thread.sleep(10);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ch.disconnect();
            return 130;
        }
        int status = ch.getExitStatus();
        if (status < 0) {
            awaitDisconnect(session); // a channel closed without an exit code: did the link go?
        }
        ch.disconnect();
        if (status >= 0) {
            LOG.info("remote command exited with {}", status);
            return status;
        }
        if (!session.isConnected()) {
            throw unreachable();
        }
        throw R58Exception.failed("the command on the board ended without an exit code (killed by a signal?)");
    }

    private static void awaitDisconnect(Session session) {
        long end = System.currentTimeMillis() + 1000;
        try {
            while (session.isConnected() && System.currentTimeMillis() < end) {
                Thread.sleep(10);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The last time the board was heard from: its last output, or the keepalive window before the drop was seen. */
    private R58Exception unreachable() {
        long window = (long) SshLink.KEEPALIVE_MS * (SshLink.KEEPALIVE_COUNT + 1);
        long since = Math.max(lastHeard.get(), System.currentTimeMillis() - window);
        String at = LocalTime.ofInstant(Instant.ofEpochMilli(since), ZoneId.systemDefault()).format(HMS);
        LOG.warn("board unreachable since {}", at);
        return new R58Exception(SshLink.UNREACHABLE, "board unreachable since " + at);
    }

    private Thread pump(String name, InputStream in, PrintWriter to, Writer journal) {
        Thread t = new Thread(() -> {
            char[] buf = new char[8192];
            try (InputStreamReader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                int n;
                while ((n = r.read(buf)) > 0) {
                    lastHeard.set(System.currentTimeMillis());
                    synchronized (to) {
                        to.write(buf, 0, n);
                        to.flush();
                    }
                    if (journal != null) {
                        journal(journal, buf, n);
                    }
                }
            } catch (IOException e) {
                LOG.info("{} ended: {}", name, e.getMessage()); // a broken pipe when the link dies
            }
        }, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static void journal(Writer journal, char[] buf, int n) {
        try {
            journal.write(buf, 0, n);
            for (int i = 0; i < n; i++) {
                if (buf[i] == '\n') {
                    journal.flush();
                    break;
                }
            }
        } catch (IOException e) {
            LOG.warn("cannot write the kmsg journal: {}", e.getMessage());
        }
    }
}
