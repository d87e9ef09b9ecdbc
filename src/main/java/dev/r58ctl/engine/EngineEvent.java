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

    /** Every camera's row, once a tick or after a command. */
    record CamerasUpdated(List<CameraView> cameras) implements EngineEvent {
    }

    /** A kernel line with its classification. */
    record KernelLineRead(KernelWatch.Classified line) implements EngineEvent {
    }

    /** A kernel incident opened, grew or closed; {@code during} says what r58ctl was doing then. */
    record KernelIncident(IncidentListener.Event event, Incident incident, String during) implements EngineEvent {
    }

    /** Recorder health and status, MediaMTX paths. */
    record StreamsPolled(StreamSnapshot snapshot) implements EngineEvent {
    }

    /** The outcome of a command, for the message line and the log file. */
    record Message(Level level, String text) implements EngineEvent {
        public enum Level { INFO, WARNING, ERROR }
    }
}
