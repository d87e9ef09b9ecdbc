package dev.r58ctl;

import dev.r58ctl.cli.Cli;
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
        if (System.getProperty("r58ctl.training") != null) {
            System.exit(Training.run()); // the class-data sharing training run (scripts/r58ctl, the package's postinst)
        }
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        int code = Cli.execute(out, err, args);
        out.flush();
        err.flush();
        System.exit(code);
    }
}
