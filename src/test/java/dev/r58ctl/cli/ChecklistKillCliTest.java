package dev.r58ctl.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * r58ctl in a child JVM performing a long watch step: a second r58ctl is refused in one line naming the holder and
 * changes nothing (showing stays allowed); the child killed with SIGKILL leaves the step running with a dead pid,
 * shown as interrupted with what is known (pid, mark), and the next {@code checklist next} retries it.
 */
class ChecklistKillCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;
    ChecklistFixture f;
    Process child;

    @AfterEach
    void tearDown() {
        if (child != null) {
            child.destroyForcibly();
        }
        if (f != null) {
            f.stopService();
        }
    }

    private ChecklistFixture configure(Path list, String watch) {
        return f.configure(null, "  file: " + list + "\n  durations: {watch: " + watch + "}\n");
    }

    @Test
    void aSecondRunIsRefusedAndAKilledStepIsInterruptedThenRetried() throws Exception {
        f = new ChecklistFixture(tmp);
        Path list = ChecklistFixture.write(tmp.resolve("watch-only.yml"), "steps:\n"
                + "  - {id: watch, title: Watch the recorder, kind: action, branch: tests, operation: watch}\n"
                + "  - {id: look, title: Look at the recordings, kind: manual, branch: tests}\n");
        configure(list, "600s");
        assertEquals(0, f.run("service", "start").exit());

        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        child = new ProcessBuilder(List.of(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", cp,
                "dev.r58ctl.launcher.Main", "--config", f.config.toString(), "checklist", "next", "--yes"))
                .redirectErrorStream(true).redirectOutput(tmp.resolve("child.log").toFile()).start();
        Path current = f.state.resolve("checklist/current.json");
        JsonNode running = null;
        for (int i = 0; i < 1200 && child.isAlive(); i++) {
            if (Files.exists(current)) {
                JsonNode w = JSON.readTree(current.toFile()).get("steps").get(0);
                if (w.get("state").asText().equals("running") && w.has("mark")) {
                    running = w;
                    break;
                }
            }
            Thread.sleep(100);
        }
        assertTrue(running != null, "the child never ran the step: " + Files.readString(tmp.resolve("child.log")));
        assertEquals(child.pid(), running.get("pid").asLong());

        byte[] before = Files.readAllBytes(current);
        for (List<String> args : List.of(List.of("checklist", "next", "--yes"), List.of("checklist", "skip", "watch",
                "--reason", "in a hurry"), List.of("checklist", "reset", "--yes"))) {
            CliRun second = f.run(args.toArray(String[]::new));
            assertEquals(1, second.exit(), second.toString());
            assertTrue(second.err().startsWith("r58ctl: the checklist is being changed by pid " + child.pid()
                    + ", user "), second.err());
            assertTrue(second.err().contains(", `r58ctl --config " + f.config + " checklist next --yes`, since 20"),
                    second.err());
            assertTrue(second.err().endsWith("; nothing changed (try again when it has finished)\n"), second.err());
        }
        assertArrayEquals(before, Files.readAllBytes(current), "state intact");
        JsonNode shown = ChecklistFixture.step(f.show(), "watch");
        assertEquals("running", shown.get("state").asText(), "show reads while the lock is held");

        child.destroyForcibly(); // SIGKILL: no shutdown hook runs
        assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        assertEquals(137, child.exitValue());
        JsonNode interrupted = ChecklistFixture.step(f.show(), "watch");
        assertEquals("interrupted", interrupted.get("state").asText());
        assertEquals(child.pid(), interrupted.get("record").get("pid").asLong());
        assertTrue(interrupted.get("record").get("mark").asText().startsWith("checklist-watch-"));
        CliRun text = f.run("checklist");
        assertTrue(text.out().contains("  interrupted watch            Watch the recorder\n"), text.out());
        assertTrue(text.out().contains(", pid " + child.pid() + "\n"), text.out());

        configure(list, "1s");
        CliRun retry = f.run("checklist", "next", "--yes");
        assertEquals(0, retry.exit(), retry.toString());
        assertTrue(retry.out().startsWith("watch was interrupted (pid " + child.pid() + ", started 20"), retry.out());
        assertTrue(retry.out().contains("\ndone: watch\n"), retry.out());
        JsonNode done = ChecklistFixture.step(f.show(), "watch").get("record");
        assertTrue(done.get("detail").asText().startsWith("watched "), done.toString());
        assertTrue(done.get("health").asText().endsWith("status \"healthy\""), done.toString());
        assertTrue(f.run("checklist", "next").out().startsWith("next: look (manual): Look at the recordings\n"));
    }
}
