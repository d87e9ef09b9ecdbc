package dev.r58ctl.agent;

import dev.r58ctl.Shutdown;
import dev.r58ctl.config.Config;
import dev.r58ctl.engine.Engine;
import dev.r58ctl.engine.EngineEvent;
import dev.r58ctl.remote.EngineHub;
import java.io.IOException;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code r58ctl agent}: the one engine of the board, always on. It binds the control socket, starts its parts, starts
 * the engine (the kernel log read from the start of the ring buffer) and ticks it every {@code agent.interval} until
 * it is asked to stop (SIGTERM, SIGINT, SIGHUP); front ends attach through the socket in the dashboard's protocol,
 * any number at once, and leaving stops nothing. On the way out the socket stops accepting, the parts are closed,
 * then the engine (pipelines r58ctl started get EOS, their files whole).
 */
public final class Agent {
    private static final Logger LOG = LoggerFactory.getLogger(Agent.class);

    private final Config config;
    private final List<AgentPart.Factory> factories;
    private final CountDownLatch stop = new CountDownLatch(1);

    public Agent(Config config, List<AgentPart.Factory> parts) {
        this.config = config;
        this.factories = List.copyOf(parts);
    }

    /**
     * Runs until asked to stop; {@code said} hears the one start line once the socket is bound. Refuses (one line,
     * exit 1) when another agent answers on the socket. Returns the exit code.
     */
    public int run(java.util.function.Consumer<String> said) {
        long interval = config.agent().interval().toMillis();
        try (Shutdown.Registration running = Shutdown.whileRunning("r58ctl agent", stop::countDown);
             ControlSocket socket = ControlSocket.bind(config.agent().socket());
             Engine engine = new Engine(config)) {
            EngineHub hub = new EngineHub(config, engine, interval, true);
            List<AgentPart> parts = startParts(engine, said);
            engine.start();
            Thread acceptor = new Thread(() -> accept(socket, hub), "r58ctl-agent-accept");
            acceptor.setDaemon(true);
            acceptor.start();
            said.accept("r58ctl agent: serving on " + socket.path() + ", sampling every " + interval + " ms, kernel "
                    + engine.kernelSource() + parts.stream().map(p -> "; " + p.name()).collect(
                            java.util.stream.Collectors.joining()));
            LOG.info("agent: serving on {}, every {} ms, {} part(s)", socket.path(), interval, parts.size());
            while (!stop.await(interval, TimeUnit.MILLISECONDS)) {
                hub.tick();
            }
            LOG.info("agent: stopping ({}); {} front end(s) attached", Shutdown.requested() ? Shutdown.stoppedBy()
                    : "asked", hub.sessions());
            socket.close(); // no new front end while the engine closes
            closeParts(parts);
            hub.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    /** Asks {@link #run} to stop (tests; signals go through {@link Shutdown}). */
    public void stop() {
        stop.countDown();
    }

    /** Starts each part; one that cannot start (a metrics port in use) is one line for journald, and the rest go on. */
    private List<AgentPart> startParts(Engine engine, java.util.function.Consumer<String> said) {
        List<AgentPart> parts = new ArrayList<>();
        for (AgentPart.Factory f : factories) {
            try {
                AgentPart p = f.start(config);
                engine.subscribe(e -> deliver(p, e));
                parts.add(p);
                LOG.info("agent: {} started", p.name());
            } catch (dev.r58ctl.R58Exception e) {
                LOG.error("agent: a part failed to start; going on without it: {}", e.getMessage());
                said.accept("r58ctl agent: " + e.getMessage() + " (going on without it)");
            } catch (Exception e) {
                LOG.error("agent: a part failed to start; going on without it", e);
                said.accept("r58ctl agent: a part failed to start (" + e + "); going on without it");
            }
        }
        return parts;
    }

    private static void deliver(AgentPart p, EngineEvent e) {
        try {
            p.accept(e);
        } catch (RuntimeException ex) {
            LOG.error("agent: {} failed on {}", p.name(), e.getClass().getSimpleName(), ex);
        }
    }

    private static void closeParts(List<AgentPart> parts) {
        for (int i = parts.size() - 1; i >= 0; i--) {
            AgentPart p = parts.get(i);
            try {
                p.close();
                LOG.info("agent: {} closed", p.name());
            } catch (RuntimeException e) {
                LOG.error("agent: closing {}", p.name(), e);
            }
        }
    }

    private void accept(ControlSocket socket, EngineHub hub) {
        AtomicInteger n = new AtomicInteger();
        while (true) {
            SocketChannel ch;
            try {
                ch = socket.accept();
            } catch (IOException e) {
                LOG.info("agent: no longer accepting: {}", e.toString());
                return;
            }
            hub.attach("client " + n.incrementAndGet(), ch);
        }
    }
}
