package dev.r58ctl.stability;

import dev.r58ctl.kernel.Incident;
import dev.r58ctl.kernel.KernelLine;
import java.util.List;

/**
 * Kernel trouble seen during a test, with its lines as evidence.
 *
 * @param id       the incident's id in the kernel watch
 * @param severity WARNING, ERROR or CRITICAL
 * @param title    its first classified line
 * @param lines    the report's lines as read
 */
public record TroubleIncident(String id, String severity, String title, List<String> lines) {

    static TroubleIncident of(Incident i) {
        return new TroubleIncident(i.id(), i.severity().name(), i.title(),
                i.lines().stream().map(KernelLine::text).toList());
    }
}
