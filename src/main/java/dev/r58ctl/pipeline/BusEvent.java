package dev.r58ctl.pipeline;

import java.time.Instant;

/**
 * Something a pipeline's bus said: an error, a warning, or a state change of the pipeline.
 *
 * @param time    when it was received
 * @param level   ERROR, WARNING or STATE
 * @param element the element that posted it
 * @param message the text
 */
public record BusEvent(Instant time, Level level, String element, String message) {
    public enum Level { ERROR, WARNING, STATE }

    @Override
    public String toString() {
        return level + " " + element + ": " + message;
    }
}
