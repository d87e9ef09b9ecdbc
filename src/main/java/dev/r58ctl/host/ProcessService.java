package dev.r58ctl.host;

import dev.r58ctl.AtomicFile;
import dev.r58ctl.DiskFull;
import dev.r58ctl.R58Exception;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The recorder as a plain process that r58ctl starts itself, for the demo and the tests: detached into its own
 * session (so it outlives r58ctl and a Ctrl-C), output appended to {@code NAME.log}, its pid and start time in
 * {@code NAME.pid} (so a reused pid is not mistaken for it), stopped with SIGTERM and, after the stop timeout,
 * SIGKILL.
 */
public final class ProcessService implements ServiceControl {
    private static final Logger LOG = LoggerFactory.getLogger(ProcessService.class);
    private static final Path SETSID = Path.of("/usr/bin/setsid");

    private final String name;
    private final List<String> argv;
    private final Path workDir;
    private final Path dir;
    private Duration stopTimeout = Duration.ofSeconds(10);

    public ProcessService(String name, List<String> argv, Path workDir, Path dir) {
        if (argv.isEmpty()) {
            throw R58Exception.badInput("recorder.service_command: no program to run");
        }
        this.name = name;
        this.argv = List.copyOf(argv);
        this.workDir = workDir;
        this.dir = dir;
    }

    /** How long a SIGTERM may take before SIGKILL follows (default 10 s). */
    public ProcessService stopTimeout(Duration timeout) {
        this.stopTimeout = timeout;
        return this;
    }

    public Path pidFile() {
        return dir.resolve(name + ".pid");
    }

    public Path logFile() {
        return dir.resolve(name + ".log");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public ServiceState status() {
        Optional<ProcessHandle> p = running();
        if (p.isPresent()) {
            return new ServiceState(name, true, "running", "pid " + p.get().pid() + ", log " + logFile());
        }
        return new ServiceState(name, false, "stopped",
                Files.exists(pidFile()) ? "its process has ended; see " + logFile() : "not started");
    }

    @Override
    public void start() {
        if (running().isPresent()) {
            return;
        }
        Path program = Path.of(argv.get(0));
        if (!Files.isRegularFile(program) || !Files.isExecutable(program)) {
            // checked here because setsid would only report it as exit code 127
            throw R58Exception.failed("cannot start " + name + ": " + program + " is not an executable file");
        }
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(SETSID)) {
            command.add(SETSID.toString()); // exec's in place: the pid we get is the service's own
        }
        command.addAll(argv);
        try {
            Files.createDirectories(dir);
            Process p = new ProcessBuilder(command).directory(workDir.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile().toFile()))
                    .redirectErrorStream(true)
                    .start();
            Instant started = p.info().startInstant().orElse(Instant.EPOCH);
            try {
                AtomicFile.write(pidFile(), (p.pid() + " " + started.toEpochMilli() + "\n")
                        .getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                // a service r58ctl cannot find again would run on beside the next one it starts
                p.destroy();
                p.waitFor(5, TimeUnit.SECONDS);
                throw DiskFull.failed(pidFile(), e, "cannot write the pid file; " + name + " not started");
            }
            LOG.info("started {} as pid {}: {}", name, p.pid(), argv);
            // a wrong program or argument usually ends within a moment: say so now rather than at the health check
            if (p.waitFor(300, TimeUnit.MILLISECONDS)) {
                throw R58Exception.failed(name + ": " + argv.get(0) + " ended at once with exit code " + p.exitValue()
                        + "; see " + logFile());
            }
        } catch (IOException e) {
            throw R58Exception.failed(DiskFull.is(e) ? DiskFull.line(dir)
                    : "cannot start " + name + " (" + argv.get(0) + "): " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw R58Exception.failed("interrupted while starting " + name);
        }
    }

    @Override
    public void stop() {
        Optional<ProcessHandle> found = running();
        if (found.isEmpty()) {
            deletePidFile();
            return;
        }
        ProcessHandle p = found.get();
        // systemd signals the whole service; we do the same for the children we can see
        List<ProcessHandle> children = p.descendants().toList();
        p.destroy();
        children.forEach(ProcessHandle::destroy);
        if (!awaitExit(p, stopTimeout)) {
            LOG.warn("{} (pid {}) ignored SIGTERM for {} ms: SIGKILL", name, p.pid(), stopTimeout.toMillis());
            p.destroyForcibly();
            if (!awaitExit(p, Duration.ofSeconds(5))) {
                throw R58Exception.failed(name + " (pid " + p.pid() + ") survived SIGKILL");
            }
        }
        children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        deletePidFile();
        LOG.info("stopped {} (pid {})", name, p.pid());
    }

    /** The process named by the pid file, if it is still the one we started. */
    Optional<ProcessHandle> running() {
        String text;
        try {
            text = Files.readString(pidFile(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            return Optional.empty();
        }
        String[] parts = text.split("\\s+");
        long pid;
        long startedMs;
        try {
            pid = Long.parseLong(parts[0]);
            startedMs = parts.length > 1 ? Long.parseLong(parts[1]) : 0;
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(h -> {
            long actual = h.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
            return startedMs == 0 || actual == 0 || Math.abs(actual - startedMs) < 2000;
        });
    }

    private static boolean awaitExit(ProcessHandle p, Duration timeout) {
        try {
            p.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return !p.isAlive();
        } catch (ExecutionException e) {
            return !p.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !p.isAlive();
        }
    }

    private void deletePidFile() {
        try {
            Files.deleteIfExists(pidFile());
        } catch (IOException e) {
            LOG.warn("cannot delete {}: {}", pidFile(), e.getMessage());
        }
    }
}
