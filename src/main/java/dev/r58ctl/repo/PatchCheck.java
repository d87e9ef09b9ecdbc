package dev.r58ctl.repo;

import dev.r58ctl.R58Exception;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.StatusCommand;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.DiffEntry.ChangeType;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.patch.FileHeader;
import org.eclipse.jgit.patch.HunkHeader;
import org.eclipse.jgit.patch.PatchApplier;
import org.eclipse.jgit.revwalk.RevTree;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * Answers "does this patch apply to the current tree?" without changing anything: not the work tree, not the
 * index, not even the object database. The patch is applied in memory to HEAD's tree, which equals the work tree
 * for every file it touches, because a touched file with uncommitted changes is itself a reason not to apply.
 */
public final class PatchCheck {
    /** The report plus, when it applies, the tree HEAD would have with the patch. */
    record Outcome(PatchReport report, PatchFile patch, ObjectId head, ObjectId tree, List<String> paths) {
    }

    private final RepoView view;
    private Path file;

    public PatchCheck(RepoView view) {
        this.view = view;
    }

    public PatchCheck file(Path patchFile) {
        this.file = patchFile;
        return this;
    }

    /** Checks the patch; a file that is not an acceptable patch at all is a bad-input {@link R58Exception}. */
    public PatchReport call() {
        return run(idsOnly(view.repository())).report();
    }

    /** An inserter that computes ids only: a check leaves no objects behind. */
    private static ObjectInserter idsOnly(Repository repo) {
        return new ObjectInserter.Formatter() {
            @Override
            public ObjectId insert(int type, long length, java.io.InputStream in) throws IOException {
                return idFor(type, length, in);
            }

            @Override
            public ObjectReader newReader() {
                return repo.newObjectReader();
            }
        };
    }

    /**
     * Whether HEAD is exactly this patch committed on HEAD's parent (the parent's tree with the patch applied in
     * memory is HEAD's tree): null when it is, else how it differs ("it also changes status.txt"). A commit with the
     * migration's message made some other way (by hand, from a description of the change) is not the patch.
     */
    public String headDiffers() {
        if (file == null) {
            throw new IllegalStateException("no patch file set");
        }
        PatchFile patch = PatchFile.read(file);
        Repository repo = view.repository();
        try (RevWalk walk = new RevWalk(repo)) {
            ObjectId head = repo.resolve(Constants.HEAD + "^{commit}");
            if (head == null) {
                return "the repository has no commit";
            }
            org.eclipse.jgit.revwalk.RevCommit commit = walk.parseCommit(head);
            if (commit.getParentCount() == 0) {
                return "HEAD has no parent to apply the patch to";
            }
            RevTree parent = walk.parseCommit(commit.getParent(0)).getTree();
            PatchApplier.Result result = new PatchApplier(repo, parent, idsOnly(repo)).applyPatch(patch.patch);
            if (result.getErrors().isEmpty() && commit.getTree().equals(result.getTreeId())) {
                return null;
            }
            Set<String> patched = new LinkedHashSet<>();
            patch.changes().forEach(c -> patched.add(c.path()));
            Set<String> changed = new LinkedHashSet<>();
            try (TreeWalk tw = new TreeWalk(repo)) {
                tw.addTree(parent);
                tw.addTree(commit.getTree());
                tw.setRecursive(true);
                tw.setFilter(org.eclipse.jgit.treewalk.filter.TreeFilter.ANY_DIFF);
                while (tw.next()) {
                    changed.add(tw.getPathString());
                }
            }
            Set<String> extra = new LinkedHashSet<>(changed);
            extra.removeAll(patched);
            Set<String> missing = new LinkedHashSet<>(patched);
            missing.removeAll(changed);
            return !extra.isEmpty() ? "it also changes " + String.join(", ", extra)
                    : !missing.isEmpty() ? "it leaves out " + String.join(", ", missing)
                    : "its changes to " + String.join(", ", patched) + " differ from the patch's";
        } catch (IOException e) {
            throw R58Exception.failed(view.dir() + ": cannot compare HEAD with " + file + ": " + e.getMessage());
        }
    }

    Outcome run(ObjectInserter inserter) {
        if (file == null) {
            throw new IllegalStateException("no patch file set");
        }
        PatchFile patch = PatchFile.read(file);
        List<PatchReport.FileChange> changes = patch.changes();
        Repository repo = view.repository();
        try (RevWalk walk = new RevWalk(repo)) {
            ObjectId head = repo.resolve(Constants.HEAD + "^{commit}");
            if (head == null) {
                throw R58Exception.badInput(view.dir() + ": the repository has no commit to patch");
            }
            RevTree tree = walk.parseCommit(head).getTree();
            PatchReport.Failure failure = preconditions(patch, tree);
            if (failure != null) {
                return new Outcome(report(changes, failure), patch, head, null, List.of());
            }
            PatchApplier.Result result = new PatchApplier(repo, tree, inserter).applyPatch(patch.patch);
            if (!result.getErrors().isEmpty()) {
                return new Outcome(report(changes, failure(patch, result.getErrors().get(0).toString())), patch,
                        head, null, List.of());
            }
            return new Outcome(report(changes, null), patch, head, result.getTreeId(), result.getPaths());
        } catch (IOException e) {
            if (dev.r58ctl.DiskFull.is(e)) { // the patched files go into .git as objects first
                throw R58Exception.failed(dev.r58ctl.DiskFull.line(repo.getDirectory().toPath())
                        + "; nothing was changed");
            }
            throw R58Exception.failed(view.dir() + ": cannot check " + file + ": " + e.getMessage());
        }
    }

