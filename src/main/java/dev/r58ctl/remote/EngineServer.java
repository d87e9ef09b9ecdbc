package dev.r58ctl.remote;

import dev.r58ctl.R58Exception;
import dev.r58ctl.Shutdown;
import dev.r58ctl.config.Camera;
import dev.r58ctl.config.Config;
import dev.r58ctl.config.KnownEncoder;
import dev.r58ctl.engine.Engine;
import dev.r58ctl.engine.EngineEvent.Message;
import dev.r58ctl.guard.GuardResult;
import dev.r58ctl.guard.Trial;
import dev.r58ctl.kernel.KernelLog;
import dev.r58ctl.kernel.PreviousBoot;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The board's side of the remote dashboard ({@code r58ctl engine serve --stdio}): runs the real {@link Engine},
 * ticking it itself, writes the {@link Wire.Hello} and then every event to stdout, and runs the commands read from
 * stdin. The end of stdin (the laptop quit or the link died) closes the engine as quitting the dashboard on the
 * board does: pipelines r58ctl started are stopped with EOS, so their files are whole; the recorder is untouched.
 */
public final class EngineServer {
    private static final Logger LOG = LoggerFactory.getLogger(EngineServer.class);
    private static final String STOP = "\u0000stop";
    /**
     * A laptop that vanished without closing the channel (power, Wi-Fi) is given up after this long, so that its
     * pipelines do not hold the cameras until sshd notices; the laptop has reconnected to a new server by then.
     */
    static final long SILENCE_MS = 15_000;

    private final Config config;
    private final BlockingQueue<String> outbox = new LinkedBlockingQueue<>();
    private final CountDownLatch done = new CountDownLatch(1);
    private final long silenceMillis;
    private volatile long heard = System.currentTimeMillis();

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
        CompletableFuture<PreviousBoot.Report> previous =
                CompletableFuture.supplyAsync(() -> new KernelLog(config).previousBoot());
        // SIGTERM or SIGHUP on the board ends the serving as the laptop's going away does (see Shutdown)
        try (Shutdown.Registration serving = Shutdown.whileRunning("engine serve", done::countDown);
             Engine engine = new Engine(config)) {
            engine.subscribe(e -> {
                try {
                    outbox.add(Wire.event(e));
                } catch (RuntimeException ex) {
                    LOG.error("cannot send {}", e.getClass().getSimpleName(), ex);
                }
            });
            engine.start(); // its first events wait in the outbox until the hello is out
            List<String> patches = names(engine.patches());
            out.println(Wire.line("hello", hello(engine, patches, previous.join())));
            out.flush();
            heard = System.currentTimeMillis(); // the laptop's pings start after the hello, however long it took
            daemon("r58ctl-serve-out", () -> write(out));
            daemon("r58ctl-serve-in", () -> read(in, engine));
            LOG.info("serving the engine on stdio");
            while (!done.await(engine.tickMillis(), TimeUnit.MILLISECONDS)) {
                if (System.currentTimeMillis() - heard > silenceMillis) {
                    LOG.warn("no word from the laptop for {} ms: stopping", silenceMillis);
                    break;
                }
                engine.tick();
                List<String> now = names(engine.patches());
                if (!now.equals(patches)) {
                    patches = now;
                    outbox.add(Wire.line("patches", now));
                }
            }
            LOG.info("{}: closing the engine (pipelines r58ctl started stop with EOS)",
                    Shutdown.requested() ? "stopped by " + Shutdown.stoppedBy() : "the laptop went away");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    private Wire.Hello hello(Engine engine, List<String> patches, PreviousBoot.Report previous) {
        Map<String, List<KnownEncoder>> encoders = new LinkedHashMap<>();
        for (Camera c : engine.cameras()) {
            encoders.put(c.id(), engine.encoderChoices(c.id()));
        }
        GuardResult guard;
        try {
            guard = Trial.store(config).last().orElse(null);
        } catch (R58Exception e) {
            guard = null;
        }
        return new Wire.Hello(Wire.PROTOCOL, EngineServer.class.getPackage().getImplementationVersion(),
                new KernelLog(config).bootId(), engine.tickMillis(), engine.kernelSource(),
                engine.patchDir().toString(), patches, encoders, previous, guard);
    }

    private static List<String> names(List<Path> files) {
        return files.stream().map(Path::toString).toList();
    }

    private void write(PrintWriter out) {
        try {
            for (String line = outbox.take(); !line.equals(STOP); line = outbox.take()) {
                out.println(line);
                if (outbox.isEmpty()) {
                    out.flush();
                }
                if (out.checkError()) {
                    LOG.info("stdout is gone");
                    break;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        done.countDown();
    }

    private void read(InputStream in, Engine engine) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                heard = System.currentTimeMillis();
                run(line, engine);
            }
        } catch (IOException e) {
            LOG.info("stdin ended: {}", e.getMessage());
        }
        outbox.add(STOP);
        done.countDown();
    }

    /** Runs one command; what goes wrong comes back as an error message, as a refused key does locally. */
    void run(String line, Engine engine) {
        Wire.Command c;
        try {
            c = Wire.JSON.readValue(line, Wire.Command.class);
        } catch (IOException e) {
            outbox.add(Wire.event(new Message(Message.Level.ERROR, "board: unreadable command: " + e.getMessage())));
            return;
        }
        if (!"ping".equals(c.cmd())) {
            LOG.info("command from the laptop: {} {}", c.cmd(), c.args());
        }
        try {
            ServedCommands.run(engine, c.cmd(), c.args() == null ? List.of() : c.args());
        } catch (R58Exception | IllegalArgumentException | ClassCastException | IndexOutOfBoundsException e) {
            outbox.add(Wire.event(new Message(Message.Level.ERROR, c.cmd() + ": " + e.getMessage())));
        }
    }

    private static void daemon(String name, Runnable r) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        t.start();
    }
}
