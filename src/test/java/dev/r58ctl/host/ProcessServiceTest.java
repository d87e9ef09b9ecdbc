package dev.r58ctl.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.r58ctl.R58Exception;
import dev.r58ctl.testsupport.StandIn;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The plain-process manager with a real stand-in service: detached start, pid file, log, SIGTERM, SIGKILL. */
class ProcessServiceTest {
    @TempDir
    Path dir;
    ProcessService service;

    @AfterEach
    void cleanUp() {
        if (service != null) {
            service.running().ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    private ProcessService standIn(int port, String... extra) {
        service = new ProcessService("recorder", StandIn.command(dir, port, extra), dir, dir.resolve("state/service"));
        return service;
    }

    private static HealthCheck.Result health(int port) {
        return new HealthCheck("http://127.0.0.1:" + port + "/health", Duration.ofSeconds(2))
                .waitHealthy(Duration.ofSeconds(20), Duration.ofMillis(100));
    }

    @Test
    void startsDetachedKeepsPidAndLogAndStopsWithSigterm() throws Exception {
        int port = StandIn.freePort();
        ProcessService s = standIn(port);
        assertFalse(s.status().running());
        assertEquals("not started", s.status().detail());
        s.start();
        HealthCheck.Result h = health(port);
        assertTrue(h.healthy(), h.toString());
        ServiceState st = s.status();
        assertTrue(st.running(), st.toString());
        long pid = Long.parseLong(Files.readString(s.pidFile()).strip().split(" ")[0]);
        ProcessHandle p = ProcessHandle.of(pid).orElseThrow();
        assertTrue(p.info().command().orElse("").contains("python3"), p.info().toString());
        assertTrue(Files.readString(s.logFile()).contains("stand-in pid " + pid + " serving on 127.0.0.1:" + port),
                Files.readString(s.logFile()));

        // another r58ctl run sees the same process through the pid file, and start does not start a second one
        ProcessService again = new ProcessService("recorder", StandIn.command(dir, port), dir, dir.resolve("state/service"));
        assertTrue(again.status().running());
        again.start();
        assertEquals(pid + "", Files.readString(s.pidFile()).strip().split(" ")[0]);

        again.stop();
        assertFalse(p.isAlive());
        assertFalse(Files.exists(s.pidFile()));
        assertFalse(s.status().running());
        assertFalse(new HealthCheck("http://127.0.0.1:" + port + "/health", Duration.ofSeconds(1)).check().healthy());
        s.stop(); // stopping a stopped service is no error
    }

    @Test
    void ignoringSigtermEndsInSigkill() throws Exception {
        int port = StandIn.freePort();
        ProcessService s = standIn(port, "stubborn").stopTimeout(Duration.ofMillis(500));
        s.start();
        assertTrue(health(port).healthy());
        ProcessHandle p = s.running().orElseThrow();
        s.stop();
        assertFalse(p.isAlive());
        assertFalse(s.status().running());
    }

    @Test
    void restartGivesANewProcess() throws Exception {
        int port = StandIn.freePort();
        ProcessService s = standIn(port);
        s.start();
        assertTrue(health(port).healthy());
        long first = s.running().orElseThrow().pid();
        s.restart();
        assertTrue(health(port).healthy());
        long second = s.running().orElseThrow().pid();
        assertTrue(first != second);
        s.stop();
    }

    @Test
    void aMissingProgramOrOneThatEndsAtOnceIsOneLine() {
        ProcessService missing = new ProcessService("recorder", List.of(dir.resolve("absent").toString()), dir,
                dir.resolve("svc"));
        R58Exception e = assertThrows(R58Exception.class, missing::start);
        assertEquals(R58Exception.FAILED, e.exitCode());
        assertEquals("cannot start recorder: " + dir.resolve("absent") + " is not an executable file", e.getMessage());
        service = new ProcessService("recorder", List.of(StandIn.PYTHON, "-c", "import sys; sys.exit(3)"), dir,
                dir.resolve("svc"));
        R58Exception quick = assertThrows(R58Exception.class, service::start);
        assertEquals("recorder: /usr/bin/python3 ended at once with exit code 3; see " + service.logFile(),
                quick.getMessage());
    }

    @Test
    void aPidFileNamingSomeoneElseIsNotTheService() throws Exception {
        ProcessService s = standIn(StandIn.freePort());
        Files.createDirectories(s.pidFile().getParent());
        // this JVM's pid with a start time far from its own: a reused pid
        Files.writeString(s.pidFile(), ProcessHandle.current().pid() + " 1000\n");
        assertFalse(s.status().running());
        Files.writeString(s.pidFile(), "garbage\n");
        assertFalse(s.status().running());
    }
}
