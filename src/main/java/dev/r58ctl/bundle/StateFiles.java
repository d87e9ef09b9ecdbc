package dev.r58ctl.bundle;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Picks the files of r58ctl's state directory that go into a bundle. Never descends into a recording directory,
 * never follows a link, and leaves out media files (by extension), archives (an earlier bundle) and anything over
 * the size cap, each with the reason, for the README. A file is read with the cap as its limit, so one that grows
 * meanwhile (the log) cannot make the bundle unbounded.
 */
final class StateFiles {
    static final Set<String> MEDIA = Set.of("mp4", "mkv", "mov", "avi", "ts", "m2ts", "flv", "webm", "m4v", "mpg",
            "mpeg", "h264", "h265", "264", "265", "hevc", "yuv", "raw", "mp3", "aac", "wav", "opus", "ogg", "jpg",
            "jpeg", "png", "gz", "tgz", "zip", "xz");

    /** A file to include: its name in the bundle and its bytes. */
    record Found(String name, Path file, byte[] data) {
    }

    /** A file left out and why. */
    record Skipped(String name, String why) {
    }

    private final Path stateDir;
    private final List<Path> recordingDirs;
    private final long maxBytes;
    private final List<Found> found = new ArrayList<>();
    private final List<Skipped> skipped = new ArrayList<>();

    StateFiles(Path stateDir, List<Path> recordingDirs, long maxBytes) {
        this.stateDir = stateDir.toAbsolutePath().normalize();
        this.recordingDirs = recordingDirs.stream().map(p -> p.toAbsolutePath().normalize()).toList();
        this.maxBytes = maxBytes;
    }

    List<Found> found() {
        return found;
    }

    List<Skipped> skipped() {
        return skipped;
    }

    /** Collects {@code <state_dir>/sub} (a directory or one file); false when it does not exist. */
    boolean collect(String sub) throws IOException {
        Path start = stateDir.resolve(sub);
        if (!Files.exists(start, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        Files.walkFileTree(start, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                if (recordingDirs.stream().anyMatch(dir::startsWith)) {
                    skipped.add(new Skipped(name(dir) + "/", "a recording directory: never read"));
                    return FileVisitResult.SKIP_SUBTREE;
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                consider(file, attrs);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                skipped.add(new Skipped(name(file), "unreadable: " + e.getMessage()));
                return FileVisitResult.CONTINUE;
            }
        });
        return true;
    }

    private void consider(Path file, BasicFileAttributes attrs) {
        String name = name(file);
        String ext = extension(file.getFileName().toString());
        if (!attrs.isRegularFile()) {
            skipped.add(new Skipped(name, attrs.isSymbolicLink() ? "a link: not followed" : "not a regular file"));
        } else if (ext.equals("tmp")) {
            skipped.add(new Skipped(name, "a temporary file being written (perhaps this bundle)"));
        } else if (MEDIA.contains(ext)) {
            skipped.add(new Skipped(name, "a media or archive file (." + ext + "): never included"));
        } else if (attrs.size() > maxBytes) {
            skipped.add(new Skipped(name, "over the size cap (" + mib(attrs.size()) + " > " + mib(maxBytes) + ")"));
        } else {
            try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
                byte[] data = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
                if (data.length > maxBytes) {
                    skipped.add(new Skipped(name, "grew over the size cap (" + mib(maxBytes) + ") while read"));
                } else {
                    found.add(new Found(name, file, data));
                }
            } catch (IOException e) {
                skipped.add(new Skipped(name, "unreadable: " + e.getMessage()));
            }
        }
    }

    private String name(Path p) {
        return "state/" + stateDir.relativize(p.toAbsolutePath().normalize()).toString().replace('\\', '/');
    }

    static String extension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    static String mib(long bytes) {
        return bytes < 1 << 20 ? bytes + " bytes" : String.format(Locale.ROOT, "%.1f MiB", bytes / 1048576.0);
    }
}
