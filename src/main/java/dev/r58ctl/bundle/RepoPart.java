package dev.r58ctl.bundle;

import dev.r58ctl.R58Exception;
import dev.r58ctl.Json;
import dev.r58ctl.repo.RepoView;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.treewalk.CanonicalTreeParser;
import org.eclipse.jgit.treewalk.filter.PathFilterGroup;

/**
 * The recorder's checkout as a bundle holds it: the log with r58ctl's marks, the status, and the diff from HEAD to
 * the work tree of tracked files only, configuration files in it redacted. The diff is limited to the paths status names as changed, so untracked and
 * ignored files (recordings) are never read.
 */
final class RepoPart {
    private static final Set<String> CONFIG = Set.of("yml", "yaml", "json", "ini", "conf", "cfg", "env", "toml",
            "properties");
    /** What was read; {@code diff} is empty when the work tree is clean. */
    record Result(String log, String status, String diff, boolean diffCut) {
    }

    private RepoPart() {
    }

    /** Reads the checkout at {@code dir}; one-line R58Exception when it is missing or not a repository. */
    static Result read(Path dir, int commits, long maxDiffBytes) {
        try (RepoView view = RepoView.open(dir)) {
            StringBuilder log = new StringBuilder();
            for (RepoView.LogEntry e : view.log(commits)) {
                log.append(e.id()).append(' ').append(e.time()).append(' ').append(e.author())
                        .append(e.marks().isEmpty() ? "" : " (" + String.join(", ", e.marks()) + ")")
                        .append("  ").append(e.subject()).append('\n');
            }
            RepoView.Status status = view.status();
            byte[] diff = diff(view.repository(), status.changes().stream().map(RepoView.Change::path).toList());
            boolean cut = diff.length > maxDiffBytes;
            String text = new String(diff, 0, (int) Math.min(diff.length, maxDiffBytes), StandardCharsets.UTF_8);
            return new Result(log.toString(), Json.write(status), redactConfigFiles(text), cut);
        }
    }

    /** The diff with the added and removed lines of configuration files redacted, as the files themselves are. */
    static String redactConfigFiles(String diff) {
        StringBuilder out = new StringBuilder(diff.length());
        boolean config = false;
        for (String line : diff.split("\n", -1)) {
            if (line.startsWith("diff --git ")) {
                config = CONFIG.contains(StateFiles.extension(line.substring(line.lastIndexOf(' ') + 1)));
            } else if (config && (line.startsWith("+") || line.startsWith("-") || line.startsWith(" "))
                    && !line.startsWith("+++ ") && !line.startsWith("--- ")) {
                line = line.charAt(0) + Redactor.redact(line.substring(1));
            }
            out.append(line).append('\n');
        }
        return out.substring(0, out.length() - 1);
    }

    private static byte[] diff(Repository repo, List<String> paths) {
        if (paths.isEmpty()) {
            return new byte[0];
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Git git = new Git(repo); ObjectReader reader = repo.newObjectReader()) {
            CanonicalTreeParser head = new CanonicalTreeParser();
            ObjectId tree = repo.resolve("HEAD^{tree}");
            if (tree != null) {
                head.reset(reader, tree);
            }
            git.diff().setOldTree(head).setPathFilter(PathFilterGroup.createFromStrings(paths)).setOutputStream(out)
                    .call();
            return out.toByteArray();
        } catch (GitAPIException | IOException e) {
            throw R58Exception.failed(repo.getWorkTree() + ": cannot diff: " + e.getMessage());
        }
    }
}
