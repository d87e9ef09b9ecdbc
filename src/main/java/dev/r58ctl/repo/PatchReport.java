package dev.r58ctl.repo;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@code patch check} found: the files, hunks and lines a patch changes, whether it applies to the current
 * tree, and if not, the first file and hunk that does not.
 */
public record PatchReport(Path file, boolean applies, List<FileChange> files, int hunks, int added, int removed,
                          Failure failure) {

    /**
     * One file of the patch.
     *
     * @param change add, modify, delete, rename or copy
     * @param oldPath the path before (differs from path for rename and copy; null for add)
     */
    public record FileChange(String path, String oldPath, String change, int hunks, int added, int removed) {
    }

    /**
     * Why it does not apply.
     *
     * @param path      the file of the patch that fails
     * @param hunk      which hunk (1-based), 0 when the whole file fails
     * @param hunkCount how many hunks that file has
     * @param header    the hunk's {@code @@ ... @@} line, or empty
     * @param patchLine the line of the patch file where that hunk (or file) starts
     * @param reason    what is wrong
     */
    public record Failure(String path, int hunk, int hunkCount, String header, int patchLine, String reason) {
        /** One line: {@code src/a.py: hunk 2 of 3 (@@ -10,7 +10,7 @@, patch line 40): does not match the file}. */
        public String line() {
            String where = hunk > 0 ? ": hunk " + hunk + " of " + hunkCount + " (" + header + ", patch line "
                    + patchLine + ")" : patchLine > 0 ? " (patch line " + patchLine + ")" : "";
            return path + where + ": " + reason;
        }
    }
}
