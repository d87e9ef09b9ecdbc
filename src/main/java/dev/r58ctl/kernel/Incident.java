package dev.r58ctl.kernel;

import java.util.List;

/**
 * One kernel incident: a whole multi-line report (an Oops with its registers and call trace, a WARNING
 * from cut here to end trace) or a single classified line. Guarantees: immutable; every listener call
 * gets a fresh snapshot, so holding on to one is safe.
 *
 * @param id           stable name derived from the first line's sequence number, e.g. {@code K2040}
 * @param severity     the worst severity of its classified lines
 * @param title        the text of its first classified line, skipping a bare "cut here" marker in favour
 *                     of the line that says what the report is (the WARNING, the BUG)
 * @param lines        the lines kept, in order (at most {@link IncidentAssembler#MAX_LINES})
 * @param firstSeq     sequence number of the first line
 * @param lastSeq      sequence number of the last line accepted, kept or not
 * @param openedMillis wall-clock time the first line was read
 * @param dropped      lines accepted beyond {@link IncidentAssembler#MAX_LINES} and not kept
 */
public record Incident(String id, Severity severity, String title, List<KernelLine> lines, long firstSeq,
                       long lastSeq, long openedMillis, int dropped) {

    public Incident {
        lines = List.copyOf(lines);
    }
}
