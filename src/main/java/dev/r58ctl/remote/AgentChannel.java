package dev.r58ctl.remote;

import dev.r58ctl.R58Exception;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A connection to r58ctl agent's control socket on this machine, a line at a time. */
final class AgentChannel implements LineChannel {
    private static final Logger LOG = LoggerFactory.getLogger(AgentChannel.class);

    private final SocketChannel ch;
    private final OutputStream out;
    private final CountDownLatch readerDone = new CountDownLatch(1);
    private volatile boolean closing;

    private AgentChannel(SocketChannel ch) {
        this.ch = ch;
        this.out = SocketStreams.out(ch);
    }

    /** Opens connections to the agent at {@code socket}. */
    static Opener opener(Path socket) {
        return new Opener() {
            @Override
            public String name() {
                return "r58ctl agent";
            }

            @Override
            public LineChannel open(Consumer<String> notices, Consumer<String> lines, Consumer<String> ended) {
                return AgentChannel.open(socket, lines, ended);
            }
        };
    }

    static AgentChannel open(Path socket, Consumer<String> lines, Consumer<String> ended) {
        SocketChannel ch;
        try {
            ch = SocketStreams.connect(socket);
        } catch (IOException | RuntimeException e) {
            throw new R58Exception(SshLink.UNREACHABLE, "r58ctl agent is not answering on " + socket + ": "
                    + e.getMessage());
        }
        AgentChannel a = new AgentChannel(ch);
        Thread t = new Thread(() -> a.pump(lines, ended), "r58ctl-agent-in");
        t.setDaemon(true);
        t.start();
        return a;
    }

    @Override
    public synchronized boolean send(String line) {
        try {
            out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            return true;
        } catch (IOException e) {
            LOG.info("cannot send to the agent: {}", e.getMessage());
            return false;
        }
    }

    @Override
    public void close(long millis) {
        closing = true;
        try {
            ch.shutdownOutput(); // the agent ends this front end's session; its engine goes on
            readerDone.await(millis, TimeUnit.MILLISECONDS);
        } catch (IOException e) {
            LOG.info("closing the agent connection: {}", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            ch.close();
        } catch (IOException e) {
            // gone already
        }
    }

    @Override
    public String lastError() {
        return null;
    }

    private void pump(Consumer<String> lines, Consumer<String> ended) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(SocketStreams.in(ch), StandardCharsets.UTF_8),
                1 << 16)) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                lines.accept(line);
            }
        } catch (IOException | RuntimeException e) {
            LOG.info("agent connection ended: {}", e.toString());
        }
        readerDone.countDown();
        if (!closing) {
            ended.accept(BoardChannel.LINK_LOST + ": r58ctl agent closed the connection");
        }
    }
}
