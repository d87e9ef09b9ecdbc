package dev.r58ctl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stop a signal asks for, in a child JVM ({@link Child}) that is sent SIGTERM once it says it is ready: with
 * nothing registered it ends at once, as the JVM would; what registered is woken and the command's own path ends the
 * process with 128 + the signal; and what does not finish is named in the log and the process ends at the bound.
 */
class ShutdownTest {
    @TempDir
    Path dir;

    /** The child: {@code none} registers nothing, {@code wakes} stops when woken, {@code stuck} never stops. */
    public static final class Child {
        public static void main(String[] args) throws Exception {
            Logging.silence();
            Logging.toFile(Path.of(args[1]));
            Shutdown.install();
            CountDownLatch woken = new CountDownLatch(1);
            switch (args[0]) {
                case "none" -> {
                    System.out.println("ready");
                    woken.await(); // only the signal ends it
                }
                case "wakes" -> {
                    try (Shutdown.Registration r = Shutdown.whileRunning("the child's work", woken::countDown)) {
                        System.out.println("ready");
                        woken.await();
                    }
                }
                default -> {
                    Shutdown.Registration never = Shutdown.whileRunning("a step that never ends", null);
                    System.out.println("ready " + never);
                    woken.await();
                }
            }
            System.exit(Shutdown.exitCode(0));
        }
    }

    private record Ended(int exit, long ms, String log) {
    }

    private Ended terminate(String mode) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(List.of(java, "-XX:TieredStopAtLevel=1", "-cp",
                System.getProperty("java.class.path"), Child.class.getName(), mode, dir.toString()))
                .redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String first = out.readLine();
            assertTrue(first != null && first.startsWith("ready"), "the child did not start: " + first);
            long begun = System.nanoTime();
            Process kill = new ProcessBuilder("kill", "-TERM", Long.toString(p.pid())).start();
            assertEquals(0, kill.waitFor());
            assertTrue(p.waitFor(Shutdown.BOUND.toMillis() + 5000, TimeUnit.MILLISECONDS), mode + ": did not end");
            return new Ended(p.exitValue(), (System.nanoTime() - begun) / 1_000_000, log());
        } finally {
            p.destroyForcibly();
        }
    }

    private String log() throws IOException {
        Path log = dir.resolve(Logging.FILE_NAME);
        return Files.exists(log) ? Files.readString(log) : "";
    }

    @Test
    void withNothingRegisteredASignalEndsTheProcessAtOnce() throws Exception {
        Ended e = terminate("none");
        assertEquals(143, e.exit());
        assertTrue(e.ms() < Shutdown.BOUND.toMillis(), e.ms() + " ms");
        assertTrue(e.log().contains("SIGTERM: exiting"), e.log());
    }

    @Test
    void whatRegisteredIsWokenAndTheCommandEndsOnItsOwnPath() throws Exception {
        Ended e = terminate("wakes");
        assertEquals(143, e.exit(), "128 + SIGTERM, as the JVM's own");
        assertTrue(e.ms() < Shutdown.BOUND.toMillis(), e.ms() + " ms");
        assertTrue(e.log().contains("SIGTERM: stopping as on q (the child's work)"), e.log());
        assertTrue(e.log().contains("stopped for SIGTERM in "), e.log());
    }

    @Test
    void whatDoesNotFinishIsNamedAndTheProcessEndsAtTheBound() throws Exception {
        Ended e = terminate("stuck");
        assertEquals(143, e.exit());
        assertTrue(e.ms() >= Shutdown.BOUND.toMillis() - 100, "not before the bound: " + e.ms() + " ms");
        assertTrue(e.log().contains("not finished within 5 s of SIGTERM: a step that never ends; exiting anyway"),
                e.log());
    }
}
