package dev.r58ctl.repo;

import dev.r58ctl.DiskFull;
import dev.r58ctl.FreeSpace;
import dev.r58ctl.R58Exception;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevTree;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies a patch all or nothing. It is first applied in memory (see {@link PatchCheck}); only a patch that
 * applies completely reaches the work tree, file by file through temporary files, then the index, then (with a
 * commit message) a commit of exactly HEAD plus the patch. If any of that fails, every touched file and index
 * entry is put back as HEAD has it, which is what they were, since touched files must have had no uncommitted
 * changes.
 */
public final class ApplyPatch {
    private static final Logger LOG = LoggerFactory.getLogger(ApplyPatch.class);

    /** What was done: the check's report, the paths written, and the new commit when one was asked for. */
    public record Result(PatchReport report, List<String> paths, String commit) {
    }

    private final RepoView view;
    private Path file;
    private String message;
    private Progress progress = Progress.NONE;
    private java.util.function.Supplier<java.util.Collection<Path>> recordings = List::of;

    public ApplyPatch(RepoView view) {
        this.view = view;
    }

    public ApplyPatch file(Path patchFile) {
        this.file = patchFile;
        return this;
    }

    /** Commits the result with this message; null (the default) leaves the change uncommitted. */
    public ApplyPatch commit(String commitMessage) {
        if (commitMessage != null && commitMessage.isBlank()) {
            throw R58Exception.badInput("--commit needs a message");
        }
        this.message = commitMessage;
        return this;
    }

    /** Where the cameras record, named should the checkout's disk be too full (see {@link FreeSpace}). */
    public ApplyPatch recordings(java.util.function.Supplier<java.util.Collection<Path>> dirs) {
        this.recordings = dirs;
        return this;
    }

    public ApplyPatch progress(Progress listener) {
        this.progress = listener;
        return this;
    }

    /** Applies the patch, or throws {@link R58Exception} with nothing changed. */
    public Result call() {
        Repository repo = view.repository();
        try (ObjectInserter inserter = repo.newObjectInserter(); RevWalk walk = new RevWalk(repo)) {
            long t0 = System.nanoTime();
            progress.begin("check", file.toString());
            PatchCheck.Outcome check = new PatchCheck(view).file(file).run(inserter);
            PatchReport report = check.report();
            if (!report.applies()) {
                throw R58Exception.failed(file + ": " + report.failure().line() + "; nothing was changed");
            }
            RevTree after = walk.parseTree(check.tree());
            FreeSpace.require("the patch", List.of(new FreeSpace.Need(view.dir(), bytes(repo, check.paths(), after),
                    "the patched files and index of " + view.dir())), recordings);
            ObjectId commit = null;
            if (message != null) {
                commit = inserter.insert(commitOf(repo, check.tree(), check.head()));
            }
            inserter.flush();
            progress.done("check", report.files().size() + " files, " + report.hunks() + " hunks apply", ms(t0));
            RevTree before = walk.parseCommit(check.head()).getTree();
            long t1 = System.nanoTime();
            progress.begin("write", check.paths().size() + " files");
            try {
                write(repo, check.paths(), after);
                if (commit != null) {
                    moveHead(repo, check.head(), commit);
                }
            } catch (IOException | RuntimeException e) {
                LOG.error("applying {} failed; restoring the touched files from HEAD", file, e);
                boolean restored = restore(repo, check.paths(), before);
                String why = DiskFull.is(e, view.dir()) ? DiskFull.line(view.dir())
                        : file + ": could not write the result (" + e.getMessage() + ")";
                throw R58Exception.failed(why + (restored ? "; the touched files were put back as they were"
                        : "; putting the touched files back failed too: check `git status` in " + view.dir()));
            }
            progress.done("write", String.join(", ", check.paths()), ms(t1));
            LOG.info("applied {} to {}: {}{}", file, view.dir(), check.paths(), commit == null ? "" : " as " + commit.name());
            return new Result(report, check.paths(), commit == null ? null : commit.name());
        } catch (IOException e) {
            String why = DiskFull.is(e, view.dir()) ? DiskFull.line(view.dir()) : file + ": " + e.getMessage();
            throw R58Exception.failed(why + "; nothing was changed");
        }
    }

    /** What writing {@code paths} as {@code tree} has them takes: their new contents and a new index beside the old. */
    private static long bytes(Repository repo, List<String> paths, RevTree tree) throws IOException {
        Path index = repo.getDirectory().toPath().resolve("index");
        long bytes = java.nio.file.Files.exists(index) ? FreeSpace.blocks(java.nio.file.Files.size(index)) : 0;
        try (org.eclipse.jgit.lib.ObjectReader reader = repo.newObjectReader()) {
            for (String path : paths) {
                try (TreeWalk tw = TreeWalk.forPath(repo, path, tree)) {
                    if (tw != null) {
                        bytes += FreeSpace.blocks(reader.getObjectSize(tw.getObjectId(0),
                                org.eclipse.jgit.lib.Constants.OBJ_BLOB));
                    }
                }
            }
        }
        return bytes;
    }

    private CommitBuilder commitOf(Repository repo, ObjectId tree, ObjectId parent) {
        PersonIdent me = new PersonIdent(repo);
        CommitBuilder c = new CommitBuilder();
        c.setTreeId(tree);
        c.setParentId(parent);
        c.setAuthor(me);
        c.setCommitter(me);
        c.setMessage(message.endsWith("\n") ? message : message + "\n");
        return c;
    }

    private void moveHead(Repository repo, ObjectId head, ObjectId commit) throws IOException {
        RefUpdate u = repo.updateRef("HEAD");
        u.setExpectedOldObjectId(head);
        u.setNewObjectId(commit);
        u.setRefLogMessage("commit (r58ctl patch apply): " + message.lines().findFirst().orElse(""), false);
        RefUpdate.Result r = u.update();
        if (r != RefUpdate.Result.FAST_FORWARD && r != RefUpdate.Result.NEW && r != RefUpdate.Result.FORCED) {
            throw new IOException("cannot move HEAD to the new commit: " + r);
        }
    }

    /** Makes files and index entries of {@code paths} what {@code tree} has (removed when it has not). */
    static void write(Repository repo, List<String> paths, RevTree tree) throws IOException {
        Map<String, DirCacheEntry> index = new LinkedHashMap<>();
        List<String> gone = new ArrayList<>();
        for (String path : paths) {
            TreeWalk tw = TreeWalk.forPath(repo, path, tree);
            if (tw == null) {
                gone.add(path);
                index.put(path, null);
                continue;
            }
            FileMode mode = tw.getFileMode(0);
            ObjectId blob = tw.getObjectId(0);
            WorkTree.write(repo, path, blob, mode);
            index.put(path, WorkTree.entry(repo, path, blob, mode, true));
        }
        for (String path : gone) {
            WorkTree.delete(repo, path);
        }
        WorkTree.updateIndex(repo, index);
    }

    private static boolean restore(Repository repo, List<String> paths, RevTree head) {
        try {
            write(repo, paths, head);
            return true;
        } catch (IOException | RuntimeException e) {
            LOG.error("restoring {} from HEAD failed too", paths, e);
            return false;
        }
    }

    private static long ms(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }
}
