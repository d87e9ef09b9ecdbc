package dev.r58ctl.launcher;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.Terminal;
import com.googlecode.lanterna.terminal.ansi.ANSITerminal;
import dev.r58ctl.cli.Cli;
import dev.r58ctl.config.ConfigLoader;
import dev.r58ctl.engine.Engine;
import dev.r58ctl.tui.Dashboard;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The class-data sharing training run: what the launcher's common commands load, in one JVM, so that
 * {@code -XX:ArchiveClassesAtExit} writes one archive for them all (scripts/r58ctl and the package's postinst run it
 * with {@code -Dr58ctl.training}). Help and version, {@code status} as text and JSON, and the dashboard's first frames
 * on an ANSI terminal writing to nothing, all on a temporary configuration (no recorder configuration, no checkout,
 * kernel log a file) whose state directory is removed afterwards: nothing on the machine is changed, and nothing is
 * read but the recorder's and MediaMTX's HTTP status at their default addresses. Prints nothing.
 */
final class Training {
    /** Lanterna's classes of a real terminal (a tty and stty), which the one here does not load. */
    static final List<String> TERMINAL_CLASSES = List.of(
            "com.googlecode.lanterna.terminal.ansi.UnixTerminal",
            "com.googlecode.lanterna.terminal.ansi.UnixLikeTTYTerminal",
            "com.googlecode.lanterna.terminal.ansi.UnixLikeTerminal",
            "dev.r58ctl.tui.Terminals",
            "dev.r58ctl.tui.QuickTerminal",
            "dev.r58ctl.tui.EarlyScreen",
            "dev.r58ctl.tui.EarlyScreen$1",
            "com.googlecode.lanterna.terminal.ansi.UnixLikeTerminal$CtrlCBehaviour",
            "sun.misc.Signal",
            "sun.misc.SignalHandler");

    private Training() {
    }

    static int run() {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("r58ctl-training");
            Path log = Files.writeString(dir.resolve("kern.log"), "[    1.000000] Booting Linux\n");
            Path config = Files.writeString(dir.resolve("config.yml"), "platform: generic\nstate_dir: "
                    + dir.resolve("state") + "\nrecorder: {config: null, repo: \"" + dir.resolve("no-repo")
                    + "\"}\nkernel_log: {source: \"file:" + log
                    + "\", previous_boot: none}\ncameras:\n  cam0: {resolution: 640x360, codec: h264, transport: none}\n");
            PrintWriter sink = new PrintWriter(Writer.nullWriter());
            String cfg = config.toString();
            // --config everywhere: the installed configuration could name a remote host, and nothing here may go there
            Cli.execute(sink, sink, "--config", cfg, "--help");
            Cli.execute(sink, sink, "--config", cfg, "--version");
            Cli.execute(sink, sink, "--config", cfg, "status", "--cpu-window", "100");
            Cli.execute(sink, sink, "--config", cfg, "status", "--json", "--cpu-window", "100");
            dashboard(config);
            spawn(); // Lanterna runs stty on a real terminal: the JDK's process classes, loaded as it loads them
            for (String name : TERMINAL_CLASSES) {
                try {
                    Class.forName(name, false, Training.class.getClassLoader());
                } catch (ClassNotFoundException | LinkageError gone) {
                    // a later Lanterna may have moved it: it is loaded from the jar then
                }
            }
            return 0;
        } catch (IOException | RuntimeException e) {
            return 1;
        } finally {
            delete(dir);
        }
    }

    /**
     * The dashboard on an 80x24 ANSI terminal writing to nothing (Lanterna's virtual terminal holds its lock while it
     * waits for a key, so the dashboard's loop could not draw): its first frames, then q.
     */
    private static void dashboard(Path config) throws IOException {
        PipedOutputStream keys = new PipedOutputStream();
        PipedInputStream in = new PipedInputStream(keys);
        Terminal terminal = new ANSITerminal(in, OutputStream.nullOutputStream(), StandardCharsets.UTF_8) {
            @Override
            protected TerminalSize findTerminalSize() {
                return new TerminalSize(80, 24);
            }
        };
        TerminalScreen screen = new TerminalScreen(terminal);
        try (Engine engine = new Engine(new ConfigLoader().file(config).load())) {
            Thread quit = new Thread(() -> {
                try {
                    Thread.sleep(1500); // a tick or so: samples, kernel lines and the repository state drawn
                    keys.write('q');
                    keys.flush();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (IOException e) {
                    // the dashboard ended already
                }
            }, "r58ctl-training-quit");
            quit.setDaemon(true);
            quit.start();
            new Dashboard(engine, screen, false).run();
        }
    }

    /** Runs {@code stty --version} (prints its version, changes nothing) as Lanterna runs stty. */
    private static void spawn() {
        try {
            Process p = new ProcessBuilder("stty", "--version").redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
            p.getInputStream().readAllBytes();
            p.waitFor();
        } catch (IOException e) {
            // no stty here: those classes are loaded from the JDK at run time
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind
        }
    }
}
