package dev.r58ctl.remote;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.r58ctl.R58Exception;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dashboard's link to an engine served elsewhere (the board over SSH, or r58ctl agent on this machine through its
 * socket; the board's words below stand for both): connects, waits for the board's hello, hands on every line, and when
 * the link drops (keepalive: a silent board within about four seconds) says "board unreachable since HH:MM:SS"
 * and reconnects with backoff (1, 2, 4 ... 30 s) until it is back or closed. A refused host key stops the retries.
 */
final class BoardLink {
    static final long MAX_BACKOFF_MS = 30_000;
    private static final long HELLO_TIMEOUT_S = 60;
    private static final Logger LOG = LoggerFactory.getLogger(BoardLink.class);
    private static final DateTimeFormatter HMS = DateTimeFormatter.ofPattern("HH:mm:ss");

    /** What the link hands on; all of it on the link's reader thread, a connection's hello before its events. */
    interface Listener {
        /** A connection's first line; {@code downSince} is when the board was last heard before, 0 the first time. */
        void hello(Wire.Hello hello, long downSince);

        void message(Wire.Message message);

        void link(boolean up, String text);
    }

    private final LineChannel.Opener opener;
    private final Listener listener;
    private volatile LineChannel channel;
    private volatile boolean up;
    private volatile boolean closing;
    private volatile long lastHeard;
    private volatile long downSince;
    private volatile Thread retry;

    BoardLink(LineChannel.Opener opener, Listener listener) {
        this.opener = opener;
        this.listener = listener;
    }

    /** The first connection; throws one line (exit 2 refused, 3 unreachable) when it cannot be made. */
    void connect(Consumer<String> notices) {
        attempt(notices);
    }

    boolean up() {
        return up;
    }

    /** Sends one line to the board; false when the link is down. */
    boolean send(String line) {
        LineChannel ch = channel;
        return up && ch != null && ch.send(line);
    }

    void close() {
        closing = true;
        Thread t = retry;
        if (t != null) {
            t.interrupt();
        }
        LineChannel ch = channel;
        if (ch != null) {
            ch.close(10_000); // the board stops what r58ctl started there with EOS; give it the time
        }
    }

    private void attempt(Consumer<String> notices) {
        long started = System.nanoTime();
        CompletableFuture<Wire.Hello> hello = new CompletableFuture<>();
        CompletableFuture<LineChannel> self = new CompletableFuture<>();
        LineChannel ch = opener.open(notices, line -> onLine(line, hello, self), why -> {
            int code = why.startsWith(BoardChannel.LINK_LOST) ? SshLink.UNREACHABLE : R58Exception.FAILED;
            if (!hello.completeExceptionally(new R58Exception(code, "the " + opener.name() + ": " + why))) {
                dropped(self.join(), why);
            }
        });
        self.complete(ch);
        try {
            hello.get(HELLO_TIMEOUT_S, TimeUnit.SECONDS);
            LOG.info("the board's hello after {} ms", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        } catch (ExecutionException e) {
            ch.close(0);
            throw e.getCause() instanceof R58Exception r ? r : R58Exception.failed(String.valueOf(e.getCause()));
        } catch (TimeoutException e) {
            ch.close(0);
            throw new R58Exception(SshLink.UNREACHABLE, (opener.name().equals("board") ? "r58ctl on the board"
                    : opener.name()) + " did not answer within " + HELLO_TIMEOUT_S
                    + " s" + (ch.lastError() == null ? "" : ": " + ch.lastError()));
        } catch (InterruptedException e) {
            ch.close(0);
            Thread.currentThread().interrupt();
            throw new R58Exception(SshLink.UNREACHABLE, "interrupted while connecting");
        }
        if (closing) {
            ch.close(0); // the operator quit while this attempt was under way
        }
    }

    private void onLine(String line, CompletableFuture<Wire.Hello> hello, CompletableFuture<LineChannel> self) {
        lastHeard = System.currentTimeMillis();
        if (hello.isCompletedExceptionally()) {
            return;
        }
        Wire.Message m;
        try {
            m = Wire.read(line);
        } catch (JsonProcessingException | RuntimeException e) {
            LOG.warn("unreadable line from the board ({}): {}", e.getMessage(), line);
            return;
        }
        if (m == null) {
            return; // a newer board's event this r58ctl does not know
        }
        if (m.value() instanceof Wire.Hello h) {
            if (h.protocol() != Wire.PROTOCOL) {
                hello.completeExceptionally(R58Exception.failed("the " + opener.name() + "'s r58ctl speaks protocol "
                        + h.protocol()
                        + ", this one " + Wire.PROTOCOL + ": install the same version on both"));
                return;
            }
            synchronized (this) {
                channel = self.join(); // up before anything else, so that a drop right after the hello is seen
                up = true;
            }
            listener.hello(h, downSince);
            hello.complete(h);
        } else {
            listener.message(m);
        }
    }

    private synchronized void dropped(LineChannel ch, String why) {
        if (closing || ch != channel || !up) {
            return;
        }
        up = false;
        long window = (long) SshLink.KEEPALIVE_MS * (SshLink.KEEPALIVE_COUNT + 1);
        downSince = Math.max(lastHeard, System.currentTimeMillis() - window);
        LOG.warn("{} unreachable since {}: {}", opener.name(), hms(downSince), why);
        listener.link(false, unreachable() + "; retrying in 1 s");
        Thread t = new Thread(this::retryLoop, "r58ctl-reconnect");
        t.setDaemon(true);
        retry = t;
        t.start();
    }

    private String unreachable() {
        return opener.name() + " unreachable since " + hms(downSince);
    }

    private void retryLoop() {
        long delay = 1000;
        while (!closing) {
            try {
                Thread.sleep(delay);
            } catch (InterruptedException e) {
                return;
            }
            try {
                attempt(notice -> LOG.info("{}", notice));
                return;
            } catch (R58Exception e) {
                LOG.info("reconnecting failed: {}", e.getMessage());
                if (e.exitCode() == R58Exception.BAD_INPUT) {
                    listener.link(false, unreachable() + "; not retrying: " + e.getMessage());
                    return;
                }
                delay = Math.min(delay * 2, MAX_BACKOFF_MS);
                listener.link(false, unreachable() + "; retrying in " + delay / 1000 + " s (" + e.getMessage() + ")");
            }
        }
    }

    static String hms(long millis) {
        return LocalTime.ofInstant(Instant.ofEpochMilli(millis), ZoneId.systemDefault()).format(HMS);
    }
}
