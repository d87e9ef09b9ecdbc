package dev.r58ctl.repo;

import dev.r58ctl.DiskFull;
import dev.r58ctl.R58Exception;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevObject;
import org.eclipse.jgit.revwalk.RevTag;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * Known-good marks: annotated tags under {@code refs/tags/r58ctl/good/}, named by the time they were made. The
 * newest mark (by its tagger time) is what {@code rollback --last-good} returns to.
 */
public final class KnownGood {
    private static final DateTimeFormatter NAME_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC);

    /**
     * One mark.
     *
     * @param name   the tag name without {@code refs/tags/}, e.g. {@code r58ctl/good/20251219-145301-250-a1b2c3d}
     * @param commit the commit it marks
     * @param time   when it was marked
     */
    public record Mark(String name, String commit, String shortCommit, String subject, Instant time) {
    }

    private final RepoView view;

    public KnownGood(RepoView view) {
        this.view = view;
    }

    /** Marks the commit {@code rev} names; marking the newest mark's commit again returns that mark. */
    public Mark mark(String rev) {
        ObjectId id = view.resolve(rev);
        Optional<Mark> newest = newest();
        if (newest.isPresent() && newest.get().commit().equals(id.name())) {
            return newest.get();
        }
        Repository repo = view.repository();
        try (RevWalk walk = new RevWalk(repo)) {
            RevCommit c = walk.parseCommit(id);
            // milliseconds in the name order two marks made within one second (the tag's time has seconds only)
            Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
            String name = "r58ctl/good/" + NAME_TIME.format(now) + "-" + c.abbreviate(7).name();
            if (repo.exactRef("refs/tags/" + name) == null) {
                new Git(repo).tag().setName(name).setObjectId(c).setAnnotated(true)
                        .setTagger(new PersonIdent(new PersonIdent(repo), now))
                        .setMessage("known good, marked with r58ctl repo mark-good\n").call();
            }
            return new Mark(name, c.name(), c.abbreviate(7).name(), c.getShortMessage(),
                    now.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        } catch (IOException | GitAPIException | RuntimeException e) {
            Path git = repo.getDirectory().toPath();
            if (DiskFull.is(e, git)) {
                throw DiskFull.full(git, e);
            }
            if (e instanceof RuntimeException r) {
                throw r;
            }
            throw R58Exception.failed(view.dir() + ": cannot mark " + rev + " as known good: " + e.getMessage());
        }
    }

    /** Every mark, newest first. */
    public List<Mark> list() {
        Repository repo = view.repository();
        List<Mark> out = new ArrayList<>();
        try (RevWalk walk = new RevWalk(repo)) {
            for (Ref ref : repo.getRefDatabase().getRefsByPrefix(RepoView.GOOD_PREFIX)) {
                RevObject o = walk.parseAny(ref.getObjectId());
                Instant time = null;
                if (o instanceof RevTag tag) {
                    PersonIdent tagger = tag.getTaggerIdent();
                    time = tagger == null ? null : tagger.getWhenAsInstant();
                }
                RevObject target = walk.peel(o);
                if (!(target instanceof RevCommit c)) {
                    continue; // a mark on a tree or blob is not something to roll back to
                }
                walk.parseBody(c);
                if (time == null) {
                    time = Instant.ofEpochSecond(c.getCommitTime()); // a lightweight tag made by hand
                }
                out.add(new Mark(ref.getName().substring("refs/tags/".length()), c.name(), c.abbreviate(7).name(),
                        c.getShortMessage(), time));
            }
        } catch (IOException e) {
            throw R58Exception.failed(view.dir() + ": cannot read known-good marks: " + e.getMessage());
        }
        out.sort(Comparator.comparing(Mark::time).thenComparing(Mark::name).reversed());
        return out;
    }

    public Optional<Mark> newest() {
        List<Mark> all = list();
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
    }
}
