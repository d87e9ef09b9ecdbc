package dev.r58ctl.remote;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One front end attached to an engine through {@link EngineHub}: lines for it wait in a bounded outbox that its own
 * writer thread empties, so a slow front end never holds up the engine or another front end; one that falls
 * {@link #OUTBOX} lines behind is dropped with a log line. Its commands are read on its own reader thread.
 */
final class ClientSession {
    /** Lines a front end may fall behind before it is dropped: the replay (up to 2000 kernel lines) fits. */
    static final int OUTBOX = 8192;
    private static final Logger LOG = LoggerFactory.getLogger(ClientSession.class);
    private static final String STOP = "\u0000stop";

    private final String who;
    private final InputStream in;
    private final Writer out;
    private final AutoCloseable connection;
    private final BlockingQueue<String> outbox = new ArrayBlockingQueue<>(OUTBOX);
    private final CountDownLatch done = new CountDownLatch(1);
    private volatile boolean ended;
    private volatile long heard = System.currentTimeMillis();
    private volatile String why = "the front end went away";

    /**
     * @param who        the front end, for the log ("stdio", "socket client 3")
     * @param connection closed when the session ends or is dropped (a socket; null for stdio)
     */
    ClientSession(String who, InputStream in, Writer out, AutoCloseable connection) {
        this.who = who;
        this.in = in;
        this.out = out;
        this.connection = connection;
    }

    String who() {
        return who;
    }

    /** A session over a byte stream pair (a socket's). */
    static ClientSession of(String who, InputStream in, OutputStream out, AutoCloseable connection) {
        return new ClientSession(who, in, new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8),
                1 << 16), connection);
    }

    /** Starts its writer and reader threads; each line read goes to {@code commands} with this session. */
    void start(BiConsumer<ClientSession, String> commands) {
        daemon("r58ctl-" + who + "-out", this::write);
        daemon("r58ctl-" + who + "-in", () -> read(commands));
    }

    /** Queues a line; false (and the session dropped) when the front end fell too far behind, or it ended. */
    boolean offer(String line) {
        if (ended) {
            return false;
        }
        if (!outbox.offer(line)) {
            end(OUTBOX + " lines behind: dropped");
            LOG.warn("{} fell {} lines behind: dropped", who, OUTBOX);
            return false;
        }
        return true;
    }

    /** When the front end last said anything (a command or a ping). */
    long heard() {
        return heard;
    }

    /** Marks the session as just heard from (the hello is out: a silence starts counting now). */
    void heardNow() {
        heard = System.currentTimeMillis();
    }

    boolean ended() {
        return ended;
    }

    /** Why it ended. */
    String why() {
        return why;
    }

    /** Waits up to {@code millis} for the session to end; true when it has. */
    boolean await(long millis) throws InterruptedException {
        return done.await(millis, TimeUnit.MILLISECONDS);
    }

    /** Ends the session: queued lines are dropped, the connection closed. */
    void end(String reason) {
        synchronized (this) {
            if (ended) {
                return;
            }
            ended = true;
            why = reason;
        }
        LOG.info("{} ended: {}", who, reason);
        outbox.clear();
        outbox.offer(STOP);
        if (connection != null) {
            try {
                connection.close(); // wakes its reader and a writer blocked on a full socket
            } catch (Exception e) {
                LOG.info("closing {}: {}", who, e.getMessage());
            }
        }
        done.countDown();
    }

    private void write() {
        Writer w = out;
        try {
            for (String line = outbox.take(); !line.equals(STOP); line = outbox.take()) {
                w.write(line);
                w.write('\n');
                if (outbox.isEmpty()) {
                    w.flush();
                    if (w instanceof java.io.PrintWriter pw && pw.checkError()) {
                        throw new IOException("stdout is gone");
                    }
                }
            }
            w.flush();
        } catch (IOException e) {
            end("its output is gone (" + e.getMessage() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        end(why);
    }

    private void read(BiConsumer<ClientSession, String> commands) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null && !ended; line = r.readLine()) {
                heard = System.currentTimeMillis();
                commands.accept(this, line);
            }
        } catch (IOException e) {
            LOG.info("{}: input ended: {}", who, e.getMessage());
        }
        end("the front end went away");
    }

    private static void daemon(String name, Runnable r) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        t.start();
    }
}
