package dev.r58ctl.repo;

import dev.r58ctl.R58Exception;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.dircache.DirCacheIterator;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.IndexDiff;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.FileTreeIterator;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

/**
 * Uncommitted work (index and tracked files) kept as commits shaped like {@code git stash}'s, so
 * {@code git stash apply REF} works by hand too. Saving reads the work tree and changes nothing in it; untracked
 * and ignored files are neither saved nor touched.
 */
final class WorkSnapshot {
    private WorkSnapshot() {
    }

    /** The uncommitted changes as {@code state: path}, path order; conflicts are refused. */
    static List<String> changes(Repository repo, ObjectId head) throws IOException {
        IndexDiff d = diff(repo, head);
        // a path can be both staged and modified again: one line for each
        List<String[]> out = new ArrayList<>();
        d.getAdded().forEach(p -> out.add(new String[] {p, "staged-added"}));
        d.getChanged().forEach(p -> out.add(new String[] {p, "staged"}));
        d.getRemoved().forEach(p -> out.add(new String[] {p, "staged-removed"}));
        d.getModified().forEach(p -> out.add(new String[] {p, "modified"}));
        d.getMissing().forEach(p -> out.add(new String[] {p, "missing"}));
        out.sort(java.util.Comparator.comparing((String[] a) -> a[0]));
        return out.stream().map(a -> a[1] + ": " + a[0]).toList();
    }

    private static IndexDiff diff(Repository repo, ObjectId head) throws IOException {
        IndexDiff d = new IndexDiff(repo, head, new FileTreeIterator(repo));
        d.diff();
        if (!d.getConflicting().isEmpty()) {
            throw R58Exception.failed(repo.getWorkTree() + ": unresolved merge conflicts in "
                    + String.join(", ", new TreeSet<>(d.getConflicting())) + ": resolve them first");
        }
        return d;
    }

    /** Saves the uncommitted work on top of {@code head}; null when there is none. */
    static ObjectId save(Repository repo, ObjectId head, String message) throws IOException {
        IndexDiff d = diff(repo, head);
        if (d.getAdded().isEmpty() && d.getChanged().isEmpty() && d.getRemoved().isEmpty()
                && d.getModified().isEmpty() && d.getMissing().isEmpty()) {
            return null;
        }
        DirCache index = repo.readDirCache();
        try (ObjectInserter ins = repo.newObjectInserter()) {
            ObjectId indexTree = index.writeTree(ins);
            DirCache work = DirCache.newInCore();
            DirCacheBuilder b = work.builder();
            for (int i = 0; i < index.getEntryCount(); i++) {
                DirCacheEntry e = index.getEntry(i);
                String p = e.getPathString();
                if (d.getMissing().contains(p)) {
                    continue;
                }
                if (!d.getModified().contains(p)) {
                    b.add(e);
                    continue;
                }
                Path f = WorkTree.file(repo, p);
                DirCacheEntry n = new DirCacheEntry(p);
                if (Files.isSymbolicLink(f)) {
                    n.setFileMode(FileMode.SYMLINK);
                    n.setObjectId(ins.insert(Constants.OBJ_BLOB,
                            Files.readSymbolicLink(f).toString().getBytes(StandardCharsets.UTF_8)));
                } else {
                    n.setFileMode(Files.isExecutable(f) ? FileMode.EXECUTABLE_FILE : FileMode.REGULAR_FILE);
                    n.setObjectId(ins.insert(Constants.OBJ_BLOB, Files.readAllBytes(f)));
                }
                b.add(n);
            }
            b.finish();
            ObjectId workTree = work.writeTree(ins);
            PersonIdent me = new PersonIdent(repo);
            ObjectId indexCommit = ins.insert(commit(indexTree, me, "index on " + message, head));
            ObjectId wip = ins.insert(commit(workTree, me, message, head, indexCommit));
            ins.flush();
            return wip;
        }
    }

