package dev.r58ctl.repo;

import dev.r58ctl.R58Exception;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.errors.RevisionSyntaxException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevSort;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * A read-only view of the recorder's checkout: status and history with r58ctl's own marks beside the commits.
 * Opening fails with one line when the directory is not a git work tree; nothing here changes the repository.
 */
public final class RepoView implements AutoCloseable {
    /** Known-good marks are tags under this namespace, so that they travel with {@code git push --tags}. */
    public static final String GOOD_PREFIX = Constants.R_TAGS + "r58ctl/good/";
    /** Backups made by rollbacks live outside refs/heads and refs/tags, where no everyday git command moves them. */
    public static final String BACKUP_PREFIX = "refs/r58ctl/backup/";

    /** One uncommitted change; state is staged-added, staged, staged-removed, modified, missing or conflicting. */
    public record Change(String path, String state) {
    }

    /** Branch (null when detached), HEAD, uncommitted changes and how many untracked files there are. */
    public record Status(Path repo, String branch, String head, String headSubject, boolean clean,
                         List<Change> changes, int untracked, List<String> untrackedSample) {
    }

    /** One commit of {@code repo log}, with what points at it: HEAD, branches, good marks, backups. */
    public record LogEntry(String id, String shortId, String subject, String author, Instant time,
                           List<String> marks) {
    }

    private final Repository repo;
    private final Path dir;

    private RepoView(Repository repo, Path dir) {
        this.repo = repo;
        this.dir = dir;
    }

