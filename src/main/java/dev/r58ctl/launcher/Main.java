package dev.r58ctl.launcher;

import dev.r58ctl.Logging;
import dev.r58ctl.Shutdown;
import dev.r58ctl.StartupTrace;
import dev.r58ctl.cli.Cli;
import dev.r58ctl.tui.EarlyScreen;
import java.io.PrintWriter;

/** Entry point: runs one command and exits with its code (0 success, 1 the checked thing failed, 2 bad input,
 * 3 the board cannot be reached in remote mode). */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        StartupTrace.mark("main");
        Logging.quietStart();
        dev.r58ctl.config.ConfigLoader.prefetchDefaults();
        Shutdown.install(); // SIGHUP, SIGTERM, SIGINT: the command stops as on q (see Shutdown)
        if (System.getProperty("r58ctl.training") != null) {
            System.exit(Training.run()); // the class-data sharing training run (scripts/r58ctl, the package's postinst)
        }
        if (Cli.opensDashboard(args)) {
            EarlyScreen.open(args[args.length - 1].equals("demo")); // the layout at once; see EarlyScreen
            StartupTrace.mark("early frame drawn");
        }
        PrintWriter out = new PrintWriter(EarlyScreen.before(System.out), true);
        PrintWriter err = new PrintWriter(EarlyScreen.before(System.err), true);
        int code;
        try {
            code = Cli.execute(out, err, args);
        } finally {
            EarlyScreen.close();
        }
        int exit = Shutdown.exitCode(code);
        out.flush(); // to a terminal that takes no output this blocks: a requested stop's bound still ends it
        err.flush();
        System.exit(exit);
    }
}
