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

    /** This process, in the boot {@code bootId}. */
    public static RunProcess current(String bootId) {
        ProcessHandle self = ProcessHandle.current();
        return new RunProcess(self.pid(), self.info().startInstant().map(java.time.Instant::toString).orElse(null),
                bootId);
    }

    /** Whether this process still runs (the same process: its start time is compared where the OS says it). */
    public boolean alive() {
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .map(h -> processStart == null || h.info().startInstant().map(java.time.Instant::toString)
                        .map(processStart::equals).orElse(true))
                .orElse(false);
    }
}
