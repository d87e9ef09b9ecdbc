package dev.r58ctl.testsupport;

import dev.r58ctl.launcher.Main;
import dev.r58ctl.repo.RollbackJournal;

/**
 * r58ctl's main for crash tests: when the rollback journal has forced {@code STEP:begin} or {@code STEP:done}
 * (named by {@link #PAUSE_ENV}) to disk, it says so on stderr and parks until the test kills it with SIGKILL.
 */
public final class PausingMain {
    /** The environment variable the test sets on the child: the journal point to stop at. */
    public static final String PAUSE_ENV = "R58CTL_TEST_PAUSE_AFTER";

    private PausingMain() {
    }

    public static void main(String[] args) {
        String at = System.getenv(PAUSE_ENV);
        if (at != null) {
            RollbackJournal.observeWritten(point -> {
                if (point.equals(at)) {
                    System.err.println("r58ctl: test pause after " + point);
                    System.err.flush();
                    while (true) {
                        try {
                            Thread.sleep(60_000);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return;
                        }
                    }
                }
            });
        }
        Main.main(args);
    }
}
