package dev.r58ctl.repo;

import dev.r58ctl.R58Exception;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;

/**
 * Writes single files and index entries of the work tree. Each file goes to a temporary file beside it first and
 * is then moved into place, so a file is either old or new, never half-written; nothing follows a link out of
 * the work tree.
 */
final class WorkTree {
    private WorkTree() {
    }

    static Path file(Repository repo, String path) {
        Path root = repo.getWorkTree().toPath().toAbsolutePath().normalize();
        Path p = root.resolve(path).normalize();
        if (!p.startsWith(root) || p.equals(root)) {
            throw R58Exception.badInput(path + ": outside the repository");
        }
        return p;
    }

    /** Refuses a path whose existing parent directories lead out of the work tree through a symbolic link. */
    static void checkInside(Repository repo, String path) throws IOException {
        Path root = repo.getWorkTree().toPath().toRealPath();
        Path parent = file(repo, path).getParent();
        while (parent != null && !Files.exists(parent, LinkOption.NOFOLLOW_LINKS)) {
            parent = parent.getParent();
        }
        if (parent == null || !parent.toRealPath().startsWith(root)) {
            throw R58Exception.badInput(path + ": leads out of the repository through a symbolic link");
        }
    }

    /** Writes a blob's content to {@code path} (temporary file, then an atomic move), with its executable bit. */
    static void write(Repository repo, String path, ObjectId blob, FileMode mode) throws IOException {
        Path target = file(repo, path);
        Files.createDirectories(target.getParent());
        if (mode == FileMode.SYMLINK) {
            // only snapshots of uncommitted work carry links (patches with links are refused)
            String link = new String(repo.open(blob).getBytes(), java.nio.charset.StandardCharsets.UTF_8);
            Files.deleteIfExists(target);
            Files.createSymbolicLink(target, Path.of(link));
            return;
        }
        Path tmp = Files.createTempFile(target.getParent(), ".r58ctl-", ".tmp");
        try {
            try (InputStream in = repo.open(blob).openStream()) {
                Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            }
            Set<PosixFilePermission> perms = new HashSet<>(Set.of(PosixFilePermission.OWNER_READ,
                    PosixFilePermission.OWNER_WRITE, PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ));
            if (mode == FileMode.EXECUTABLE_FILE) {
                perms.addAll(Set.of(PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.GROUP_EXECUTE,
                        PosixFilePermission.OTHERS_EXECUTE));
            }
            Files.setPosixFilePermissions(tmp, perms);
            if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
                deleteEmptyTree(target);
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Deletes a tracked file and the directories it leaves empty, up to the work tree. */
    static void delete(Repository repo, String path) throws IOException {
        Path root = repo.getWorkTree().toPath().toAbsolutePath().normalize();
        Path target = file(repo, path);
        Files.deleteIfExists(target);
        for (Path dir = target.getParent(); dir != null && !dir.equals(root); dir = dir.getParent()) {
            try (var entries = Files.list(dir)) {
                if (entries.findAny().isPresent()) {
                    break;
                }
            }
            Files.delete(dir);
        }
    }

    private static void deleteEmptyTree(Path dir) throws IOException {
        try (var entries = Files.list(dir)) {
            if (entries.findAny().isPresent()) {
                throw new IOException(dir + " is a directory that is not empty");
            }
        }
        Files.delete(dir);
    }

    /**
     * An index entry for {@code path} holding {@code blob}. When the file on disk has that content its size and
     * time are recorded (status stays fast); otherwise the entry is left "smudged" so status compares contents.
     */
    static DirCacheEntry entry(Repository repo, String path, ObjectId blob, FileMode mode, boolean fileMatches)
            throws IOException {
        DirCacheEntry e = new DirCacheEntry(path);
        e.setFileMode(mode);
        e.setObjectId(blob);
        Path f = file(repo, path);
        if (fileMatches && Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)) {
            e.setLength(Files.size(f));
            e.setLastModified(Files.getLastModifiedTime(f).toInstant());
        }
        return e;
    }

    /**
     * Replaces the index entries of the given paths (a null value removes the path) and keeps every other entry as
     * it is; the index is locked for the duration and written in one piece.
     */
    static void updateIndex(Repository repo, Map<String, DirCacheEntry> changes) throws IOException {
        DirCache dc = repo.lockDirCache();
        try {
            DirCacheBuilder b = dc.builder();
            for (int i = 0; i < dc.getEntryCount(); i++) {
                DirCacheEntry e = dc.getEntry(i);
                if (!changes.containsKey(e.getPathString())) {
                    b.add(e);
                }
            }
            for (DirCacheEntry e : changes.values()) {
                if (e != null) {
                    b.add(e);
                }
            }
            if (!b.commit()) {
                throw new IOException("cannot write the index");
            }
        } finally {
            dc.unlock();
        }
    }
}
