package dev.r58ctl.host;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs a program from an argument list (never through a shell) and collects its output, within a deadline. */
public final class Exec {
    /** What the program said: its exit code (-1 when the deadline passed), stdout and stderr. */
    public record Result(int exit, String out, String err) {
        public String firstErrorLine() {
            String text = err.isBlank() ? out : err;
            return text.strip().lines().findFirst().orElse("");
        }
    }

    private Exec() {
    }

    /** Runs {@code argv}; IOException when the program cannot be started, exit -1 when the deadline passed. */
    public static Result run(List<String> argv, Duration timeout) throws IOException {
        Process p = new ProcessBuilder(argv).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .start();
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(p.getInputStream()));
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
        try {
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                return new Result(-1, "", String.join(" ", argv) + ": no answer within " + timeout.toSeconds() + " s");
            }
            return new Result(p.exitValue(), out.join(), err.join());
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running " + argv.get(0), e);
        }
    }

    private static String read(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
