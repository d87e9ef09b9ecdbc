package dev.r58ctl.remote;

import dev.r58ctl.Shutdown;
import dev.r58ctl.config.Config;
import dev.r58ctl.engine.Engine;
import java.io.InputStream;
import java.io.PrintWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The board's side of the remote dashboard ({@code r58ctl engine serve --stdio}) when no agent runs: its own
 * {@link Engine}, ticked here, served through an {@link EngineHub} to one front end on stdin and stdout. The end of
 * stdin (the laptop quit or the link died) closes the engine as quitting the dashboard on the board does: pipelines
 * r58ctl started are stopped with EOS, so their files are whole; the recorder is untouched. When the agent runs,
 * {@link AgentPipe} connects stdin and stdout to it instead.
 */
public final class EngineServer {
    private static final Logger LOG = LoggerFactory.getLogger(EngineServer.class);
    /**
     * A laptop that vanished without closing the channel (power, Wi-Fi) is given up after this long, so that its
     * pipelines do not hold the cameras until sshd notices; the laptop has reconnected to a new server by then.
     */
    static final long SILENCE_MS = 15_000;

    private final Config config;
    private final long silenceMillis;

    public EngineServer(Config config) {
        this(config, SILENCE_MS);
    }

    /** @param silenceMillis how long the laptop may say nothing (it pings every second) before this side stops */
    EngineServer(Config config, long silenceMillis) {
        this.config = config;
        this.silenceMillis = silenceMillis;
    }

    /** Serves until stdin ends or stdout breaks; returns the exit code. */
    public int serve(InputStream in, PrintWriter out) {
        ClientSession session = new ClientSession("stdio", in, out, null);
        // SIGTERM or SIGHUP on the board ends the serving as the laptop's going away does (see Shutdown)
        try (Shutdown.Registration serving = Shutdown.whileRunning("engine serve",
                () -> session.end("stopped by " + Shutdown.stoppedBy()));
             Engine engine = new Engine(config)) {
            EngineHub hub = new EngineHub(config, engine, engine.tickMillis(), false);
            engine.start(); // its first events are the picture the session starts with
            hub.attach(session);
            LOG.info("serving the engine on stdio");
            while (!session.await(engine.tickMillis())) {
                if (System.currentTimeMillis() - session.heard() > silenceMillis) {
                    LOG.warn("no word from the laptop for {} ms: stopping", silenceMillis);
                    break;
                }
                hub.tick();
            }
            LOG.info("{}: closing the engine (pipelines r58ctl started stop with EOS)",
                    Shutdown.requested() ? "stopped by " + Shutdown.stoppedBy() : session.why());
            session.end("the engine is closing");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }
}
