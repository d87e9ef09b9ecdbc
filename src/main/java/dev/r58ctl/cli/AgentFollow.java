package dev.r58ctl.cli;

import dev.r58ctl.Shutdown;
import dev.r58ctl.engine.EngineEvent;
import dev.r58ctl.kernel.KernelClassifier;
import dev.r58ctl.kernel.KernelLine;
import dev.r58ctl.kernel.KernelWatch;
import dev.r58ctl.kernel.Severity;
import dev.r58ctl.remote.RemoteEngine;
import java.io.IOException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * {@code kmsg --follow} through r58ctl agent: this boot's log up to now is read here (the agent keeps only its latest
 * lines), then new lines come from the agent's kernel watch, so the board has one watch however many follow it. Each
 * line is printed once, in order of its sequence number, whichever of the two delivered it first.
 */
final class AgentFollow {
    /** Put on the queue when the command is asked to stop, or the agent's link goes down. */
    private static final KernelWatch.Classified STOP = new KernelWatch.Classified(null, null);
    private static final KernelWatch.Classified LOST = new KernelWatch.Classified(null, null);

    private final Severity min;
    private final Consumer<KernelWatch.Classified> print;
    private long printed;

    /**
     * @param after the last sequence number not to print (a mark's, or -1)
     * @param min   the lowest severity printed
     * @param print prints one line, on the calling thread of {@link #run}
     */
    AgentFollow(long after, Severity min, Consumer<KernelWatch.Classified> print) {
        this.printed = after;
        this.min = min;
        this.print = print;
    }

    /**
     * Prints the backlog and then the agent's lines until the command is asked to stop (true) or the agent goes away
     * (false: the caller follows the log itself from {@link #lastPrinted()}).
     */
    boolean run(RemoteEngine agent, Supplier<KernelWatch> backlog) throws IOException {
        BlockingQueue<KernelWatch.Classified> queue = new LinkedBlockingQueue<>();
        agent.subscribe(e -> {
            if (e instanceof EngineEvent.KernelLineRead k) {
                queue.add(k.line());
            } else if (e instanceof EngineEvent.LinkChanged l && !l.up()) {
                queue.add(LOST);
            }
        });
        try (Shutdown.Registration r = Shutdown.whileRunning("kmsg --follow", () -> queue.add(STOP))) {
            KernelWatch watch = backlog.get();
            watch.subscribe(new KernelWatch.Listener() {
                @Override
                public boolean ordinaryLines() {
                    return min == Severity.INFO;
                }

                @Override
                public void line(KernelLine line, KernelClassifier.Match match) {
                    offer(new KernelWatch.Classified(line, match));
                }
            });
            try {
                watch.readToEnd();
            } finally {
                watch.close();
            }
            while (true) {
                KernelWatch.Classified c = queue.take();
                if (c == STOP) {
                    return true;
                }
                if (c == LOST) {
                    return false;
                }
                offer(c);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    /** The sequence number of the last line printed (or passed over as below the severity asked for). */
    long lastPrinted() {
        return printed;
    }

    private void offer(KernelWatch.Classified c) {
        if (c.line().seq() <= printed) {
            return;
        }
        printed = c.line().seq();
        Severity s = c.match() == null ? Severity.INFO : c.match().severity();
        if (s.atLeast(min)) {
            print.accept(c);
        }
    }
}
