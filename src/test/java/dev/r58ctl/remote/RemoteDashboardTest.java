package dev.r58ctl.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.screen.TerminalScreen;
import dev.r58ctl.R58Exception;
import dev.r58ctl.config.Config;
import dev.r58ctl.testsupport.Screens;
import dev.r58ctl.testsupport.TestConfigs;
import dev.r58ctl.tui.Dashboard;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code r58ctl --host BOARD dashboard} end to end: a real SSH server on loopback runs the real r58ctl
 * ({@code engine serve --stdio}) in its own JVM; the dashboard's real loop draws into a virtual terminal here.
 */
class RemoteDashboardTest {
    @TempDir
    Path dir;
    private SshTestServer server;
    private BoardFixture board;
    private Config laptop;
    private KeyTerminal vt;
    private TerminalScreen screen;

    @BeforeEach
    void setUp() throws Exception {
        server = new SshTestServer(dir.resolve("ssh"));
        board = new BoardFixture(dir.resolve("board"));
        Path knownHosts = dir.resolve("known_hosts");
        Files.writeString(knownHosts, server.knownHostsLine());
        laptop = TestConfigs.load(dir.resolve("laptop"), "platform: generic\nstate_dir: " + dir.resolve("laptop/state")
                + "\nrecorder: {config: null}\nremote:\n  command: " + board.script + "\n  identity: "
                + server.clientKey + "\n  known_hosts: " + knownHosts + "\n");
        vt = new KeyTerminal(new TerminalSize(100, 30));
    }

    @AfterEach
    void tearDown() throws Exception {
        server.close();
    }

    private BoardAddress address(boolean acceptNew) {
        return new BoardAddress(RemoteTarget.parse("tester@127.0.0.1:" + server.port()), laptop.remote().identity(),
                laptop.remote().knownHosts(), acceptNew, dir, RemoteDashboard.command(laptop.remote().command()));
    }

    private Path journal() {
        return KmsgJournal.file(dir.resolve("laptop/state"), address(false).target());
    }

    /**
     * The screen as last drawn whole: {@code TerminalScreen.refresh} writes the cells under the screen's lock, so a
     * read under the same lock never sees half a frame (a new first line above the old second one).
     */
    private String screenText() {
        synchronized (screen) {
            return Screens.text(vt);
        }
    }

