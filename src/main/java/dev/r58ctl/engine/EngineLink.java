package dev.r58ctl.engine;

import dev.r58ctl.config.KnownEncoder;
import dev.r58ctl.stability.TestKind;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * What the dashboard drives: the {@link Engine} itself in this process, or the board's engine over SSH
 * ({@code remote.RemoteEngine}). Commands return at once; their outcomes, and everything else the board does,
 * arrive as {@link EngineEvent}s on the subscribers, which must hand them to their own thread.
 */
public interface EngineLink extends AutoCloseable {
    void subscribe(Consumer<EngineEvent> listener);

    /** Starts the engine (or connects to it); events flow from then on. */
    EngineLink start();

    /** One sampling round; a remote engine samples by itself, so this does nothing there. */
    void tick();

    /** How often the dashboard calls {@link #tick()} ({@code monitor.interval_ms}). */
    long tickMillis();

    /** The kernel source in use, or why there is none. */
    String kernelSource();

    /** The camera rows as they stand without reading any source (the first frame); empty when not known yet. */
    List<CameraView> cameraViews();

    void startCamera(String id);

    void stopCamera(String id);

    void restartCamera(String id);

    void setEncoder(String id, String element);

    List<KnownEncoder> encoderChoices(String id);

    void runTest(TestKind kind, String cameraId);

    /** The patch files on offer, in {@link #patchDir()}. */
    List<Path> patches();

    Path patchDir();

    void checkPatch(Path file);

    void applyPatch(Path file, String message);

    void planRollback(boolean undo);

    void rollback(boolean undo);

    void appendToKernelLogFile(List<String> lines);

    /** Performs the guided migration's next step if it is still {@code expected}; {@code force} passes its gate. */
    void checklistNext(String expected, boolean force);

    /** Confirms a manual checklist step with the operator's note. */
    void checklistDone(String stepId, String note);

    /** What the dashboard says as it quits: what closing this link does to the pipelines. */
    default String quitting() {
        return "quitting: stopping pipelines with EOS...";
    }

    @Override
    void close();
}
