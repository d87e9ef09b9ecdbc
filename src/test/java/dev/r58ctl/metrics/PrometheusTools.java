package dev.r58ctl.metrics;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Finds Prometheus's own binaries (Debian's {@code prometheus} package, installed by scripts/setup) and runs promtool.
 * A missing binary fails the test with what to do, never skips it.
 */
final class PrometheusTools {
    /** The repository's root: tests run from it. */
    static final Path ROOT = Path.of("").toAbsolutePath();

    /** What one promtool run printed (stdout and stderr together) and its exit code. */
    record Run(int exit, String output) {
    }

    private PrometheusTools() {
    }

    static Path promtool() {
        return binary("promtool");
    }

    static Path prometheus() {
        return binary("prometheus");
    }

    private static Path binary(String name) {
        String path = System.getenv().getOrDefault("PATH", "") + File.pathSeparator + "/usr/bin";
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path p = Path.of(dir, name);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return fail(name + " not found on PATH: run scripts/setup (it installs Debian's prometheus package)");
    }

    /** Runs promtool with {@code args} in the repository's root, {@code stdin} written to it (or nothing). */
    static Run promtool(String stdin, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(promtool().toString());
        cmd.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(cmd).directory(ROOT.toFile()).redirectErrorStream(true).start();
            try (var in = p.getOutputStream()) {
                if (stdin != null) {
                    in.write(stdin.getBytes(StandardCharsets.UTF_8));
                }
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor();
                return fail("promtool " + String.join(" ", args) + " did not end within 60 s");
            }
            return new Run(p.exitValue(), out);
        } catch (IOException e) {
            return fail("cannot run promtool: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("interrupted running promtool");
        }
    }
}
