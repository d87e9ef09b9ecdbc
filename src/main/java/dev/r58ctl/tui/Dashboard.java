package dev.r58ctl.tui;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.screen.Screen;
import dev.r58ctl.R58Exception;
import dev.r58ctl.Shutdown;
import dev.r58ctl.engine.CameraView;
import dev.r58ctl.engine.EngineEvent;
import dev.r58ctl.engine.EngineLink;
import dev.r58ctl.kernel.IncidentListener;
import dev.r58ctl.kernel.Severity;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dashboard's loop. One thread owns the state and the screen: it blocks on one queue fed by the engine's
 * events and by a daemon thread blocked in {@code readInput()}, so keys act at once and an idle dashboard wakes
 * only for the once-a-second tick (no 1 ms polling, unlike Lanterna's own GUI loop).
 *
 * <p>Every way out is q's: q and Ctrl-C, a signal ({@link Shutdown} puts {@link #STOP} in the queue), and a terminal
 * that stops answering (end of input, or an I/O error reading or drawing). The loop ends, the terminal is put back
 * unless it is gone, and the command goes on to close the engine (pipelines get EOS) as after q.
 */
public final class Dashboard {
    private static final Logger LOG = LoggerFactory.getLogger(Dashboard.class);
    /** The mpph264enc Oops of 2025-12-19, as the kernel wrote it (the demo's {@code i} replays it). */
    static final List<String> SEED_OOPS = List.of(
            "[  494.438071] Unable to handle kernel NULL pointer dereference at virtual address 0000000000000010",
            "[  494.442336] Internal error: Oops: 0000000096000005 [#29] SMP",
            "[  494.838527] Code: f100007f fa401a64 540017a0 b9402ae0 (f8606a62)");

    private final EngineLink engine;
    private final Screen screen;
    private final Renderer renderer;
    private final Keys keys;
    private final DashboardState state = new DashboardState();
    private final BlockingQueue<Object> inbox = new LinkedBlockingQueue<>();
    private final long interval;
    /** Queued by a stop asked from outside: quits as q does. */
    private static final Object STOP = new Object();
    /** Set when reading or drawing failed: nothing is written to the terminal after that. */
    private volatile boolean terminalGone;
    /** Set once the loop has ended: the key reader, still blocked in a read, has nothing to report after that. */
    private volatile boolean ended;

    /** What the look-back keys read: this board's recorded history, or null (a remote board). */
    private final PastSource past;

    /** A dashboard with no history to look back on (a remote board's). */
    public Dashboard(EngineLink engine, Screen screen, boolean demo) {
        this(engine, screen, demo, (PastSource) null);
    }

    public Dashboard(EngineLink engine, Screen screen, boolean demo, PastSource past) {
        this(engine, screen, demo, Theme.fromEnvironment(), past);
    }

    Dashboard(EngineLink engine, Screen screen, boolean demo, Theme theme) {
        this(engine, screen, demo, theme, null);
    }

    Dashboard(EngineLink engine, Screen screen, boolean demo, Theme theme, PastSource past) {
        this.engine = engine;
        this.past = past;
        this.screen = screen;
        this.renderer = new Renderer(theme);
        this.keys = new Keys(this);
        this.interval = engine.tickMillis();
        state.demo = demo;
        engine.subscribe(inbox::add);
    }

    DashboardState state() {
        return state;
    }

    EngineLink engine() {
        return engine;
    }

    PastSource past() {
        return past;
    }

    /** Runs until the operator quits, or r58ctl is asked to stop; puts the terminal back unless it is gone. */
    public void run() throws IOException {
        screen.startScreen();
        screen.setCursorPosition(null);
        try (Shutdown.Registration asked = Shutdown.whileRunning("the dashboard", () -> inbox.add(STOP))) {
            state.cameras = engine.cameraViews(); // from the configuration: no source is read for them
            dev.r58ctl.StartupTrace.mark("screen started");
            render(); // the first frame at once, before any source is read: figures fill in as they arrive
            dev.r58ctl.StartupTrace.mark("first frame drawn");
            engine.start(); // after subscribing: the kernel lines read first are ours too
            Thread input = new Thread(this::readKeys, "r58ctl-keys");
            input.setDaemon(true);
            input.start();
            long nextTick = System.currentTimeMillis() + interval;
            while (state.mode != DashboardState.Mode.QUIT) {
                long wait = nextTick - System.currentTimeMillis();
                Object item = wait > 0 ? inbox.poll(wait, TimeUnit.MILLISECONDS) : null;
                if (item == null) {
                    engine.tick();
                    nextTick = System.currentTimeMillis() + interval;
                    continue; // the tick's own events arrive through the inbox
                }
                handle(item);
                for (Object more = inbox.poll(); more != null; more = inbox.poll()) {
                    handle(more); // a burst of kernel lines is drawn once
                }
                draw();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            ended = true;
            Terminals.putBack(screen, terminalGone || Shutdown.terminalGone());
        }
    }

    /** Draws unless the terminal is gone; an I/O error drawing means it is. */
    private void draw() {
        if (terminalGone) {
            return;
        }
        try {
            render();
        } catch (IOException e) {
            gone("drawing: " + e.getMessage());
        }
    }

    private void readKeys() {
        try {
            while (true) {
                KeyStroke k = screen.readInput();
                if (k == null || k.getKeyType() == KeyType.EOF) {
                    gone("end of input");
                    return;
                }
                inbox.add(k);
            }
        } catch (IOException | RuntimeException e) {
            gone("reading: " + e.getMessage());
        }
    }

    /**
     * The terminal stopped answering (the SSH session dropped, the terminal window closed): r58ctl stops as on q,
     * without writing to it or running stty on it. The exit code is a hang-up's, as a shell reports one.
     */
    private void gone(String why) {
        if (ended) {
            return; // its input ended after the dashboard did (the training run's pipe): nothing runs to be stopped
        }
        terminalGone = true;
        Shutdown.request("the terminal stopped answering (" + why + ")", 129, true);
        inbox.add(STOP);
    }

    /** Handles everything queued so far and draws once: the loop's body without its wait (for tests). */
    void drain() throws IOException {
        for (Object o = inbox.poll(); o != null; o = inbox.poll()) {
            handle(o);
        }
        render();
    }

    /** Applies one event or key to the state (tests call this directly). */
    void handle(Object item) {
        if (item == STOP || item instanceof KeyStroke c && c.isCtrlDown() && !c.isAltDown()
                && c.getKeyType() == KeyType.Character && c.getCharacter() == 'c') {
            state.message(EngineEvent.Message.Level.INFO, engine.quitting());
            state.mode = DashboardState.Mode.QUIT; // Ctrl-C is q in every dialog, as the terminal's own Ctrl-C was
        } else if (item instanceof KeyStroke k) {
            try {
                keys.handle(k);
            } catch (R58Exception e) {
                state.message(EngineEvent.Message.Level.ERROR, e.getMessage());
            }
        } else if (item instanceof EngineEvent e) {
            apply(e);
        }
    }

    private void apply(EngineEvent e) {
        if (e instanceof EngineEvent.SystemSampled s) {
            state.system = s.sample();
            state.addCpu(s.sample().cpuPercent());
        } else if (e instanceof EngineEvent.DisksSampled ds) {
            state.disks = ds.disks();
        } else if (e instanceof EngineEvent.CamerasUpdated c) {
            state.cameras = c.cameras();
        } else if (e instanceof EngineEvent.KernelLineRead k) {
            state.addKernel(k.line());
        } else if (e instanceof EngineEvent.KernelIncident i) {
            if (i.event() == IncidentListener.Event.OPENED && i.incident().severity() == Severity.CRITICAL) {
                state.banner = i.incident();
                state.bannerDuring = i.during();
                state.bannerMillis = i.incident().openedMillis();
                LOG.error("kernel {} {} during {}", i.incident().id(), i.incident().title(), i.during());
            }
        } else if (e instanceof EngineEvent.GuardActed ga) {
            state.guardLine = ga.line();
        } else if (e instanceof EngineEvent.StreamsPolled p) {
            state.streams = p.snapshot();
        } else if (e instanceof EngineEvent.Message m) {
            state.message(m.level(), m.text());
            if (m.text().startsWith("checklist ")) {
                state.checklistLines.add((m.level() == EngineEvent.Message.Level.INFO ? "OK  " : "!!  ") + m.text());
            }
            LOG.info("{}: {}", m.level(), m.text());
            if (state.mode == DashboardState.Mode.STEPS && (m.text().startsWith("rollback") || m.text().startsWith("undo"))) {
                state.steps.add((m.level() == EngineEvent.Message.Level.INFO ? "OK  " : "!!  ") + m.text());
                state.stepsFinished = true;
            }
        } else if (e instanceof EngineEvent.RepoState r) {
            state.repoHead = r.head();
            state.repoGood = r.good();
            state.repoChanges = r.changes();
            state.repoProblem = r.problem();
        } else if (e instanceof EngineEvent.RollbackPlanned p) {
            if (p.plan() == null) {
                state.message(EngineEvent.Message.Level.ERROR, (p.undo() ? "undo: " : "rollback: ") + p.problem());
            } else if (p.plan().nothingToDo()) {
                state.message(EngineEvent.Message.Level.INFO, "rollback: nothing to do, HEAD is already "
                        + p.plan().toSummary());
            } else {
                state.confirmLines = p.plan().describe();
                state.confirmUndo = p.undo();
                state.mode = DashboardState.Mode.CONFIRM;
            }
        } else if (e instanceof EngineEvent.PatchChecked pc) {
            state.patch = pc;
            state.patchScroll = 0;
        } else if (e instanceof EngineEvent.MatrixUpdated mu) {
            state.matrix = mu.report();
            state.recentTests = mu.recent();
        } else if (e instanceof EngineEvent.ChecklistUpdated cu) {
            state.checklist = cu.snapshot();
            state.checklistProblem = cu.problem();
            state.checklistInstructions = cu.instructions();
        } else if (e instanceof EngineEvent.TestProgress tp && tp.test().startsWith("checklist")) {
            state.checklistLines.add(tp.verdict() != null ? "verdict " + tp.verdict() : String.format(
                    "%4.0fs  %6d frames  %5.1f fps  cpu %5.1f%%  %s", tp.second(), tp.frames(), tp.fps(), tp.cpu(),
                    tp.kernel()));
        } else if (e instanceof EngineEvent.Step st && "test".equals(st.operation())) {
            state.testLines.add(st.detail()); // what the test runs, the cameras paused for it
        } else if (e instanceof EngineEvent.Step st && "checklist".equals(st.operation())) {
            if (st.done()) {
                state.checklistFinished = true;
            } else {
                state.checklistLines.add(st.detail());
            }
        } else if (e instanceof EngineEvent.TestProgress tp) {
            if (tp.verdict() != null) {
                state.testLines.add("verdict " + tp.verdict());
                state.testFinished = true;
            } else {
                state.testLines.add(String.format("%4.0fs  %6d frames  %5.1f fps  cpu %5.1f%%  %s", tp.second(),
                        tp.frames(), tp.fps(), tp.cpu(), tp.kernel()));
            }
        } else if (e instanceof EngineEvent.LinkChanged l) {
            state.link = l.text();
            state.linkDown = !l.up();
        } else if (e instanceof EngineEvent.Step st) {
            state.steps.add((st.done() ? "ok  " : "..  ") + st.step() + ": " + st.detail());
        }
    }

    /** Draws the state; called after each batch of events. */
    void render() throws IOException {
        state.kernelSource = engine.kernelSource();
        TerminalSize resized = screen.doResizeIfNecessary();
        TerminalSize size = resized != null ? resized : screen.getTerminalSize();
        renderer.draw(screen.newTextGraphics(), size, state);
        // after a resize the terminal's cells are not what the screen last drew (tmux keeps the bottom rows when it
        // shrinks): a delta would land on stale cells, so the whole screen is sent once
        screen.refresh(resized != null ? Screen.RefreshType.COMPLETE : Screen.RefreshType.DELTA);
    }

    CameraView selected() {
        return state.selectedCamera();
    }
}
