package dev.r58ctl.engine;

import dev.r58ctl.RecentItems;
import dev.r58ctl.R58Exception;
import dev.r58ctl.config.Camera;
import dev.r58ctl.config.Config;
import dev.r58ctl.config.KnownEncoder;
import dev.r58ctl.engine.EngineEvent.Message;
import dev.r58ctl.kernel.Incident;
import dev.r58ctl.kernel.IncidentListener;
import dev.r58ctl.kernel.KernelClassifier;
import dev.r58ctl.kernel.KernelLine;
import dev.r58ctl.kernel.KernelLog;
import dev.r58ctl.kernel.KernelWatch;
import dev.r58ctl.monitor.StatusReport;
import dev.r58ctl.monitor.StreamSnapshot;
import dev.r58ctl.monitor.StreamStatusPoller;
import dev.r58ctl.monitor.SystemSample;
import dev.r58ctl.monitor.SystemSampler;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything that touches the board, behind one object that front ends drive with commands and watch through
 * events. It has no timer of its own: the front end calls {@link #tick()} once per interval, so the whole
 * process wakes once a second when idle. Commands that take time run on one worker thread and report back as
 * {@link Message} events; listeners are called on engine threads and must hand work to their own thread.
 */
public final class Engine implements EngineLink {
    /** Runs listed on the dashboard. */
    static final int RECENT_TESTS = 8;
    /** How long quitting waits for the worker's task (a cancelled test ends in well under a second). */
    private static final java.time.Duration WORKER_BOUND = java.time.Duration.ofSeconds(10);
    private static final Logger LOG = LoggerFactory.getLogger(Engine.class);

    private final Config config;
    private final List<Consumer<EngineEvent>> listeners = new CopyOnWriteArrayList<>();
    private final Cameras cameras;
    private final SystemSampler sampler;
    private final RecentItems<SystemSample> history;
    private final StreamStatusPoller poller;
    private final KernelLog kernelLog;
    private final ChecklistActions checklist;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "r58ctl-engine");
        t.setDaemon(true);
        return t;
    });
    private volatile KernelWatch kernel;
    private volatile String kernelProblem;
    private volatile StreamSnapshot streams;
    private long nextPoll;
    /** Stability tests running now (the worker's and the checklist's), and the cameras paused for them. */
    private final Object tests = new Object();
    private int testsRunning;
    private List<String> paused = List.of();
    private volatile String testing;
    /** Set by {@link #close}: a test cut short by quitting leaves its cameras to the final stop, not restarted. */
    private volatile boolean closing;
    /** What the worker does now, for the log when it does not finish; and the stability test it runs, to cancel. */
    private volatile String busy;
    private volatile dev.r58ctl.stability.StabilityTest workerTest;

    public Engine(Config config) {
        this.config = config;
        this.cameras = new Cameras(config, this::emit);
        this.sampler = new SystemSampler(StatusReport.watched(config), config.monitor().thermalDir(),
                config.monitor().vpuLoadFile());
        this.history = new RecentItems<>(config.monitor().historySamples());
        this.poller = new StreamStatusPoller(config);
        this.kernelLog = new KernelLog(config);
        this.checklist = new ChecklistActions(config, this::emit, () -> {
            rebuildMatrix();
            refreshRepo();
        }, this::aside);
    }

    public Config config() {
        return config;
    }

    @Override
    public long tickMillis() {
        return config.monitor().intervalMillis();
    }

    @Override
    public java.nio.file.Path patchDir() {
        return config.stateDir().resolve("patches");
    }

    @Override
    public void subscribe(Consumer<EngineEvent> listener) {
        listeners.add(listener);
    }

    void emit(EngineEvent e) {
        for (Consumer<EngineEvent> l : listeners) {
            try {
                l.accept(e);
            } catch (RuntimeException ex) {
                LOG.error("listener failed on {}", e.getClass().getSimpleName(), ex);
            }
        }
    }

    /** How often free space is read for the dashboard. */
    static final long DISK_EVERY_MS = 10_000;
    private long nextDisks;

    private boolean started;
    private final List<Message> atStart = new CopyOnWriteArrayList<>();

    /** A message told to subscribers when the engine starts (after the front end subscribed), e.g. why it runs here. */
    public void noteAtStart(Message m) {
        atStart.add(m);
    }

    /** Starts following the kernel log (once). A log that cannot be read is reported, not fatal. */
    @Override
    public synchronized Engine start() {
        if (started) {
            return this;
        }
        started = true;
        atStart.forEach(this::emit);
        try {
            KernelWatch watch = kernelLog.watch(true);
            watch.subscribe(new KernelWatch.Listener() {
                @Override
                public void line(KernelLine line, KernelClassifier.Match match) {
                    emit(new EngineEvent.KernelLineRead(new KernelWatch.Classified(line, match)));
                }

                @Override
                public void incident(IncidentListener.Event event, Incident incident) {
                    emit(new EngineEvent.KernelIncident(event, incident, cameras.activity(testing)));
                }
            });
            kernel = watch.start();
        } catch (R58Exception e) {
            kernelProblem = e.getMessage();
            emit(new Message(Message.Level.WARNING, "kernel log: " + e.getMessage()));
        }
        String recorderFile = config.cameraList().warningLine();
        if (recorderFile != null) {
            emit(new Message(Message.Level.WARNING, recorderFile));
        }
        dev.r58ctl.guard.GuardNotice.thisBoot(config).ifPresent(g -> {
            emit(new EngineEvent.GuardActed(g, dev.r58ctl.guard.GuardNotice.line(g)));
            emit(new Message(g.ok() ? Message.Level.WARNING : Message.Level.ERROR, dev.r58ctl.guard.GuardNotice.line(g)));
        });
        tick();
        refreshRepo();
        refreshMatrix();
        return this;
    }

    /** One sampling round: system figures, camera rows, a stream poll (answered later), idle incidents closed. */
    @Override
    public void tick() {
        SystemSample s = sampler.sample();
        history.add(s);
        // the camera rows first: the history writer records a sample with the rows of the same round
        emit(new EngineEvent.CamerasUpdated(cameras.views(streams)));
        emit(new EngineEvent.SystemSampled(s));
        long now = System.currentTimeMillis();
        if (now >= nextDisks) {
            // a statfs per disk: cheap, but free space moves slowly, so not every second
            nextDisks = now + DISK_EVERY_MS;
            emit(new EngineEvent.DisksSampled(dev.r58ctl.monitor.DiskFigures.of(config)));
        }
        if (now >= nextPoll) {
            // three HTTP requests a second cost an idle dashboard more than everything else together: poll at
            // the configured pace, and ten times slower while nothing answers
            StreamSnapshot last = streams;
            boolean silent = last != null && !last.health().result().reachable()
                    && !last.recorder().result().reachable() && !last.mediamtx().result().reachable();
            nextPoll = now + config.monitor().streamPollMillis() * (silent ? 10 : 1);
            poller.pollNow().thenAccept(snap -> {
                streams = snap;
                emit(new EngineEvent.StreamsPolled(snap));
            });
        }
        KernelWatch k = kernel;
        if (k != null) {
            k.closeIdle(System.currentTimeMillis());
        }
        if (checklist.changedOnDisk()) {
            refreshMatrix(); // another r58ctl moved the checklist on, perhaps with a test run: both are stale
        }
    }

    /** Polls recorder and MediaMTX now, whatever the pace (after a restart, before a health verdict). */
    public void pollStreamsNow() {
        nextPoll = 0;
    }

    public List<SystemSample> history() {
        return history.all();
    }

    /** The kernel source in use, or why there is none; empty before {@link #start()}. */
    @Override
    public String kernelSource() {
        KernelWatch k = kernel;
        return k != null ? k.source().name() : kernelProblem == null ? "" : "unavailable: " + kernelProblem;
    }

    /** Kernel incidents this boot, oldest first; empty without a kernel log. */
    public List<Incident> incidents() {
        KernelWatch k = kernel;
        return k == null ? List.of() : k.incidents();
    }

    public List<KernelWatch.Classified> recentKernelLines() {
        KernelWatch k = kernel;
        return k == null ? List.of() : k.recent();
    }

    /** The camera rows as they stand, without sampling anything (the dashboard's first frame). */
    @Override
    public List<CameraView> cameraViews() {
        return cameras.views(streams);
    }

    public List<Camera> cameras() {
        return cameras.configured();
    }

    /** Starts the cameras the recorder would run: enabled in its file and usable by r58ctl (the demo's start). */
    public void startEnabledCameras() {
        cameras().stream().filter(c -> c.enabled() && c.usable()).forEach(c -> startCamera(c.id()));
    }

    /** Starts a camera's pipeline on the worker thread; the outcome arrives as a message and camera rows. */
    @Override
    public void startCamera(String id) {
        submit("start " + id, () -> cameras.start(id));
    }

    @Override
    public void stopCamera(String id) {
        submit("stop " + id, () -> cameras.stop(id));
    }

    @Override
    public void restartCamera(String id) {
        submit("restart " + id, () -> cameras.restart(id));
    }

    /** Switches a camera to another encoder of the same codec (restarting it when it runs). */
    @Override
    public void setEncoder(String id, String element) {
        KnownEncoder e = KnownEncoder.of(element).orElseThrow(
                () -> R58Exception.badInput("unknown encoder " + element + "; expected one of " + KnownEncoder.names()));
        submit("encoder " + id + " -> " + e.element(), () -> cameras.setEncoder(id, e));
    }

    /** Encoders the camera could use: those of its codec. */
    @Override
    public List<KnownEncoder> encoderChoices(String id) {
        return cameras.choices(id);
    }

    /** Rebuilds the stability matrix from configured evidence and the runs on disk, on the worker thread. */
    public void refreshMatrix() {
        work("matrix", this::rebuildMatrix);
    }

    /**
     * The matrix and the checklist's snapshot from disk, on the calling thread. The worker and a checklist step's
     * thread both rebuild: one at a time, so that what is read first is told first (a report built before a run was
     * stored, told after a newer one, took the matrix and the walk back in time).
     */
    private void rebuildMatrix() {
        synchronized (matrixLock) {
            rebuildMatrixNow();
        }
    }

    private final Object matrixLock = new Object();

    private void rebuildMatrixNow() {
        try {
            List<dev.r58ctl.stability.TestResult> runs = new dev.r58ctl.stability.RunStore(config).all();
            dev.r58ctl.stability.MatrixReport report = new dev.r58ctl.stability.StabilityMatrix(config).runs(runs)
                    .build();
            emit(new EngineEvent.MatrixUpdated(report, RecentTest.newest(runs, RECENT_TESTS)));
            checklist.refresh(report); // the matrix decides the checklist's branch
        } catch (RuntimeException e) {
            LOG.error("matrix", e);
            emit(new Message(Message.Level.ERROR, "matrix: " + e.getMessage()));
        }
    }

    /**
     * Runs a stability test of a camera's encoder on the worker thread, reporting each second and the verdict; the
     * matrix is rebuilt afterwards. The cameras keep running beside it unless {@code stability.pause_cameras}.
     */
    @Override
    public void runTest(dev.r58ctl.stability.TestKind kind, String cameraId) {
        Camera cam = cameras.configured().stream().filter(c -> c.id().equals(cameraId)).findFirst()
                .orElseThrow(() -> R58Exception.badInput("no camera \"" + cameraId + "\""));
        String test = kind.name().toLowerCase(java.util.Locale.ROOT);
        submit("test " + test + " " + cam.encoder(), () -> {
            dev.r58ctl.stability.TestResult r = aside(kind, cam.encoder(),
                    line -> emit(new EngineEvent.Step("test", test, line, false)),
                    () -> runWorkerTest(new dev.r58ctl.stability.StabilityTest(config).test(kind)
                            .encoder(cam.encoder()).camera(cam.id())
                            .listener(new TestEvents(test, cam.encoder(), this::emit))));
            if (r == null) {
                return;
            }
            emit(new Message(r.passed() ? Message.Level.INFO : Message.Level.ERROR,
                    "test " + test + " " + cam.encoder() + ": " + r.verdict() + " (" + r.reason() + ")"));
        });
        refreshMatrix();
    }

    /** Runs the worker's test where {@link #close} can cancel it (before its call, it then does nothing). */
    private dev.r58ctl.stability.TestResult runWorkerTest(dev.r58ctl.stability.StabilityTest t) {
        workerTest = t;
        try {
            if (closing) {
                t.cancel();
            }
            return t.call();
        } finally {
            workerTest = null;
        }
    }

    /**
     * Runs a stability test; with {@code stability.pause_cameras} the cameras that run are stopped first, as an
     * operator stops the recorder before testing (EOS, so each recording is finalised), shown PAUSED, and started
     * again, each into a new file, when the last test running ends. {@code say} hears a line for each; the message
     * line says it too.
     */
    dev.r58ctl.stability.TestResult aside(dev.r58ctl.stability.TestKind kind, String encoder, Consumer<String> say,
                                          java.util.function.Supplier<dev.r58ctl.stability.TestResult> test) {
        String what = kind.key() + " test";
        synchronized (tests) {
            if (testsRunning++ == 0) {
                testing = what + " of " + encoder;
                if (config.stability().pauseCameras()) {
                    paused = cameras.pause();
                    if (!paused.isEmpty()) {
                        String ids = String.join(", ", paused);
                        say.accept(ids + " paused for the test, as the recorder is stopped before testing (EOS: "
                                + "their recordings are finalised)");
                        emit(new Message(Message.Level.WARNING, ids + " PAUSED for the " + what
                                + "; they start again after it"));
                        emit(new EngineEvent.CamerasUpdated(cameras.views(streams)));
                    }
                }
            }
        }
        try {
            return test.get();
        } finally {
            synchronized (tests) {
                if (--testsRunning == 0) {
                    testing = null;
                    List<String> started = closing ? List.of() : cameras.resume(paused);
                    paused = List.of();
                    if (!started.isEmpty()) {
                        String ids = String.join(", ", started);
                        say.accept(ids + " started again, each into a new file");
                        emit(new Message(Message.Level.INFO, ids + " started again after the " + what));
                        emit(new EngineEvent.CamerasUpdated(cameras.views(streams)));
                    }
                }
            }
        }
    }

    /**
     * Performs the guided migration's next step if it is still {@code expected}, on a thread of its own (a watch
     * lasts hours); {@code force} passes a gate that does not hold, recorded as forced.
     */
    @Override
    public void checklistNext(String expected, boolean force) {
        checklist.next(expected, force);
    }

    /** Confirms a manual checklist step with the operator's note. */
    @Override
    public void checklistDone(String stepId, String note) {
        checklist.done(stepId, note);
    }

    /** The patch files the dashboard offers ({@code <state_dir>/patches/*.patch|*.diff}). */
    @Override
    public List<java.nio.file.Path> patches() {
        return RepoActions.patches(config);
    }

    /** Checks a patch against the checkout on the worker; answers with PatchChecked. Changes nothing. */
    @Override
    public void checkPatch(java.nio.file.Path file) {
        work("patch check", () -> emit(RepoActions.check(config, file)));
    }

    /** Applies a patch all or nothing (and commits it when {@code message} is not null), on the worker. */
    @Override
    public void applyPatch(java.nio.file.Path file, String message) {
        work("patch apply " + file.getFileName(), () -> {
            try {
                emit(new Message(Message.Level.INFO, RepoActions.apply(config, file, message)));
            } catch (R58Exception e) {
                emit(new Message(Message.Level.ERROR, "patch " + file.getFileName() + ": " + e.getMessage()));
            } catch (RuntimeException e) {
                LOG.error("patch apply", e);
                emit(new Message(Message.Level.ERROR, "patch " + file.getFileName() + ": " + e));
            }
            emit(RepoActions.state(config));
        });
    }

    /** Reads the recorder's checkout on the worker thread (a status over many files takes a moment). */
    public void refreshRepo() {
        work("repo state", () -> emit(RepoActions.state(config)));
    }

    /** Works out what a one-key rollback (or its undo) would do, on the worker; answers with RollbackPlanned. */
    @Override
    public void planRollback(boolean undo) {
        work("rollback plan", () -> {
            try {
                emit(new EngineEvent.RollbackPlanned(RepoActions.plan(config, undo), undo, null));
            } catch (R58Exception e) {
                emit(new EngineEvent.RollbackPlanned(null, undo, e.getMessage()));
            } catch (RuntimeException e) {
                LOG.error("rollback plan failed", e);
                emit(new EngineEvent.RollbackPlanned(null, undo, e.toString()));
            }
        });
    }

    /**
     * Rolls back to the newest known-good mark (or undoes the last rollback) on the worker thread, reporting each
     * step as it happens and ending with the service's health.
     */
    @Override
    public void rollback(boolean undo) {
        String what = undo ? "undo rollback" : "rollback";
        submit(what, () -> {
            RepoActions.rollback(config, undo, this::emit);
            emit(RepoActions.state(config));
        });
    }

    /**
     * Appends lines to the kernel log when it is a file (the demo's): the operator sees detection end to end
     * through the same reader production uses. Refused for a real kernel log.
     */
    @Override
    public void appendToKernelLogFile(List<String> lines) {
        String source = config.kernelLog();
        if (!source.startsWith("file:")) {
            throw R58Exception.badInput("the kernel log is " + source + ", not a file r58ctl may write to");
        }
        try {
            java.nio.file.Files.writeString(java.nio.file.Path.of(source.substring(5)), String.join("\n", lines) + "\n",
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        } catch (java.io.IOException e) {
            throw dev.r58ctl.DiskFull.failed(java.nio.file.Path.of(source.substring(5)), e, "cannot append");
        }
    }

    /**
     * Runs {@code task} on the worker, named while it runs; once the engine is closing, a task still queued is dropped
     * (a camera start among them: quitting while cameras start does not start them first).
     */
    private void work(String what, Runnable task) {
        if (closing) {
            LOG.info("{}: not done, r58ctl is quitting", what);
            return;
        }
        try {
            worker.submit(() -> run(what, task));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            LOG.info("{}: not done, r58ctl is quitting", what); // closed since the check above
        }
    }

    private void run(String what, Runnable task) {
        if (closing) {
            return;
        }
        busy = what;
        try {
            task.run();
        } finally {
            busy = null;
        }
    }

    private void submit(String what, Runnable task) {
        work(what, () -> {
            try {
                task.run();
                emit(new Message(Message.Level.INFO, what + ": done"));
            } catch (R58Exception e) {
                emit(new Message(Message.Level.ERROR, what + ": " + e.getMessage()));
            } catch (RuntimeException e) {
                LOG.error("{} failed", what, e);
                emit(new Message(Message.Level.ERROR, what + ": " + e));
            }
            emit(new EngineEvent.CamerasUpdated(cameras.views(streams)));
        });
    }

    /**
     * Stops everything r58ctl runs here, in the order quitting needs: a running test or checklist step is cancelled
     * (recorded as stopped), tasks still queued are dropped, the worker is given {@link #WORKER_BOUND} to finish what
     * it does, then every camera gets EOS at once and is waited for. The same on q, a signal and a dead terminal.
     */
    @Override
    public void close() {
        closing = true;
        dev.r58ctl.stability.StabilityTest t = workerTest;
        if (t != null) {
            t.cancel();
        }
        checklist.close();
        worker.shutdown();
        String was = busy;
        try (var waiting = dev.r58ctl.Shutdown.whileRunning("the engine's worker" + (was == null ? "" : " (" + was
                + ")"), null)) {
            if (!worker.awaitTermination(WORKER_BOUND.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("the engine's worker is still busy ({}) after {} s; stopping the cameras anyway", busy,
                        WORKER_BOUND.toSeconds());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        cameras.stopAll();
        KernelWatch k = kernel;
        if (k != null) {
            k.close();
        }
        poller.close();
    }
}
