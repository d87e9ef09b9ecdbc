package dev.r58ctl.repo;

import dev.r58ctl.FreeSpace;
import dev.r58ctl.FreeSpace.Need;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevTree;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

/**
 * What a rollback writes and where, estimated from its plan before anything changes, for {@link FreeSpace}: its
 * journal in the state directory; in the checkout's .git the backup (refs, and the uncommitted files as objects)
 * and a new index; in the work tree the files the reset rewrites (those that differ between HEAD and the target,
 * and the uncommitted ones) and, for an undo, the saved work put back. Steps a finish has done already are not
 * counted. Sizes are read from the trees (no file is read whole), so this costs a diff of two commits.
 */
final class RollbackSpace {
    /** A journal is a plan line and two lines a step: a few KB. */
    private static final long JOURNAL = 64 << 10;
    /** Refs, reflogs, ORIG_HEAD and the backup's trees and commits. */
    private static final long REFS = 64 << 10;

    private RollbackSpace() {
    }

    static List<Need> of(Repository repo, RollbackPlan plan, RollbackJournal done, Path journalDir) throws IOException {
        Path git = repo.getDirectory().toPath();
        Path work = repo.getWorkTree().toPath();
        long gitBytes = 0;
        long workBytes = 0;
        if (todo(plan, done, "backup-head") || todo(plan, done, "backup-wip") || todo(plan, done, "reset")) {
            gitBytes += REFS;
        }
        if (todo(plan, done, "backup-wip")) {
            for (String change : plan.uncommitted()) {
                Path f = WorkTree.file(repo, change.substring(change.indexOf(": ") + 2));
                if (Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)) {
                    gitBytes += FreeSpace.blocks(Files.size(f));
                }
            }
        }
        long index = Files.exists(git.resolve("index")) ? FreeSpace.blocks(Files.size(git.resolve("index"))) : 0;
        try (RevWalk walk = new RevWalk(repo); ObjectReader reader = repo.newObjectReader()) {
            if (todo(plan, done, "reset")) {
                gitBytes += index; // written beside the old one, then renamed
                workBytes += reset(repo, walk, reader, plan);
            }
            if (todo(plan, done, "restore-wip")) {
                gitBytes += index;
                RevCommit wip = walk.parseCommit(ObjectId.fromString(plan.restoreWip()));
                walk.parseHeaders(wip.getParent(0));
                workBytes += changed(reader, wip.getParent(0).getTree(), wip.getTree(), new HashSet<>());
            }
        }
        List<Need> needs = new ArrayList<>();
        needs.add(new Need(journalDir, JOURNAL, "the rollback journal in " + journalDir));
        if (gitBytes > 0) {
            needs.add(new Need(git, gitBytes, "the backup in " + git));
        }
        if (workBytes > 0) {
            needs.add(new Need(work, workBytes, "the files the reset writes in " + work));
        }
        return needs;
    }

    private static boolean todo(RollbackPlan plan, RollbackJournal done, String step) {
        return plan.steps().contains(step) && (done == null || !done.isDone(step));
    }

    /** The target's version of every file that differs from HEAD, and of every uncommitted one. */
    private static long reset(Repository repo, RevWalk walk, ObjectReader reader, RollbackPlan plan)
            throws IOException {
        RevTree from = walk.parseCommit(ObjectId.fromString(plan.from())).getTree();
        RevTree to = walk.parseCommit(ObjectId.fromString(plan.to())).getTree();
        Set<String> seen = new HashSet<>();
        long bytes = changed(reader, from, to, seen);
        for (String change : plan.uncommitted()) {
            String path = change.substring(change.indexOf(": ") + 2);
            if (seen.add(path)) {
                try (TreeWalk tw = TreeWalk.forPath(repo, path, to)) {
                    if (tw != null && tw.getFileMode(0) != FileMode.GITLINK) {
                        bytes += FreeSpace.blocks(reader.getObjectSize(tw.getObjectId(0), Constants.OBJ_BLOB));
                    }
                }
            }
        }
        return bytes;
    }

    /** The sizes of {@code after}'s blobs where it differs from {@code before} (a removed file costs nothing). */
    private static long changed(ObjectReader reader, RevTree before, RevTree after, Set<String> seen)
            throws IOException {
        long bytes = 0;
        try (TreeWalk tw = new TreeWalk(reader)) {
            tw.addTree(before);
            tw.addTree(after);
            tw.setRecursive(true);
            tw.setFilter(TreeFilter.ANY_DIFF);
            while (tw.next()) {
                seen.add(tw.getPathString());
                if (tw.getRawMode(1) != 0 && tw.getFileMode(1) != FileMode.GITLINK) {
                    bytes += FreeSpace.blocks(reader.getObjectSize(tw.getObjectId(1), Constants.OBJ_BLOB));
                }
            }
        }
        return bytes;
    }
}
