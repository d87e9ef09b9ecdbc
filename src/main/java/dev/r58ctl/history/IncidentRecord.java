package dev.r58ctl.history;

import dev.r58ctl.kernel.Incident;
import dev.r58ctl.kernel.IncidentListener;
import java.util.Locale;

/**
 * A kernel incident opened or closed.
 *
 * @param time     when the event was recorded (epoch ms)
 * @param event    {@code opened} or {@code closed}
 * @param id       the incident's id (K2040)
 * @param severity info, warning, error or critical
 * @param title    its first classified line
 * @param lines    lines kept so far
 * @param opened   when its first line was read (epoch ms)
 * @param during   what r58ctl was doing then, or null
 */
@com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
public record IncidentRecord(long time, String event, String id, String severity, String title, int lines,
                             long opened, String during) implements HistoryRecord {

    static IncidentRecord of(long time, IncidentListener.Event event, Incident i, String during) {
        return new IncidentRecord(time, event.name().toLowerCase(Locale.ROOT), i.id(),
                i.severity().name().toLowerCase(Locale.ROOT), i.title(), i.lines().size(), i.openedMillis(), during);
    }

    /** The severity's letter (I, W, E, C), as the live kernel pane shows it. */
    public char letter() {
        return severity == null || severity.isEmpty() ? '?' : Character.toUpperCase(severity.charAt(0));
    }
}
