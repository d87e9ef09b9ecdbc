package dev.r58ctl.remote;

import dev.r58ctl.R58Exception;
import dev.r58ctl.config.Config;
import dev.r58ctl.tui.Terminals;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code r58ctl --host BOARD dashboard}: the dashboard drawn here, its engine on the board
 * ({@code r58ctl engine serve --stdio} over SSH). The connection is made before the screen opens, so a refused host
 * key or an unreachable board is one line and an exit code; after that, a lost link is shown on the screen.
 */
final class RemoteDashboard {
    /** The board's side, appended to {@code remote.command} as single-quoted words. */
    static final List<String> SERVE = List.of("engine", "serve", "--stdio");

    private RemoteDashboard() {
    }

    static int run(Config config, BoardAddress address, PrintWriter err) {
        if (!Terminals.interactive()) {
            throw R58Exception.badInput("the dashboard needs a terminal (stdin and stdout a tty, TERM set)");
        }
        try (RemoteEngine engine = open(config, address, err)) {
            Terminals.runDashboard(engine, false);
        }
        return 0;
    }

    /** A remote engine, connected: its hello arrived. */
    static RemoteEngine open(Config config, BoardAddress address, PrintWriter err) {
        KmsgJournal journal = KmsgJournal.dashboard(config.stateDir(), address.target());
        RemoteEngine engine = new RemoteEngine(address, journal, line -> {
            err.println("r58ctl: " + line);
            err.flush();
        });
        try {
            return engine.start();
        } catch (RuntimeException e) {
            journal.note("not connected: " + e.getMessage());
            journal.close();
            throw e;
        }
    }

    /** {@code command} and the board's side as one command line, each added word single-quoted. */
    static String command(String command) {
        StringBuilder b = new StringBuilder(command);
        SERVE.forEach(w -> b.append(' ').append(RemoteArgs.quote(w)));
        return b.toString();
    }

    static Path home() {
        return Path.of(System.getProperty("user.home", "/root"));
    }
}
