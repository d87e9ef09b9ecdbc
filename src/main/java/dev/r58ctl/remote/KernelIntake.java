package dev.r58ctl.remote;

import dev.r58ctl.engine.EngineEvent;

/**
 * The board's kernel lines and incidents as they reach the laptop: each is journaled as it arrives; after a
 * reconnection to the same boot and source, what the board's new engine reads again (sequence numbers already seen)
 * is dropped, so neither the screen nor the journal shows it twice.
 */
final class KernelIntake {
    private final KmsgJournal journal;
    private String stream;
    /** Kernel lines up to this sequence number were seen on this stream already; -1 when none. */
    private long replayedUpTo = -1;
    private long lastSeq = -1;

    KernelIntake(KmsgJournal journal) {
        this.journal = journal;
    }

    /** A new connection: the same boot and source as before, or a new boot (an unknown boot id counts as new). */
    synchronized void connected(String bootId, String source) {
        String stream = bootId == null ? null : bootId + " " + source;
        boolean same = stream != null && stream.equals(this.stream);
        this.stream = stream;
        lastSeq = same ? lastSeq : -1;
        replayedUpTo = lastSeq;
    }

    /** Journals kernel lines and incidents; false for what the board read again after a reconnection. */
    synchronized boolean fresh(EngineEvent e) {
        if (e instanceof EngineEvent.KernelLineRead k) {
            long seq = k.line().line().seq();
            if (seq <= replayedUpTo) {
                return false;
            }
            lastSeq = Math.max(lastSeq, seq);
            journal.line(k);
        } else if (e instanceof EngineEvent.KernelIncident i) {
            if (i.incident().lastSeq() <= replayedUpTo) {
                return false;
            }
            journal.incident(i);
        }
        return true;
    }
}
