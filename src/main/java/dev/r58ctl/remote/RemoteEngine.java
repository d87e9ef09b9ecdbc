package dev.r58ctl.remote;

import dev.r58ctl.config.KnownEncoder;
import dev.r58ctl.engine.EngineEvent;
import dev.r58ctl.engine.EngineEvent.Message;
import dev.r58ctl.engine.EngineLink;
import dev.r58ctl.stability.TestKind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The board's engine seen from the laptop, over SSH ({@link BoardLink}): commands go to {@code r58ctl engine serve
 * --stdio} there as JSON lines, its events come back and reach the subscribers as if the engine ran here. Kernel
 * lines and incidents are journaled locally as they arrive; after a reconnection to the same boot the lines the
 * board reads again are dropped, so neither the screen nor the journal shows them twice.
 */
public final class RemoteEngine implements EngineLink, BoardLink.Listener {
    /** Where the engine runs, after its kernel source: " on HOST:PORT", " (r58ctl agent)". */
    private final String where;
    private final String name;
    /** What it is to the operator: "board", "r58ctl agent". */
    private final String what;
    private final BoardLink link;
    private final KmsgJournal journal;
    private final Consumer<String> notices;
    private static final int EARLY_MAX = 10_000;
    private static final long PING_MS = 1000;
    private final List<Consumer<EngineEvent>> listeners = new CopyOnWriteArrayList<>();
    private final List<EngineEvent> early = new ArrayList<>();
    private volatile Wire.Hello hello;
    private volatile List<Path> patches = List.of();
    private final KernelIntake kernel;
    private volatile List<dev.r58ctl.engine.CameraView> cameras = List.of();

    /**
     * @param notices    one line each, before the screen opens (a host key added)
     */
    RemoteEngine(BoardAddress address, KmsgJournal journal, Consumer<String> notices) {
        this(BoardChannel.opener(address), " on " + new RemoteTarget(null, address.target().host(),
                address.target().port()), address.target().toString(), journal, notices);
    }

    /**
     * @param where   shown after the kernel source
     * @param name    the engine's place in the journal's notes
     */
    RemoteEngine(LineChannel.Opener opener, String where, String name, KmsgJournal journal, Consumer<String> notices) {
        this.where = where;
        this.name = name;
        this.what = opener.name();
        this.link = new BoardLink(opener, this);
        this.journal = journal;
        this.kernel = new KernelIntake(journal);
        this.notices = notices;
    }

    /** The first subscriber also gets what arrived since the connection (the first samples and kernel lines). */
    @Override
    public synchronized void subscribe(Consumer<EngineEvent> listener) {
        listeners.add(listener);
        early.forEach(listener);
        early.clear();
    }

    private void emit(EngineEvent e) {
        synchronized (this) {
            if (listeners.isEmpty()) {
                if (early.size() < EARLY_MAX) {
                    early.add(e);
                }
                return;
            }
        }
        for (Consumer<EngineEvent> l : listeners) {
            l.accept(e);
        }
    }

    /** Connects and waits for the board's hello; a refused host key or a dead board is one line (exit 2, 3). */
    @Override
    public RemoteEngine start() {
        if (hello == null) {
            link.connect(notices);
        }
        return this;
    }

    @Override
    public void hello(Wire.Hello h, long downSince) {
        Wire.Hello before = hello;
        kernel.connected(h.bootId(), h.kernelSource());
        hello = h;
        patches = h.patches().stream().map(Path::of).toList();
        journal.note("connected to " + name + " (boot " + h.bootId() + ", r58ctl " + (h.version() == null ? "built from source" : h.version()) + ")");
        String notes = BoardNotes.describe(what, h, before, downSince);
        if (notes != null) {
            journal.note(notes);
            emit(new EngineEvent.LinkChanged(true, notes));
        }
    }

    @Override
    public void message(Wire.Message m) {
        if (m.value() instanceof EngineEvent e) {
            if (kernel.fresh(e)) {
                emit(e);
            }
            if (e instanceof EngineEvent.CamerasUpdated c) {
                cameras = c.cameras();
            }
        } else if (m.type().equals("patches")) {
            patches = ((List<?>) m.value()).stream().map(p -> Path.of((String) p)).toList();
        }
    }

