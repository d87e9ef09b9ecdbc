package dev.r58ctl.remote;

import dev.r58ctl.R58Exception;
import dev.r58ctl.config.Camera;
import dev.r58ctl.config.Config;
import dev.r58ctl.config.KnownEncoder;
import dev.r58ctl.engine.Engine;
import dev.r58ctl.engine.EngineEvent;
import dev.r58ctl.engine.EngineEvent.Message;
import dev.r58ctl.guard.GuardResult;
import dev.r58ctl.guard.Trial;
import dev.r58ctl.kernel.KernelLog;
import dev.r58ctl.kernel.PreviousBoot;
import dev.r58ctl.monitor.DiskFigures;
import dev.r58ctl.monitor.StreamSnapshot;
import dev.r58ctl.monitor.SystemSample;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One engine served to front ends in the dashboard's protocol ({@link Wire}): {@code engine serve --stdio} has one,
 * {@code r58ctl agent} many, sharing the engine. Subscribed to the engine, it writes each event once as a JSON line
 * and queues it for every session; it keeps the current picture (the last sample, camera rows, disks, streams, repo,
 * matrix, checklist, this boot's incidents and the newest kernel lines), so a front end that attaches gets the hello
 * and that picture at once, then every event. Requests a front end makes are answered to it alone.
 */
public final class EngineHub implements Consumer<EngineEvent> {
    /** Kernel lines replayed to a front end that attaches (as many as the engine keeps). */
    static final int KERNEL_LINES = 2000;
    private static final int INCIDENTS = 200;
    private static final Logger LOG = LoggerFactory.getLogger(EngineHub.class);
    /** The events whose last one is the picture, in the order a new front end gets them. */
    private static final List<Class<?>> PICTURE = List.of(EngineEvent.GuardActed.class, EngineEvent.RepoState.class,
            EngineEvent.MatrixUpdated.class, EngineEvent.ChecklistUpdated.class, EngineEvent.SystemSampled.class,
            EngineEvent.CamerasUpdated.class, EngineEvent.DisksSampled.class, EngineEvent.StreamsPolled.class);

    private final Config config;
    private final Engine engine;
    private final long tickMillis;
    private final boolean shared;
    private final CompletableFuture<PreviousBoot.Report> previous;
    private final List<ClientSession> sessions = new CopyOnWriteArrayList<>();
    /** Guarded by this: the picture, and the order in which lines reach the sessions. */
    private final Map<Class<?>, String> last = new LinkedHashMap<>();
    private final Map<String, String> incidents = new LinkedHashMap<>();
    private final ArrayDeque<String> kernelLines = new ArrayDeque<>();
    private volatile SystemSample system;
    private volatile long sampledMillis;
    private volatile DiskFigures disks;
    private volatile StreamSnapshot streams;
    private List<String> patches = List.of();

    /**
     * @param tickMillis how often the owner ticks the engine (told to front ends in the hello)
     * @param shared     true for the agent's engine, which outlives its front ends
     */
    public EngineHub(Config config, Engine engine, long tickMillis, boolean shared) {
        this.config = config;
        this.engine = engine;
        this.tickMillis = tickMillis;
        this.shared = shared;
        this.previous = CompletableFuture.supplyAsync(() -> new KernelLog(config).previousBoot());
        engine.subscribe(this);
    }

    @Override
    public void accept(EngineEvent e) {
        String line;
        try {
            line = Wire.event(e);
        } catch (RuntimeException ex) {
            LOG.error("cannot send {}", e.getClass().getSimpleName(), ex);
            return;
        }
        if (e instanceof EngineEvent.SystemSampled s) {
            system = s.sample();
            sampledMillis = System.currentTimeMillis();
        } else if (e instanceof EngineEvent.DisksSampled d) {
            disks = d.disks();
        } else if (e instanceof EngineEvent.StreamsPolled p) {
            streams = p.snapshot();
        }
        synchronized (this) {
            if (PICTURE.contains(e.getClass())) {
                last.put(e.getClass(), line);
            } else if (e instanceof EngineEvent.KernelLineRead) {
                if (kernelLines.size() == KERNEL_LINES) {
                    kernelLines.removeFirst();
                }
                kernelLines.addLast(line);
            } else if (e instanceof EngineEvent.KernelIncident ki) {
                incidents.remove(ki.incident().id()); // the newest state, in the order they last changed
                incidents.put(ki.incident().id(), line);
                if (incidents.size() > INCIDENTS) {
                    incidents.remove(incidents.keySet().iterator().next());
                }
            }
            broadcast(line);
        }
    }

    private void broadcast(String line) {
        for (ClientSession s : sessions) {
            if (!s.offer(line)) {
                sessions.remove(s);
            }
        }
    }

    /**
     * Serves a front end: the hello, the current picture and from then on every event; its commands run on the
     * engine. Returns the session, already started.
     */
    ClientSession attach(ClientSession s) {
        String hello = Wire.line("hello", hello());
        synchronized (this) {
            s.offer(hello);
            PICTURE.forEach(c -> {
                String line = last.get(c);
                if (line != null) {
                    s.offer(line);
                }
            });
            incidents.values().forEach(s::offer);
            kernelLines.forEach(s::offer);
            if (!s.ended()) {
                sessions.add(s);
            }
        }
        s.heardNow();
        s.start(this::command);
        LOG.info("{} attached ({} now)", s.who(), sessions.size());
        return s;
    }

    /** Serves a front end connected to a socket until it leaves or falls too far behind. */
    public void attach(String who, java.nio.channels.SocketChannel ch) {
        attach(ClientSession.of(who, SocketStreams.in(ch), SocketStreams.out(ch), ch));
    }

    /** Front ends attached now. */
    public int sessions() {
        sessions.removeIf(ClientSession::ended);
        return sessions.size();
    }

    /** One sampling round, and the patch list sent again when it changed. */
    public void tick() {
        engine.tick();
        List<String> now = names(engine.patches());
        synchronized (this) {
            if (!now.equals(patches)) {
                patches = now;
                broadcast(Wire.line("patches", now));
            }
        }
    }

    /** Ends every session (the engine is closing). */
    public void close() {
        sessions.forEach(s -> s.end("the engine is closing"));
        sessions.clear();
    }

    /** What the engine last measured, without measuring anything. */
    public AgentSnapshot snapshot() {
        return new AgentSnapshot(sampledMillis, tickMillis, system, disks, streams, engine.cameraViews(),
                engine.kernelSource(), engine.incidents(), previous.join());
    }

    /** Runs one line a front end sent; what goes wrong comes back to it alone as an error message. */
    void command(ClientSession s, String line) {
        Wire.Command c;
        try {
            c = Wire.readCommand(line);
        } catch (IOException e) {
            s.offer(Wire.event(new Message(Message.Level.ERROR, "unreadable command: " + e.getMessage())));
            return;
        }
        if ("snapshot".equals(c.cmd())) {
            s.offer(Wire.line("snapshot", snapshot()));
            return;
        }
        if (!"ping".equals(c.cmd())) {
            LOG.info("command from {}: {} {}", s.who(), c.cmd(), c.args());
        }
        try {
            ServedCommands.run(engine, c.cmd(), c.args() == null ? List.of() : c.args());
        } catch (R58Exception | IllegalArgumentException | ClassCastException | IndexOutOfBoundsException
                 | NullPointerException e) {
            s.offer(Wire.event(new Message(Message.Level.ERROR, c.cmd() + ": " + e.getMessage())));
        }
    }

    private Wire.Hello hello() {
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
        List<String> files = names(engine.patches());
        return new Wire.Hello(Wire.PROTOCOL, EngineHub.class.getPackage().getImplementationVersion(),
                new KernelLog(config).bootId(), tickMillis, engine.kernelSource(), engine.patchDir().toString(),
                files, encoders, previous.join(), guard, shared);
    }

    private static List<String> names(List<Path> files) {
        List<String> out = new ArrayList<>();
        files.forEach(p -> out.add(p.toString()));
        return out;
    }
}
