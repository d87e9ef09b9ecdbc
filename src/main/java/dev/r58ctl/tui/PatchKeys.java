package dev.r58ctl.tui;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import dev.r58ctl.engine.EngineEvent;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Keys of the patch flow: pick a file, preview it checked against the checkout, apply, optionally commit. */
final class PatchKeys {
    private static final Pattern SUBJECT = Pattern.compile("(?m)^Subject: (?:\\[PATCH[^]]*\\] )?(.+)$");
    private final Dashboard d;

    PatchKeys(Dashboard d) {
        this.d = d;
    }

    void open(DashboardState s) {
        s.patchFiles = d.engine().patches();
        if (s.patchFiles.isEmpty()) {
            s.message(EngineEvent.Message.Level.WARNING, "no *.patch or *.diff in "
                    + d.engine().patchDir());
            return;
        }
        s.patchSelected = 0;
        s.mode = DashboardState.Mode.PATCH_PICK;
    }

    void handle(KeyStroke k, DashboardState s) {
        KeyType t = k.getKeyType();
        char c = t == KeyType.Character ? k.getCharacter() : 0;
        switch (s.mode) {
            case PATCH_PICK -> {
                if (t == KeyType.Escape || c == 'q') {
                    s.mode = DashboardState.Mode.NORMAL;
                } else if (t == KeyType.ArrowDown || c == 'j') {
                    s.patchSelected = (s.patchSelected + 1) % s.patchFiles.size();
                } else if (t == KeyType.ArrowUp || c == 'k') {
                    s.patchSelected = Math.floorMod(s.patchSelected - 1, s.patchFiles.size());
                } else if (t == KeyType.Enter) {
                    s.patch = null;
                    s.mode = DashboardState.Mode.PATCH_PREVIEW;
                    d.engine().checkPatch(selected(s));
                }
            }
            case PATCH_PREVIEW -> preview(s, t, c);
            default -> message(s, k, t);
        }
    }

    private void preview(DashboardState s, KeyType t, char c) {
        boolean applies = s.patch != null && s.patch.report() != null && s.patch.report().applies();
        if (t == KeyType.Escape || c == 'n' || c == 'q') {
            s.mode = DashboardState.Mode.NORMAL;
            s.message(EngineEvent.Message.Level.INFO, "patch: nothing was changed");
        } else if (t == KeyType.ArrowDown || c == 'j') {
            s.patchScroll++;
        } else if (t == KeyType.ArrowUp || c == 'k') {
            s.patchScroll = Math.max(0, s.patchScroll - 1);
        } else if (c == 'y' && applies) {
            s.mode = DashboardState.Mode.NORMAL;
            s.message(EngineEvent.Message.Level.INFO, "applying " + selected(s).getFileName() + "...");
            d.engine().applyPatch(selected(s), null);
        } else if (c == 'c' && applies) {
            s.commitMessage = subject(s);
            s.mode = DashboardState.Mode.PATCH_MESSAGE;
        }
    }

    private void message(DashboardState s, KeyStroke k, KeyType t) {
        if (t == KeyType.Escape) {
            s.mode = DashboardState.Mode.PATCH_PREVIEW;
        } else if (t == KeyType.Enter && !s.commitMessage.isBlank()) {
            s.mode = DashboardState.Mode.NORMAL;
            s.message(EngineEvent.Message.Level.INFO, "applying and committing " + selected(s).getFileName() + "...");
            d.engine().applyPatch(selected(s), s.commitMessage.trim());
        } else if (t == KeyType.Backspace && !s.commitMessage.isEmpty()) {
            s.commitMessage = s.commitMessage.substring(0, s.commitMessage.length() - 1);
        } else if (t == KeyType.Character && s.commitMessage.length() < 72) {
            s.commitMessage += k.getCharacter();
        }
    }

    private static Path selected(DashboardState s) {
        return s.patchFiles.get(s.patchSelected);
    }

    /** A format-patch subject, else the migration plan's commit message for a migration patch, else "Apply FILE". */
    private static String subject(DashboardState s) {
        Matcher m = SUBJECT.matcher(String.join("\n", s.patch.text()));
        if (m.find()) {
            return m.group(1).trim();
        }
        String name = selected(s).getFileName().toString();
        return name.toLowerCase().contains("h265") ? "Migrate to H.265 hardware encoding" : "Apply " + name;
    }
}