    /** Opens the work tree at {@code dir} itself; a parent directory's repository is never used instead. */
    public static RepoView open(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw R58Exception.badInput(dir + ": no such directory (recorder.repo)");
        }
        if (!Files.exists(dir.resolve(Constants.DOT_GIT))) {
            throw R58Exception.badInput(dir + ": not a git work tree (no .git; recorder.repo)");
        }
        try {
            Repository r = new FileRepositoryBuilder().setWorkTree(dir.toFile()).setMustExist(true).build();
            return new RepoView(r, dir);
        } catch (IOException | IllegalArgumentException e) {
            throw R58Exception.badInput(dir + ": cannot open the repository: " + e.getMessage());
        }
    }

    public Repository repository() {
        return repo;
    }

    public Path dir() {
        return dir;
    }

    /** The commit {@code rev} names, or a bad-input error naming the revision. */
    public ObjectId resolve(String rev) {
        try {
            ObjectId id = repo.resolve(rev + "^{commit}");
            if (id == null) {
                throw R58Exception.badInput("unknown revision \"" + rev + "\" in " + dir);
            }
            return id;
        } catch (RevisionSyntaxException | IOException e) {
            throw R58Exception.badInput("not a revision: \"" + rev + "\" (" + e.getMessage() + ")");
        }
    }

    public Status status() {
        try {
            org.eclipse.jgit.api.Status s = new Git(repo).status().call();
            List<Change> changes = new ArrayList<>();
            s.getAdded().forEach(p -> changes.add(new Change(p, "staged-added")));
            s.getChanged().forEach(p -> changes.add(new Change(p, "staged")));
            s.getRemoved().forEach(p -> changes.add(new Change(p, "staged-removed")));
            s.getModified().forEach(p -> changes.add(new Change(p, "modified")));
            s.getMissing().forEach(p -> changes.add(new Change(p, "missing")));
            s.getConflicting().forEach(p -> changes.add(new Change(p, "conflicting")));
            changes.sort(java.util.Comparator.comparing(Change::path));
            List<String> untracked = s.getUntracked().stream().sorted().toList();
            ObjectId head = repo.resolve(Constants.HEAD);
            String subject = head == null ? null : commit(head).getShortMessage();
            return new Status(dir, branch(), head == null ? null : head.name(), subject, changes.isEmpty(),
                    List.copyOf(changes), untracked.size(), untracked.subList(0, Math.min(20, untracked.size())));
        } catch (GitAPIException | IOException e) {
            throw R58Exception.failed(dir + ": cannot read status: " + e.getMessage());
        }
    }

    /** The branch HEAD is on, or null when HEAD is detached. */
    public String branch() throws IOException {
        Ref head = repo.exactRef(Constants.HEAD);
        return head != null && head.isSymbolic() ? Repository.shortenRefName(head.getTarget().getName()) : null;
    }

    /**
     * The newest {@code max} commits reachable from HEAD, the branches, the good marks and the backups (a rolled-back
     * commit is no longer reachable from HEAD, yet is what an operator looks for), newest first.
     */
    public List<LogEntry> log(int max) {
        try (RevWalk walk = new RevWalk(repo)) {
            Map<ObjectId, List<String>> marks = marks();
            ObjectId head = repo.resolve(Constants.HEAD);
            if (head == null) {
                return List.of();
            }
            walk.markStart(walk.parseCommit(head));
            for (Ref ref : repo.getRefDatabase().getRefs()) {
                String n = ref.getName();
                boolean wanted = n.startsWith(Constants.R_HEADS) || n.startsWith(GOOD_PREFIX)
                        || (n.startsWith(BACKUP_PREFIX) && n.endsWith("/head"));
                ObjectId id = repo.getRefDatabase().peel(ref).getPeeledObjectId();
                id = id != null ? id : ref.getObjectId();
                if (wanted && id != null && walk.parseAny(id) instanceof RevCommit c) {
                    walk.markStart(c);
                }
            }
            // newest first like git log; topological order decides between commits made in the same second
            walk.sort(RevSort.TOPO);
            walk.sort(RevSort.COMMIT_TIME_DESC, true);
            List<LogEntry> out = new ArrayList<>();
            for (RevCommit c : walk) {
                if (out.size() >= max) {
                    break;
                }
                out.add(new LogEntry(c.name(), c.abbreviate(7).name(), c.getShortMessage(),
                        c.getAuthorIdent().getName(), Instant.ofEpochSecond(c.getCommitTime()),
                        marks.getOrDefault(c.getId(), List.of())));
            }
            return out;
        } catch (IOException e) {
            throw R58Exception.failed(dir + ": cannot read the history: " + e.getMessage());
        }
    }

    /** What points at each commit, in the words {@code repo log} prints. */
    private Map<ObjectId, List<String>> marks() throws IOException {
        Map<ObjectId, List<String>> out = new TreeMap<>();
        String branch = branch();
        ObjectId head = repo.resolve(Constants.HEAD);
        if (head != null) {
            add(out, head, branch == null ? "HEAD" : "HEAD -> " + branch);
        }
        for (Ref ref : repo.getRefDatabase().getRefs()) {
            String n = ref.getName();
            ObjectId peeled = repo.getRefDatabase().peel(ref).getPeeledObjectId();
            ObjectId id = peeled != null ? peeled : ref.getObjectId();
            if (id == null) {
                continue;
            }
            if (n.startsWith(GOOD_PREFIX)) {
                add(out, id, "good " + n.substring(GOOD_PREFIX.length()));
            } else if (n.startsWith(BACKUP_PREFIX) && n.endsWith("/head")) {
                String backup = n.substring(BACKUP_PREFIX.length(), n.length() - "/head".length());
                boolean wip = repo.exactRef(BACKUP_PREFIX + backup + "/wip") != null;
                add(out, id, "backup " + backup + (wip ? " +uncommitted" : ""));
            } else if (n.startsWith(Constants.R_HEADS) && !Repository.shortenRefName(n).equals(branch)) {
                add(out, id, Repository.shortenRefName(n));
            } else if (n.startsWith(Constants.R_REMOTES) && !ref.isSymbolic()) {
                add(out, id, Repository.shortenRefName(n));
            } else if (n.startsWith(Constants.R_TAGS)) {
                add(out, id, "tag " + Repository.shortenRefName(n));
            }
        }
        return out;
    }

    private static void add(Map<ObjectId, List<String>> marks, ObjectId id, String mark) {
        marks.computeIfAbsent(id.copy(), k -> new ArrayList<>()).add(mark);
    }

    RevCommit commit(ObjectId id) throws IOException {
        try (RevWalk walk = new RevWalk(repo)) {
            return walk.parseCommit(id);
        }
    }

    /** {@code abc1234 subject}, for plans and reports. */
    public String describe(ObjectId id) {
        try {
            RevCommit c = commit(id);
            return c.abbreviate(7).name() + " " + c.getShortMessage();
        } catch (IOException e) {
            return id.abbreviate(7).name();
        }
    }

    @Override
    public void close() {
        repo.close();
    }
}
