package dev.r58ctl.stability;

/**
 * The process and boot a run belongs to, so that a later start can tell a run still going from one whose process
 * died, and a dead process from a board that went down.
 *
 * @param pid          process id
 * @param processStart when that process started (ISO-8601), or null where the OS does not say
 * @param bootId       the kernel's boot id when the run started
 */
public record RunProcess(long pid, String processStart, String bootId) {
}
