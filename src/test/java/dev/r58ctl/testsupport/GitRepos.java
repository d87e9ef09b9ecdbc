package dev.r58ctl.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Real repositories for tests, made with the git command line: a template shaped like the recorder's checkout
 * (a few thousand files, many commits) built once per test run and cloned per test, and ways to compare trees
 * byte for byte.
 */
public final class GitRepos {
    public static final int FILES = 3000;
    public static final int COMMITS = 25;
    private static Path template;

    private GitRepos() {
    }

    /** Runs git in {@code dir} with a fixed identity and no user or system configuration; returns stdout. */
    public static String git(Path dir, String... args) {
        List<String> argv = new ArrayList<>(List.of("git", "-c", "user.name=Test Operator", "-c",
                "user.email=operator@example.invalid", "-c", "init.defaultBranch=main", "-c", "core.autocrlf=false"));
        argv.addAll(List.of(args));
        try {
            ProcessBuilder pb = new ProcessBuilder(argv).directory(dir.toFile());
            pb.environment().put("GIT_CONFIG_GLOBAL", "/dev/null");
            pb.environment().put("GIT_CONFIG_NOSYSTEM", "1");
            pb.redirectErrorStream(false);
            Process p = pb.start();
            byte[] out = p.getInputStream().readAllBytes();
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) {
                throw new IllegalStateException("git " + String.join(" ", args) + " failed in " + dir + ": " + err);
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A fresh clone of the template at {@code dest}, on branch main. */
    public static Path cloneTo(Path dest) {
        git(dest.getParent(), "clone", "-q", template().toString(), dest.getFileName().toString());
        return dest;
    }

    /** The recorder-like template: src/, config.yml, status.txt, .gitignore and lib/ with many files. */
    public static synchronized Path template() {
        if (template != null) {
            return template;
        }
        try {
            Path dir = Files.createTempDirectory("r58ctl-template-");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(dir)));
            git(dir, "init", "-q", "-b", "main");
            write(dir, ".gitignore", "recordings/\n*.log\n");
            write(dir, "status.txt", "healthy\n");
            write(dir, "config.yml", "cameras:\n  cam0:\n    device: /dev/video0\n    codec: h264\n    bitrate: 8000\n");
            write(dir, "src/pipelines.py", pipelines("x264enc"));
            write(dir, "src/mixer/core.py", "def mix(inputs):\n    return inputs\n");
            for (int i = 0; i < FILES; i++) {
                write(dir, String.format("lib/mod%02d/file%04d.py", i % 60, i), lines("file " + i, 12));
            }
            git(dir, "add", "-A");
            git(dir, "commit", "-q", "-m", "Initial import of the recorder");
            for (int c = 1; c < COMMITS; c++) {
                for (int k = 0; k < 20; k++) {
                    int n = (c * 97 + k * 13) % FILES;
                    Path f = dir.resolve(String.format("lib/mod%02d/file%04d.py", n % 60, n));
                    Files.writeString(f, Files.readString(f) + "# change " + c + "\n");
                }
                git(dir, "commit", "-q", "-a", "-m", "Change " + c + " to the library");
            }
            template = dir;
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void deleteTree(Path dir) {
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort: it is a temporary directory
        }
    }

    /** A pipelines.py that names its encoder, with enough lines around it for a real hunk. */
    public static String pipelines(String encoder) {
        return "import gi\n\n\ndef build(cam):\n    # encoder chosen per platform\n    encoder = \"" + encoder + "\"\n"
                + "    caps = \"video/x-raw\"\n    return encoder, caps\n\n\ndef teardown(cam):\n    pass\n";
    }

    public static String lines(String prefix, int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 1; i <= n; i++) {
            b.append(prefix).append(" line ").append(i).append('\n');
        }
        return b.toString();
    }

    public static Path write(Path dir, String path, String content) {
        try {
            Path p = dir.resolve(path);
            Files.createDirectories(p.getParent());
            Files.writeString(p, content, StandardCharsets.UTF_8);
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every file under {@code dir} but .git, path to bytes (a link's bytes are its target). */
    public static Map<String, byte[]> files(Path dir) {
        Map<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                String rel = dir.relativize(p).toString();
                if (rel.equals(".git") || rel.startsWith(".git/")) {
                    continue;
                }
                if (Files.isSymbolicLink(p)) {
                    out.put(rel, ("-> " + Files.readSymbolicLink(p)).getBytes(StandardCharsets.UTF_8));
                } else if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    out.put(rel + (Files.isExecutable(p) ? " (x)" : ""), Files.readAllBytes(p));
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A hash of every file's path, executable bit and bytes under {@code dir} (but .git). */
    public static String hashTree(Path dir) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Map.Entry<String, byte[]> e : files(dir).entrySet()) {
                sha.update(e.getKey().getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(MessageDigest.getInstance("SHA-256").digest(e.getValue()));
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The working tree and index as git itself sees them: status, staged diff and unstaged diff. */
    public static String gitState(Path dir) {
        return git(dir, "status", "--porcelain=v1", "--untracked-files=all") + "--- staged\n"
                + git(dir, "diff", "--cached", "--binary") + "--- unstaged\n" + git(dir, "diff", "--binary");
    }

    public static String head(Path dir) {
        return git(dir, "rev-parse", "HEAD").strip();
    }
}
