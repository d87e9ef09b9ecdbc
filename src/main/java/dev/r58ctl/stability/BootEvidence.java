package dev.r58ctl.stability;

import java.util.List;

/**
 * What the previous boot's kernel log says, attached to a run the board did not survive.
 *
 * @param source    where it was read (journal, pstore, file), or null when nothing was found
 * @param crashed   whether it ended in an Oops, panic or other critical report
 * @param trouble   its incidents of warning severity or worse, with their lines
 * @param lastLines its last lines
 * @param note      what was tried when nothing was found, or null
 */
public record BootEvidence(String source, boolean crashed, List<TroubleIncident> trouble, List<String> lastLines,
                           String note) {
}
