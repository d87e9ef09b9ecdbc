package dev.r58ctl.repo;

import static dev.r58ctl.testsupport.GitRepos.git;
import static dev.r58ctl.testsupport.GitRepos.write;

import dev.r58ctl.testsupport.GitRepos;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Unified diffs made by git in a scratch clone, the way an operator would make them. */
final class Patches {
    private Patches() {
    }

    /**
     * The migration as a real diff against {@code repo}'s HEAD: edits pipelines.py, config.yml and status.txt,
     * adds a file, deletes one and renames one. The repository is left as it was.
     */
    static Path migration(Path repo, Path out) {
        write(repo, "src/pipelines.py", GitRepos.pipelines("mpph265enc"));
        write(repo, "config.yml", "cameras:\n  cam0:\n    device: /dev/video0\n    codec: h265\n    bitrate: 8000\n");
        write(repo, "status.txt", "degraded\n");
        write(repo, "src/transport/rtp.py", "def push(cam, port):\n    return f\"rtph265pay ! udpsink port={port}\"\n");
        git(repo, "rm", "-q", "lib/mod05/file0005.py");
        git(repo, "mv", "lib/mod06/file0006.py", "lib/mod06/renamed0006.py");
        git(repo, "add", "-A");
        Path p = save(out, git(repo, "diff", "--cached", "-M", "HEAD"));
        git(repo, "reset", "-q", "--hard");
        return p;
    }

    /** A diff of one edit of {@code path}: {@code from} replaced by {@code to}. */
    static Path edit(Path repo, Path out, String path, String from, String to) {
        try {
            Path f = repo.resolve(path);
            Files.writeString(f, Files.readString(f).replace(from, to));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path p = save(out, git(repo, "diff"));
        git(repo, "checkout", "-q", "--", path);
        return p;
    }

    static Path save(Path out, String text) {
        try {
            Files.createDirectories(out.getParent());
            Files.writeString(out, text);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
