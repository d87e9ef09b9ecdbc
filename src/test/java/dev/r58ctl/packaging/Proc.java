package dev.r58ctl.packaging;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One finished process: exit code and both outputs. Runs with no input (as in CI) and a time limit. */
record Proc(List<String> command, int exit, String out, String err) {
    static Proc run(String... command) {
        return run(Map.of(), null, command);
    }

    static Proc run(Map<String, String> env, Path dir, String... command) {
        try {
            Path out = Files.createTempFile("r58ctl-proc", ".out");
            Path err = Files.createTempFile("r58ctl-proc", ".err");
            try {
                ProcessBuilder pb = new ProcessBuilder(command).redirectInput(new File("/dev/null"))
                        .redirectOutput(out.toFile()).redirectError(err.toFile());
                pb.environment().putAll(env);
                if (dir != null) {
                    pb.directory(dir.toFile());
                }
                Process p = pb.start();
                if (!p.waitFor(15, TimeUnit.MINUTES)) {
                    p.destroyForcibly();
                    throw new IllegalStateException("timed out: " + String.join(" ", command));
                }
                return new Proc(List.of(command), p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                        Files.readString(err, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Whether a program is on PATH. */
    static boolean has(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

    Proc ok() {
        if (exit != 0) {
            throw new AssertionError("failed: " + this);
        }
        return this;
    }

    @Override
    public String toString() {
        return String.join(" ", command) + " -> exit " + exit + "\n--- out\n" + out + "--- err\n" + err;
    }
}
