package dev.r58ctl.tui;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.graphics.TextGraphics;
import dev.r58ctl.repo.PatchReport;
import java.util.ArrayList;
import java.util.List;

/** The patch dialogs: the file list, the checked preview with the diff, and the commit message. */
final class PatchView {
    private PatchView() {
    }

    static void draw(TextGraphics g, Theme theme, TerminalSize size, DashboardState s) {
        List<String> lines = new ArrayList<>();
        switch (s.mode) {
            case PATCH_PICK -> {
                for (int i = 0; i < s.patchFiles.size(); i++) {
                    lines.add((i == s.patchSelected ? "> " : "  ") + s.patchFiles.get(i).getFileName());
                }
                Dialog.draw(g, theme, size, "PATCH: pick a file", lines, "j/k choose  Enter check and preview  Esc");
            }
            case PATCH_PREVIEW -> {
                String keys = "j/k scroll  Esc cancel";
                if (s.patch == null) {
                    lines.add("checking against the recorder's checkout...");
                } else {
                    PatchReport r = s.patch.report();
                    if (r == null) {
                        lines.add("REFUSED: " + s.patch.problem());
                    } else if (!r.applies()) {
                        lines.add("DOES NOT APPLY: " + r.failure().line());
                    } else {
                        lines.add(String.format("applies: %d file(s), %d hunk(s), +%d -%d", r.files().size(), r.hunks(),
                                r.added(), r.removed()));
                        keys = "y apply  c apply and commit  j/k scroll  Esc cancel";
                    }
                    lines.add("");
                    List<String> text = s.patch.text();
                    int max = Math.max(1, size.getRows() - 12);
                    s.patchScroll = Math.min(s.patchScroll, Math.max(0, text.size() - max));
                    lines.addAll(text.subList(s.patchScroll, Math.min(text.size(), s.patchScroll + max)));
                }
                Dialog.draw(g, theme, size, "PATCH " + s.patchFiles.get(s.patchSelected).getFileName(), lines, keys);
            }
            default -> {
                lines.add("commit message:");
                lines.add(s.commitMessage + "_");
                Dialog.draw(g, theme, size, "PATCH: apply and commit", lines, "Enter apply and commit  Esc back");
            }
        }
    }
}
