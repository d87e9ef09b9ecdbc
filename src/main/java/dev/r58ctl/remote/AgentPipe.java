package dev.r58ctl.remote;

import dev.r58ctl.Shutdown;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code engine serve --stdio} when r58ctl agent runs on the board: stdin and stdout joined to the agent's socket, so
 * the laptop's dashboard sees the board's one engine, shared with every other front end. The laptop leaving (end of
 * stdin, or {@link EngineServer#SILENCE_MS} without its ping) ends this front end only: the agent's pipelines go on.
 */
public final class AgentPipe {
    private static final Logger LOG = LoggerFactory.getLogger(AgentPipe.class);

    private AgentPipe() {
    }

    /** Joins stdio to the agent at {@code socket}; null when no agent answers there (serve in-process instead). */
    public static Integer serve(Path socket, InputStream in, OutputStream out) {
        return serve(socket, in, out, EngineServer.SILENCE_MS);
    }

    static Integer serve(Path socket, InputStream in, OutputStream out, long silenceMillis) {
        SocketChannel ch;
        try {
            ch = SocketStreams.connect(socket);
        } catch (IOException e) {
            return null;
        }
        CountDownLatch done = new CountDownLatch(1);
        long[] heard = {System.currentTimeMillis()};
        try (ch; Shutdown.Registration serving = Shutdown.whileRunning("engine serve (attached to the agent)",
                done::countDown)) {
            LOG.info("serving the agent's engine on stdio ({})", socket);
            daemon("r58ctl-pipe-out", () -> {
                copy(SocketStreams.in(ch), out, null);
                done.countDown();
            });
            daemon("r58ctl-pipe-in", () -> {
                copy(in, SocketStreams.out(ch), heard);
                done.countDown();
            });
            while (!done.await(1000, TimeUnit.MILLISECONDS)) {
                if (System.currentTimeMillis() - heard[0] > silenceMillis) {
                    LOG.warn("no word from the laptop for {} ms: leaving the agent", silenceMillis);
                    break;
                }
            }
        } catch (IOException e) {
            LOG.info("closing the agent connection: {}", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    /** Copies until the end of {@code from}, flushing as each read arrives; notes the time of each read. */
    private static void copy(InputStream from, OutputStream to, long[] heard) {
        byte[] buf = new byte[64 * 1024];
        try {
            for (int n = from.read(buf); n >= 0; n = from.read(buf)) {
                if (heard != null) {
                    heard[0] = System.currentTimeMillis();
                }
                to.write(buf, 0, n);
                to.flush();
            }
        } catch (IOException e) {
            LOG.info("pipe ended: {}", e.getMessage());
        }
    }

    private static void daemon(String name, Runnable r) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        t.start();
    }
}
