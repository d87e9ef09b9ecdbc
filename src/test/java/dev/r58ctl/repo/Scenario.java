package dev.r58ctl.repo;

import static dev.r58ctl.testsupport.GitRepos.git;
import static dev.r58ctl.testsupport.GitRepos.write;

import dev.r58ctl.testsupport.GitRepos;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The seed's incident as a repository: the known-good commit A (marked), then B "Migrate to H.265 hardware
 * encoding" applied from a real diff, then an operator's uncommitted work of every kind, untracked notes and an
 * ignored recording.
 */
public final class Scenario {
    public final Path repo;
    public final String good;
    public final String migrated;

    private Scenario(Path repo, String good, String migrated) {
        this.repo = repo;
        this.good = good;
        this.migrated = migrated;
    }

    /** A clone at {@code dir} with A marked good and B committed on top; the work tree is clean. */
    public static Scenario create(Path dir, Path patchDir) {
        Path repo = GitRepos.cloneTo(dir);
        String good = GitRepos.head(repo);
        try (RepoView view = RepoView.open(repo)) {
            new KnownGood(view).mark("HEAD");
            Path patch = Patches.migration(repo, patchDir.resolve("migration.patch"));
            new ApplyPatch(view).file(patch).commit("Migrate to H.265 hardware encoding").call();
        }
        return new Scenario(repo, good, GitRepos.head(repo));
    }

    /** Uncommitted work of every kind, plus untracked and ignored files that must never be touched. */
    public Scenario dirty() {
        try {
            write(repo, "src/mixer/core.py", "def mix(inputs):\n    return list(inputs)  # hotfix during incident\n");
            write(repo, "config.yml", "cameras: {cam0: {codec: h265}}\n");
            git(repo, "add", "config.yml");
            write(repo, "config.yml", "cameras: {cam0: {codec: h265, bitrate: 6000}}\n");
            write(repo, "notes/incident.md", "# incident\nkernel oops at 14:53\n");
            git(repo, "add", "notes/incident.md");
            Files.delete(repo.resolve("lib/mod01/file0001.py"));
            git(repo, "rm", "-q", "lib/mod02/file0002.py");
            write(repo, "scratch.txt", "untracked notes\n");
            write(repo, "src/transport/local-notes.txt", "untracked, in a directory only B has\n");
            write(repo, "recordings/cam0/recording_20251219_145301.mkv", "not really video, but precious\n");
            return this;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