    /** The dashboard's real loop on its own thread, as the command runs it. */
    private static CompletableFuture<Void> loop(Dashboard d) {
        return CompletableFuture.runAsync(() -> {
            try {
                d.run();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** Waits (60 s at most, far above what it takes) until the screen shows it; returns the milliseconds taken. */
    private long until(Predicate<String> shown, String what) throws Exception {
        long start = System.nanoTime();
        while (System.nanoTime() - start < 60_000_000_000L) {
            if (shown.test(screenText())) {
                return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            }
            Thread.sleep(20);
        }
        throw new AssertionError("never shown: " + what + "; last screen:\n" + screenText());
    }

    @Test
    void theBoardsDashboardHereThroughADropAndAReboot() throws Exception {
        StringWriter err = new StringWriter();
        RemoteEngine engine = RemoteDashboard.open(laptop, address(false), new PrintWriter(err, true));
        screen = new TerminalScreen(vt);
        Dashboard d = new Dashboard(engine, screen, false);
        CompletableFuture<Void> loop = loop(d);
        try {
            until(s -> s.contains("CPU ") && s.contains(">cam0") && s.contains("Booting Linux")
                    && s.contains("kernel file kern.log on 127.0.0.1:" + server.port())
                    && s.contains("matrix x264enc") && !s.contains("repo: not read yet"), "the board's picture");
            board.kernel("[    5.000000] usb 1-1: new high-speed USB device number 2");
            until(s -> s.contains("new high-speed USB device"), "a kernel line written on the board");
            assertTrue(Files.readString(journal()).contains("  [    5.000000] usb 1-1: new high-speed USB device"),
                    Files.readString(journal()));

            vt.press('s'); // start cam0 on the board
            until(s -> s.matches("(?s).*>cam0 .*r58ctl +RUNNING.*") && s.contains("start cam0: done"),
                    "cam0 running on the board");

            vt.press('b'); // a rollback goes to the board too; this board has no checkout, and says so
            until(s -> s.contains("rollback: ") && s.contains("recorder.repo"), "the board's answer to b");

            long stopped = System.nanoTime();
            server.close();
            long noticed = until(s -> s.contains("board unreachable since "), "the lost link");
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - stopped);
            System.out.println("measured: board stopped -> 'board unreachable' on screen in " + millis + " ms");
            assertTrue(millis < 5000, "noticed after " + millis + " ms (screen polled after " + noticed + " ms)");
            String kept = screenText();
            assertTrue(kept.contains(">cam0") && kept.contains("new high-speed USB device") && kept.contains("CPU "),
                    "the last picture stays: " + kept);
            assertTrue(kept.matches("(?s).*>cam0 .*r58ctl +RUNNING\\?.*"), "its states marked as the last known: " + kept);
            String j = Files.readString(journal());
            assertTrue(j.contains("new high-speed USB device") && j.contains("# board unreachable since "), j);

            board.reboot("second-boot", "[    0.000000] Booting Linux again\n");
            server = new SshTestServer(dir.resolve("ssh"), server.port());
            long restarted = System.nanoTime();
            until(s -> s.contains("board back at") && s.contains("it rebooted"), "the board back");
            System.out.println("measured: server restarted -> 'board back' on screen in "
                    + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - restarted) + " ms");
            String back = screenText();
            assertTrue(back.contains("previous boot ENDED IN A CRASH"), back);
            assertTrue(back.contains("guard: rolled back to 1234567"), back);
            assertFalse(back.contains("board unreachable since"), back);
            board.kernel("[    3.000000] after the reboot");
            until(s -> s.contains("after the reboot") && s.contains("Booting Linux again"), "the new boot's lines");
            assertTrue(Files.readString(journal()).contains("after the reboot"));
        } finally {
            vt.press('q');
            loop.get(30, TimeUnit.SECONDS);
            engine.close();
        }
    }

    @Test
    void aBoardThatGoesSilentIsNoticedWithinFiveSecondsByKeepalive() throws Exception {
        try (FreezingProxy proxy = new FreezingProxy(server.port())) {
            Files.writeString(laptop.remote().knownHosts(), server.knownHostsLine()
                    .replace(":" + server.port() + " ", ":" + proxy.port() + " "));
            BoardAddress a = address(false);
            BoardAddress viaProxy = new BoardAddress(RemoteTarget.parse("127.0.0.1:" + proxy.port()), a.identity(),
                    a.knownHosts(), false, dir, a.command());
            RemoteEngine engine = RemoteDashboard.open(laptop, viaProxy, new PrintWriter(new StringWriter(), true));
            screen = new TerminalScreen(vt);
            Dashboard d = new Dashboard(engine, screen, false);
            CompletableFuture<Void> loop = loop(d);
            try {
                until(s -> s.contains("CPU ") && s.contains("Booting Linux"), "the board's picture");
                long frozen = System.nanoTime();
                proxy.freeze(); // power cut: no FIN, no RST, nothing
                until(s -> s.contains("board unreachable since "), "the silent board");
                long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - frozen);
                System.out.println("measured: silent board -> 'board unreachable' on screen in " + millis + " ms");
                assertTrue(millis < 5000, "noticed after " + millis + " ms");
                assertTrue(screenText().contains("Booting Linux"), screenText());
            } finally {
                vt.press('q');
                loop.get(30, TimeUnit.SECONDS);
                engine.close();
            }
        }
    }

    @Test
    void anUnknownHostKeyIsRefusedInOneLineAndNothingRuns() throws Exception {
        Files.delete(laptop.remote().knownHosts());
        R58Exception e = assertThrows(R58Exception.class,
                () -> RemoteDashboard.open(laptop, address(false), new PrintWriter(new StringWriter(), true)));
        assertEquals(2, e.exitCode());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        assertTrue(e.getMessage().contains("is not known: ecdsa-sha2-nistp256 " + server.fingerprint()), e.getMessage());
        assertFalse(Files.exists(board.ran), "nothing may run on an unknown host");
    }

    @Test
    void aBoardWhoseR58ctlCannotStartSaysWhyInOneLine() throws Exception {
        Files.writeString(board.dir.resolve("config.yml"), "platform: generic\ncameras: [oops]\n");
        R58Exception e = assertThrows(R58Exception.class,
                () -> RemoteDashboard.open(laptop, address(false), new PrintWriter(new StringWriter(), true)));
        assertEquals(1, e.exitCode(), e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        assertTrue(e.getMessage().startsWith("the board: r58ctl on the board ended (exit 2): "
                + board.dir.resolve("config.yml") + ":2: cameras"), e.getMessage());
    }

    @Test
    void withoutATerminalTheCommandLineSaysSoBeforeConnecting() throws Exception {
        StringWriter err = new StringWriter();
        int code = dev.r58ctl.cli.Cli.execute(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true),
                "--config", dir.resolve("laptop/config.yml").toString(), "--host", "127.0.0.1:" + server.port(),
                "dashboard");
        assertEquals(2, code, err.toString());
        assertEquals("r58ctl: the dashboard needs a terminal (stdin and stdout a tty, TERM set)\n", err.toString());
        assertFalse(Files.exists(board.ran));
    }
}
