package dev.r58ctl.engine;

import dev.r58ctl.kernel.Incident;
import dev.r58ctl.kernel.IncidentListener;
import dev.r58ctl.kernel.KernelWatch;
import dev.r58ctl.monitor.StreamSnapshot;
import dev.r58ctl.monitor.SystemSample;
import java.util.List;

/** What the engine tells front ends. Records only, so the same stream can later travel over SSH as JSON. */
public sealed interface EngineEvent {
    /** A system sample: CPU, memory, temperatures, processes. */
    record SystemSampled(SystemSample sample) implements EngineEvent {
    }

    /** Free space on the state disk and the recording disks, every {@code Engine.DISK_EVERY_MS}. */
    record DisksSampled(dev.r58ctl.monitor.DiskFigures disks) implements EngineEvent {
    }

    /** Every camera's row, once a tick or after a command. */
    record CamerasUpdated(List<CameraView> cameras) implements EngineEvent {
    }

    /** A kernel line with its classification. */
    record KernelLineRead(KernelWatch.Classified line) implements EngineEvent {
    }

    /** A kernel incident opened, grew or closed; {@code during} says what r58ctl was doing then. */
    record KernelIncident(IncidentListener.Event event, Incident incident, String during) implements EngineEvent {
    }

    /** The boot guard rolled back in this boot (said first, before anything else the operator reads). */
    record GuardActed(dev.r58ctl.guard.GuardResult result, String line) implements EngineEvent {
    }

    /** Recorder health and status, MediaMTX paths. */
    record StreamsPolled(StreamSnapshot snapshot) implements EngineEvent {
    }

    /**
     * The recorder's checkout: HEAD, the newest known-good mark, uncommitted changes, or why it cannot be read.
     *
     * @param head     short id and subject of HEAD, or null
     * @param good     short id and subject of the newest known-good mark, or null when there is none
     * @param changes  number of uncommitted changes to tracked files
     * @param problem  why the checkout could not be read, or null
     */
    record RepoState(String head, String good, int changes, String problem) implements EngineEvent {
    }

    /** The plan of a one-key rollback (or undo), for the confirmation; {@code problem} when there is none. */
    record RollbackPlanned(dev.r58ctl.repo.RollbackPlan plan, boolean undo, String problem) implements EngineEvent {
    }

    /** A step of a long operation (a rollback) as it happens. */
    record Step(String operation, String step, String detail, boolean done) implements EngineEvent {
    }

    /** The encoder stability matrix and the newest runs (newest first), rebuilt at start and after each test. */
    record MatrixUpdated(dev.r58ctl.stability.MatrixReport report, List<RecentTest> recent) implements EngineEvent {
    }

    /**
     * Where the guided migration stands: after each step, when the matrix changes, when another r58ctl moved on.
     *
     * @param snapshot     the walk, or null with a problem (a bad checklist file)
     * @param instructions what the operator does for the next step when it is manual, else null
     * @param problem      why the walk cannot be read, or null
     */
    record ChecklistUpdated(dev.r58ctl.checklist.Snapshot snapshot, String instructions, String problem)
            implements EngineEvent {
    }

    /** One second of a running stability test, or its end ({@code verdict} set). */
    record TestProgress(String test, String encoder, double second, long frames, double fps, double cpu,
                        String kernel, String verdict) implements EngineEvent {
    }

    /**
     * A patch checked against the recorder's checkout, for the preview: the report and the diff's text.
     *
     * @param report  files, hunks, lines, and the failing hunk when it does not apply; null with a problem
     * @param text    the patch itself (the first lines, for the preview)
     * @param problem why it could not be checked (not a unified diff, unsafe paths...), or null
     */
    record PatchChecked(java.nio.file.Path file, dev.r58ctl.repo.PatchReport report, java.util.List<String> text,
                        String problem) implements EngineEvent {
    }

    /**
     * The link to a remote board went down or came back (remote dashboard only).
     *
     * @param up   whether the board answers again
     * @param text what to show: "board unreachable since HH:MM:SS ..." or what the board said when it came back
     */
    record LinkChanged(boolean up, String text) implements EngineEvent {
    }

    /** The outcome of a command, for the message line and the log file. */
    record Message(Level level, String text) implements EngineEvent {
        public enum Level { INFO, WARNING, ERROR }
    }
}
