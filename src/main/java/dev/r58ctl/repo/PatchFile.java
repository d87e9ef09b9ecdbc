package dev.r58ctl.repo;

import dev.r58ctl.R58Exception;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.patch.FileHeader;
import org.eclipse.jgit.patch.FormatError;
import org.eclipse.jgit.patch.HunkHeader;
import org.eclipse.jgit.patch.Patch;

/**
 * A patch file read and checked before anything looks at the repository: a unified diff with at least one file,
 * no parse errors, no binary change without data, no links or submodules, and every path inside the work tree.
 * Anything else is refused with one line saying what the file is and how to make a real diff.
 */
final class PatchFile {
    private static final long MAX_BYTES = 64L << 20;
    private static final Pattern MARKDOWN = Pattern.compile("(?m)^(```|#{1,6} |\\*\\*[A-Z]+\\*\\*)");
    private static final Pattern HEADER_NAME = Pattern.compile("(?m)^(?:--- |\\+\\+\\+ |rename from |rename to "
            + "|copy from |copy to )(.*)$");

    final Path file;
    final byte[] bytes;
    final Patch patch;

    private PatchFile(Path file, byte[] bytes, Patch patch) {
        this.file = file;
        this.bytes = bytes;
        this.patch = patch;
    }

    static PatchFile read(Path file) {
        byte[] bytes;
        try {
            if (!Files.isRegularFile(file)) {
                throw R58Exception.badInput(file + ": no such file");
            }
            if (Files.size(file) > MAX_BYTES) {
                throw R58Exception.badInput(file + ": " + Files.size(file) + " bytes is too large for a patch");
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw R58Exception.badInput(file + ": cannot read: " + e.getMessage());
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.isBlank()) {
            throw R58Exception.badInput(file + ": empty patch: there is nothing to apply");
        }
        Patch patch = new Patch();
        patch.parse(bytes, 0, bytes.length);
        for (FormatError e : patch.getErrors()) {
            if (e.getSeverity() == FormatError.Severity.ERROR) {
                throw R58Exception.badInput(file + ":" + lineAt(bytes, e.getOffset()) + ": not a valid unified diff: "
                        + e.getMessage() + " (cut short or edited by hand? make it again with git diff)");
            }
        }
        if (patch.getFiles().isEmpty()) {
            if (MARKDOWN.matcher(text).find()) {
                throw R58Exception.badInput(file + ": not a unified diff but a Markdown document (BEFORE/AFTER code "
                        + "blocks, like the H.265 migration \"patch\"): make the edits in a checkout, then save them "
                        + "with `git diff > FILE`");
            }
            throw R58Exception.badInput(file + ": not a unified diff (no 'diff --git' or '---'/'+++' headers): "
                    + "make one with `git diff > FILE`");
        }
        PatchFile p = new PatchFile(file, bytes, patch);
        p.checkFiles();
        return p;
    }

    private void checkFiles() {
        for (FileHeader fh : patch.getFiles()) {
            int line = lineAt(bytes, fh.getStartOffset());
            List<String> names = new ArrayList<>(headerNames(fh));
            names.add(fh.getOldPath());
            names.add(fh.getNewPath());
            for (String name : names) {
                String why = unsafe(name);
                if (why != null) {
                    throw R58Exception.badInput(file + ":" + line + ": refused: " + name + " " + why);
                }
            }
            if (fh.getPatchType() == FileHeader.PatchType.BINARY) {
                throw R58Exception.badInput(file + ":" + line + ": " + path(fh) + " is a binary change without its "
                        + "data: make the patch with `git diff --binary`");
            }
            for (FileMode m : new FileMode[] {fh.getOldMode(), fh.getNewMode()}) {
                if (m == FileMode.SYMLINK || m == FileMode.GITLINK) {
                    throw R58Exception.badInput(file + ":" + line + ": " + path(fh)
                            + ": symbolic links and submodules are not patched by r58ctl");
                }
            }
        }
    }

    /** The names as written in the file's header lines, before JGit strips prefixes (which can hide a leading /). */
    private List<String> headerNames(FileHeader fh) {
        int end = fh.getHunks().isEmpty() ? fh.getEndOffset() : fh.getHunks().get(0).getStartOffset();
        String header = new String(bytes, fh.getStartOffset(), Math.max(0, end - fh.getStartOffset()),
                StandardCharsets.UTF_8);
        List<String> out = new ArrayList<>();
        var m = HEADER_NAME.matcher(header);
        while (m.find()) {
            String name = m.group(1);
            int tab = name.indexOf('\t');
            name = (tab >= 0 ? name.substring(0, tab) : name).strip();
            if (name.startsWith("\"") && name.endsWith("\"") && name.length() > 1) {
                name = name.substring(1, name.length() - 1);
            }
            if (name.startsWith("a/") || name.startsWith("b/")) {
                name = name.substring(2);
            }
            out.add(name);
        }
        return out;
    }

    /** Why a patch path is not acceptable, or null when it is a plain path inside the work tree. */
    static String unsafe(String path) {
        if (path == null || path.equals(DiffEntry.DEV_NULL)) {
            return null;
        }
        if (path.isEmpty()) {
            return "is an empty path";
        }
        if (path.startsWith("/") || path.startsWith("~") || path.matches("^[A-Za-z]:.*")) {
            return "is an absolute path, outside the repository";
        }
        if (path.indexOf('\\') >= 0 || path.indexOf('\0') >= 0) {
            return "has a backslash or NUL in it";
        }
        for (String segment : path.split("/", -1)) {
            if (segment.equals("..")) {
                return "is outside the repository (../)";
            }
            if (segment.isEmpty() || segment.equals(".")) {
                return "is not a plain relative path";
            }
            if (segment.equalsIgnoreCase(".git")) {
                return "is inside .git";
            }
        }
        return null;
    }

    static String path(FileHeader fh) {
        return fh.getChangeType() == DiffEntry.ChangeType.DELETE ? fh.getOldPath() : fh.getNewPath();
    }

    /** 1-based line of the patch file at a byte offset. */
    static int lineAt(byte[] bytes, int offset) {
        int line = 1;
        for (int i = 0; i < Math.min(offset, bytes.length); i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }

    /** The changes of each file, as {@code patch check} lists them. */
    List<PatchReport.FileChange> changes() {
        List<PatchReport.FileChange> out = new ArrayList<>();
        for (FileHeader fh : patch.getFiles()) {
            int added = 0;
            int removed = 0;
            for (HunkHeader h : fh.getHunks()) {
                added += h.getOldImage().getLinesAdded();
                removed += h.getOldImage().getLinesDeleted();
            }
            DiffEntry.ChangeType t = fh.getChangeType();
            out.add(new PatchReport.FileChange(path(fh), t == DiffEntry.ChangeType.ADD ? null : fh.getOldPath(),
                    t.name().toLowerCase(), fh.getHunks().size(), added, removed));
        }
        return out;
    }
}