    private PatchReport report(List<PatchReport.FileChange> changes, PatchReport.Failure failure) {
        return new PatchReport(file, failure == null, changes,
                changes.stream().mapToInt(PatchReport.FileChange::hunks).sum(),
                changes.stream().mapToInt(PatchReport.FileChange::added).sum(),
                changes.stream().mapToInt(PatchReport.FileChange::removed).sum(), failure);
    }

    /** What must hold before the patch is even tried; the first violation, or null. */
    private PatchReport.Failure preconditions(PatchFile patch, RevTree tree) throws IOException {
        Repository repo = view.repository();
        Set<String> touched = new LinkedHashSet<>();
        for (FileHeader fh : patch.patch.getFiles()) {
            for (String p : new String[] {fh.getOldPath(), fh.getNewPath()}) {
                if (p != null && !p.equals(DiffEntry.DEV_NULL)) {
                    touched.add(p);
                    WorkTree.checkInside(repo, p);
                }
            }
        }
        List<String> dirty = dirty(touched);
        for (FileHeader fh : patch.patch.getFiles()) {
            String path = PatchFile.path(fh);
            int line = PatchFile.lineAt(patch.bytes, fh.getStartOffset());
            ChangeType type = fh.getChangeType();
            for (String p : new String[] {fh.getOldPath(), fh.getNewPath()}) {
                if (dirty.contains(p)) {
                    return new PatchReport.Failure(p, 0, fh.getHunks().size(), "", line,
                            "has uncommitted changes: commit, stash or revert them first");
                }
            }
            if (type != ChangeType.ADD) {
                TreeWalk old = TreeWalk.forPath(repo, fh.getOldPath(), tree);
                if (old == null) {
                    return new PatchReport.Failure(fh.getOldPath(), 0, 0, "", line, "is not in the repository");
                }
                if (old.getFileMode(0) == FileMode.SYMLINK || old.getFileMode(0) == FileMode.GITLINK) {
                    return new PatchReport.Failure(fh.getOldPath(), 0, 0, "", line,
                            "is a symbolic link or submodule, which r58ctl does not patch");
                }
                if (type == ChangeType.DELETE && fh.getOldId() != null && !sameBlob(fh.getOldId(), old.getObjectId(0))) {
                    // in memory JGit deletes without comparing, so the content check is ours
                    return new PatchReport.Failure(path, 0, 0, "", line, "differs from the file the patch deletes");
                }
            }
            if (type == ChangeType.ADD || type == ChangeType.RENAME || type == ChangeType.COPY) {
                if (TreeWalk.forPath(repo, fh.getNewPath(), tree) != null) {
                    return new PatchReport.Failure(fh.getNewPath(), 0, 0, "", line, "already exists");
                }
                if (Files.exists(WorkTree.file(repo, fh.getNewPath()), LinkOption.NOFOLLOW_LINKS)) {
                    return new PatchReport.Failure(fh.getNewPath(), 0, 0, "", line,
                            "an untracked file is in the way");
                }
            }
        }
        return null;
    }

    /** The touched paths with staged, unstaged or conflicting changes, or untracked where the patch writes. */
    private List<String> dirty(Set<String> touched) throws IOException {
        try {
            StatusCommand status = new Git(view.repository()).status();
            touched.forEach(status::addPath);
            org.eclipse.jgit.api.Status s = status.call();
            List<String> out = new ArrayList<>();
            out.addAll(s.getUncommittedChanges());
            out.addAll(s.getConflicting());
            out.retainAll(touched);
            return out;
        } catch (GitAPIException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    private static boolean sameBlob(org.eclipse.jgit.lib.AbbreviatedObjectId want, ObjectId have) {
        return want.isComplete() ? want.toObjectId().equals(have) : want.prefixCompare(have) == 0;
    }

    /** Turns JGit's error text ("... in PATH, hunk HunkHeader[a,b->c,d]: reason") into file, hunk and line. */
    private static PatchReport.Failure failure(PatchFile patch, String error) {
        for (FileHeader fh : patch.patch.getFiles()) {
            int at = -1;
            for (String p : new String[] {fh.getOldPath(), fh.getNewPath()}) {
                for (String end : new String[] {", ", ": "}) {
                    at = at >= 0 ? at : error.indexOf("in " + p + end);
                }
            }
            if (at < 0) {
                continue;
            }
            List<? extends HunkHeader> hunks = fh.getHunks();
            int colon = error.indexOf("]: ", at);
            colon = colon >= 0 ? colon + 1 : error.indexOf(": ", at);
            String reason = colon >= 0 ? error.substring(colon + 2).strip() : error;
            for (int i = 0; i < hunks.size(); i++) {
                if (error.contains(hunks.get(i).toString())) {
                    HunkHeader h = hunks.get(i);
                    String header = new String(h.getBuffer(), h.getStartOffset(),
                            Math.max(0, nextLf(h.getBuffer(), h.getStartOffset()) - h.getStartOffset()),
                            java.nio.charset.StandardCharsets.UTF_8).strip();
                    return new PatchReport.Failure(PatchFile.path(fh), i + 1, hunks.size(), header,
                            PatchFile.lineAt(patch.bytes, h.getStartOffset()),
                            reason.equals("Hunk cannot be applied") ? "does not match the file" : reason);
                }
            }
            return new PatchReport.Failure(PatchFile.path(fh), 0, hunks.size(), "",
                    PatchFile.lineAt(patch.bytes, fh.getStartOffset()), reason);
        }
        return new PatchReport.Failure(String.valueOf(patch.file.getFileName()), 0, 0, "", 0, error);
    }

    private static int nextLf(byte[] b, int from) {
        int i = from;
        while (i < b.length && b[i] != '\n') {
            i++;
        }
        return i;
    }
}
