package dev.r58ctl.remote;

import com.jcraft.jsch.ChannelExec;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.Session;
import dev.r58ctl.R58Exception;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One SSH session with one exec channel to the board's r58ctl, read a line at a time. Lines reach {@code lines} on
 * the reader thread; when the channel ends, {@code ended} gets why (once), unless this side closed it. The board's
 * stderr goes to the log file, never to the terminal the dashboard draws on.
 */
final class BoardChannel implements LineChannel {
    private static final Logger LOG = LoggerFactory.getLogger(BoardChannel.class);
    static final String LINK_LOST = "link lost";

    private final Session session;
    private final ChannelExec channel;
    private final OutputStream toBoard;
    private volatile boolean closing;
    private volatile String lastError;

    private BoardChannel(Session session, ChannelExec channel, OutputStream toBoard) {
        this.session = session;
        this.channel = channel;
        this.toBoard = toBoard;
    }

    /** Connects (host key checked, keepalive on) and starts {@code command}; failures are one R58Exception line. */
    static BoardChannel open(BoardAddress a, Consumer<String> notices, Consumer<String> lines, Consumer<String> ended) {
        Session session = SshLink.open(a.target(), a.identity(), a.knownHosts(), a.acceptNew(), a.home(), notices);
        try {
            ChannelExec ch = (ChannelExec) session.openChannel("exec");
            ch.setCommand(a.command());
            InputStream out = ch.getInputStream();
            InputStream err = ch.getExtInputStream();
            OutputStream in = ch.getOutputStream();
            ch.connect(5000);
            BoardChannel b = new BoardChannel(session, ch, in);
            LOG.info("running on the board: {}", a.command());
            b.daemon("board-stderr", () -> b.pumpErr(err));
            b.daemon("board-stdout", () -> b.pump(out, lines, ended));
            return b;
        } catch (JSchException | IOException e) {
            session.disconnect();
            throw new R58Exception(SshLink.UNREACHABLE, "cannot run " + a.command() + " on the board: " + e.getMessage());
        }
    }

    /** Opens SSH connections to the board at {@code a}. */
    static Opener opener(BoardAddress a) {
        return new Opener() {
            @Override
            public String name() {
                return "board";
            }

            @Override
            public LineChannel open(Consumer<String> notices, Consumer<String> lines, Consumer<String> ended) {
                return BoardChannel.open(a, notices, lines, ended);
            }
        };
    }

    /** Sends one line; false when the link is gone. */
    @Override
    public synchronized boolean send(String line) {
        try {
            toBoard.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            toBoard.flush();
            return true;
        } catch (IOException e) {
            LOG.info("cannot send to the board: {}", e.getMessage());
            return false;
        }
    }

    /** Ends stdin (the board then stops as quitting its dashboard does), waits up to {@code millis}, disconnects. */
    @Override
    public void close(long millis) {
        closing = true;
        try {
            synchronized (this) {
                toBoard.close();
            }
            long end = System.currentTimeMillis() + millis;
            while (!channel.isClosed() && session.isConnected() && System.currentTimeMillis() < end) {
                Thread.sleep(20);
            }
        } catch (IOException e) {
            LOG.info("closing the board's stdin: {}", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        channel.disconnect();
        session.disconnect();
    }

    /** The board's last line on stderr, or null. */
    @Override
    public String lastError() {
        return lastError;
    }

    private void pump(InputStream out, Consumer<String> lines, Consumer<String> ended) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(out, StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                lines.accept(line);
            }
        } catch (IOException | RuntimeException e) {
            LOG.info("board stdout ended: {}", e.toString());
        }
        if (!closing) {
            ended.accept(why());
        }
    }

    /** A dead link, or the board's r58ctl ending by itself (with its exit code and last error line). */
    private String why() {
        long end = System.currentTimeMillis() + 1000;
        try {
            while (!channel.isClosed() && session.isConnected() && System.currentTimeMillis() < end) {
                Thread.sleep(10); // the exit status arrives just after the end of stdout
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        int status = channel.getExitStatus();
        String reason = !session.isConnected() || status < 0 ? LINK_LOST
                : "r58ctl on the board ended (exit " + status + (lastError == null ? ")" : "): " + lastError);
        channel.disconnect();
        session.disconnect();
        return reason;
    }

    private void pumpErr(InputStream err) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(err, StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                LOG.warn("board stderr: {}", line);
                lastError = line.startsWith("r58ctl: ") ? line.substring(8) : line;
            }
        } catch (IOException e) {
            LOG.info("board stderr ended: {}", e.getMessage());
        }
    }

    private void daemon(String name, Runnable r) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        t.start();
    }
}