    private static CommitBuilder commit(ObjectId tree, PersonIdent who, String message, ObjectId... parents) {
        CommitBuilder c = new CommitBuilder();
        c.setTreeId(tree);
        c.setParentIds(parents);
        c.setAuthor(who);
        c.setCommitter(who);
        c.setMessage(message + "\n");
        return c;
    }

    /**
     * Puts saved work back onto a clean checkout of the commit it was saved on: files as they were, index as it
     * was. Running it again gives the same result, so an interrupted restore can simply be repeated.
     */
    static int restore(Repository repo, ObjectId wipId) throws IOException {
        try (RevWalk walk = new RevWalk(repo)) {
            RevCommit wip = walk.parseCommit(wipId);
            RevCommit base = walk.parseCommit(wip.getParent(0));
            RevCommit staged = walk.parseCommit(wip.getParent(1));
            if (!base.equals(repo.resolve(Constants.HEAD))) {
                throw R58Exception.failed("the saved work " + wipId.abbreviate(7).name() + " belongs on "
                        + base.abbreviate(7).name() + ", but HEAD is elsewhere");
            }
            Map<String, DirCacheEntry> index = new LinkedHashMap<>();
            List<String> gone = new ArrayList<>();
            int count = 0;
            try (TreeWalk tw = new TreeWalk(repo)) {
                tw.addTree(base.getTree());
                tw.addTree(wip.getTree());
                tw.addTree(staged.getTree());
                tw.setRecursive(true);
                tw.setFilter(TreeFilter.ANY_DIFF);
                while (tw.next()) {
                    String p = tw.getPathString();
                    count++;
                    if (!same(tw, 0, 1)) {
                        if (tw.getRawMode(1) == 0) {
                            gone.add(p);
                        } else {
                            WorkTree.write(repo, p, tw.getObjectId(1), tw.getFileMode(1));
                        }
                    }
                    if (!same(tw, 0, 2)) {
                        index.put(p, tw.getRawMode(2) == 0 ? null
                                : WorkTree.entry(repo, p, tw.getObjectId(2), tw.getFileMode(2), same(tw, 1, 2)));
                    }
                }
            }
            for (String p : gone) {
                WorkTree.delete(repo, p);
            }
            WorkTree.updateIndex(repo, index);
            return count;
        }
    }

    private static boolean same(TreeWalk tw, int a, int b) {
        return tw.getRawMode(a) == tw.getRawMode(b) && tw.idEqual(a, b);
    }

    /**
     * Untracked files (ignored ones included) that writing these trees would overwrite: a path of a tree that is
     * not in the index but exists on disk, or an untracked file where a tree needs a directory.
     */
    static List<String> inTheWay(Repository repo, List<ObjectId> trees) throws IOException {
        DirCache index = repo.readDirCache();
        Path root = repo.getWorkTree().toPath().toAbsolutePath().normalize();
        Set<String> out = new TreeSet<>();
        for (ObjectId tree : trees) {
            try (TreeWalk tw = new TreeWalk(repo)) {
                tw.addTree(tree);
                tw.addTree(new DirCacheIterator(index));
                tw.setRecursive(true);
                while (tw.next()) {
                    if (tw.getRawMode(0) == 0 || tw.getRawMode(1) != 0) {
                        continue; // tracked now: it is in the backup, and may be replaced
                    }
                    Path f = WorkTree.file(repo, tw.getPathString());
                    if (Files.exists(f, LinkOption.NOFOLLOW_LINKS)) {
                        out.add(tw.getPathString());
                        continue;
                    }
                    for (Path a = f.getParent(); a != null && !a.equals(root); a = a.getParent()) {
                        String rel = root.relativize(a).toString();
                        if (Files.exists(a, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(a, LinkOption.NOFOLLOW_LINKS)
                                && index.findEntry(rel) < 0) {
                            out.add(rel);
                            break;
                        }
                    }
                }
            }
        }
        return List.copyOf(out);
    }
}