    @Override
    public void link(boolean up, String text) {
        journal.note(text);
        emit(new EngineEvent.LinkChanged(up, text));
    }

    private void send(String what, String cmd, Object... args) {
        if (!link.send(Wire.command(cmd, args))) {
            emit(new Message(Message.Level.ERROR, what + ": not sent, the board is unreachable"));
        }
    }

    /** The board's engine ticks itself; this tells the board the laptop is still there. */
    @Override
    public void tick() {
        link.send(Wire.command("ping"));
    }

    /** Once a second, whatever the laptop's interval: the board gives up a silent laptop after 15 s. */
    @Override
    public long tickMillis() {
        return PING_MS;
    }

    /** Nothing before the board's first rows arrive: they come with its first events. */
    @Override
    public List<dev.r58ctl.engine.CameraView> cameraViews() {
        return List.of();
    }

    @Override
    public String kernelSource() {
        Wire.Hello h = hello;
        return (h == null ? "?" : h.kernelSource()) + where;
    }

    @Override
    public void startCamera(String id) {
        send("start " + id, "startCamera", id);
    }

    @Override
    public void stopCamera(String id) {
        send("stop " + id, "stopCamera", id);
    }

    @Override
    public void restartCamera(String id) {
        send("restart " + id, "restartCamera", id);
    }

    @Override
    public void setEncoder(String id, String element) {
        send("encoder " + id, "setEncoder", id, element);
    }

    @Override
    public List<KnownEncoder> encoderChoices(String id) {
        Wire.Hello h = hello;
        return h == null ? List.of() : h.encoders().getOrDefault(id, List.of());
    }

    @Override
    public void runTest(TestKind kind, String cameraId) {
        send("test " + cameraId, "runTest", kind.name(), cameraId);
    }

    @Override
    public List<Path> patches() {
        return patches;
    }

    @Override
    public Path patchDir() {
        Wire.Hello h = hello;
        return Path.of(h == null ? "patches" : h.patchDir());
    }

    @Override
    public void checkPatch(Path file) {
        send("patch " + file.getFileName(), "checkPatch", file.toString());
    }

    @Override
    public void applyPatch(Path file, String message) {
        send("patch " + file.getFileName(), "applyPatch", file.toString(), message);
    }

    @Override
    public void planRollback(boolean undo) {
        send(undo ? "undo" : "rollback", "planRollback", undo);
    }

    @Override
    public void rollback(boolean undo) {
        send(undo ? "undo" : "rollback", "rollback", undo);
    }

    @Override
    public void appendToKernelLogFile(List<String> lines) {
        send("inject", "appendToKernelLogFile", lines);
    }

    @Override
    public void checklistNext(String expected, boolean force) {
        send("checklist " + expected, "checklistNext", expected, force);
    }

    @Override
    public void checklistDone(String stepId, String note) {
        send("checklist " + stepId, "checklistDone", stepId, note);
    }

    /** True when the engine is r58ctl agent's, shared: leaving it stops nothing. */
    public boolean shared() {
        Wire.Hello h = hello;
        return h != null && h.shared();
    }

    /** The cameras whose pipelines the engine runs now, as last reported. */
    public List<String> running() {
        return cameras.stream().filter(c -> "r58ctl".equals(c.runBy()) && ("RUNNING".equals(c.state()) || "STARTING".equals(c.state())))
                .map(dev.r58ctl.engine.CameraView::id).toList();
    }

    @Override
    public String quitting() {
        if (!shared()) {
            return EngineLink.super.quitting();
        }
        List<String> ids = running();
        return ids.isEmpty() ? "quitting (the agent goes on)"
                : "quitting: " + String.join(", ", ids) + " keep" + (ids.size() == 1 ? "s" : "") + " running in r58ctl agent";
    }

    /** Ends the board's side as quitting its dashboard would (pipelines r58ctl started there stop with EOS); the
     * agent's engine goes on. */
    @Override
    public void close() {
        link.close();
        journal.close();
    }
}
