package dev.r58ctl.tui;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import dev.r58ctl.config.KnownEncoder;
import dev.r58ctl.engine.CameraView;
import dev.r58ctl.engine.EngineEvent;

/** What each key does, by mode. Destructive actions never sit on movement keys. */
final class Keys {
    private final Dashboard d;

    Keys(Dashboard d) {
        this.d = d;
    }

    void handle(KeyStroke k) {
        DashboardState s = d.state();
        if (s.demo && working(s) && k.getKeyType() == KeyType.Character && k.getCharacter() == 'i') {
            inject(s); // the Oops during a test, with its dialog still open: the test must end UNSTABLE
            return;
        }
        switch (s.mode) {
            case HELP -> s.mode = DashboardState.Mode.NORMAL;
            case CONFIRM -> confirm(k, s);
            case CONFIRM_ENCODER -> {
                s.mode = DashboardState.Mode.NORMAL;
                if (k.getKeyType() == KeyType.Character && k.getCharacter() == 'y') {
                    useEncoder(s, s.encoderChoices.get(s.encoderSelected));
                } else {
                    s.message(EngineEvent.Message.Level.INFO, "cancelled: the encoder was not changed");
                }
            }
            case PATCH_PICK, PATCH_PREVIEW, PATCH_MESSAGE -> new PatchKeys(d).handle(k, s);
            case CHECKLIST_CONFIRM, CHECKLIST_NOTE, CHECKLIST_RUN -> new ChecklistKeys(d).handle(k, s);
            case TEST -> {
                if (s.testFinished) {
                    s.mode = DashboardState.Mode.NORMAL;
                }
            }
            case STEPS -> {
                if (s.stepsFinished) {
                    s.mode = DashboardState.Mode.NORMAL;
                    if (k.getKeyType() == KeyType.Character && k.getCharacter() == 'u') {
                        s.message(EngineEvent.Message.Level.INFO, "undo: working out the plan...");
                        d.engine().planRollback(true);
                    }
                }
            }
            case FILTER -> filter(k, s);
            case ENCODER -> encoder(k, s);
            default -> normal(k, s);
        }
    }

    private void normal(KeyStroke k, DashboardState s) {
        KeyType t = k.getKeyType();
        boolean kernel = s.focus == DashboardState.Focus.KERNEL;
        if (t == KeyType.Tab) {
            s.focus = kernel ? DashboardState.Focus.CAMERAS : DashboardState.Focus.KERNEL;
        } else if (t == KeyType.ArrowUp) {
            move(s, -1);
        } else if (t == KeyType.ArrowDown) {
            move(s, 1);
        } else if (t == KeyType.Character) {
            char c = k.getCharacter();
            if (k.isCtrlDown() && (c == 'd' || c == 'u')) {
                s.kernelScroll = Math.max(0, s.kernelScroll + (c == 'u' ? 10 : -10));
                return;
            }
            if (LookBack.isKey(c)) {
                LookBack.key(c, s, d.past(), System.currentTimeMillis());
                return;
            }
            if (s.inHistory() && LookBack.ACTIONS.indexOf(c) >= 0) {
                s.message(EngineEvent.Message.Level.WARNING, LookBack.refused(c));
                return;
            }
            switch (c) {
                case 'q' -> {
                    s.message(EngineEvent.Message.Level.INFO, "quitting: stopping pipelines with EOS...");
                    s.mode = DashboardState.Mode.QUIT;
                }
                case '?' -> s.mode = DashboardState.Mode.HELP;
                case 'j' -> move(s, 1);
                case 'k' -> move(s, -1);
                case 'g' -> s.kernelScroll = Integer.MAX_VALUE;
                case 'G' -> s.kernelScroll = 0;
                case '/' -> {
                    s.mode = DashboardState.Mode.FILTER;
                    s.filterInput = s.filter;
                }
                case 'c' -> {
                    s.banner = null;
                    s.guardLine = null;
                    s.link = s.linkDown ? s.link : null; // "board unreachable" stays while it is true
                }
                case 's' -> camera(s, "start");
                case 'x' -> camera(s, "stop");
                case 'r' -> camera(s, "restart");
                case 'e' -> pickEncoder(s);
                case 'i' -> inject(s);
                case 't' -> test(s);
                case 'p' -> new PatchKeys(d).open(s);
                case 'n' -> new ChecklistKeys(d).open(s);
                case 'b' -> {
                    s.message(EngineEvent.Message.Level.INFO, "rollback: working out the plan...");
                    d.engine().planRollback(false);
                }
                case 'u' -> {
                    s.message(EngineEvent.Message.Level.INFO, "undo: working out the plan...");
                    d.engine().planRollback(true);
                }
                default -> { }
            }
        }
    }

    private static void move(DashboardState s, int delta) {
        if (s.focus == DashboardState.Focus.KERNEL) {
            s.kernelScroll = Math.max(0, s.kernelScroll - delta);
        } else if (!s.shownCameras().isEmpty()) {
            s.selected = Math.floorMod(s.selected + delta, s.shownCameras().size());
        }
    }

    private void camera(DashboardState s, String action) {
        CameraView c = s.selectedCamera();
        if (c == null) {
            return;
        }
        s.message(EngineEvent.Message.Level.INFO, action + " " + c.id() + "...");
        switch (action) {
            case "start" -> d.engine().startCamera(c.id());
            case "stop" -> d.engine().stopCamera(c.id());
            default -> d.engine().restartCamera(c.id());
        }
    }

    private void pickEncoder(DashboardState s) {
        CameraView c = s.selectedCamera();
        if (c == null) {
            return;
        }
        s.encoderChoices = d.engine().encoderChoices(c.id()).stream().map(KnownEncoder::element).toList();
        s.encoderSelected = Math.max(0, s.encoderChoices.indexOf(c.encoder()));
        s.mode = DashboardState.Mode.ENCODER;
    }

    private void encoder(KeyStroke k, DashboardState s) {
        KeyType t = k.getKeyType();
        int n = s.encoderChoices.size();
        if (t == KeyType.Escape) {
            s.mode = DashboardState.Mode.NORMAL;
        } else if (t == KeyType.ArrowDown || (t == KeyType.Character && k.getCharacter() == 'j')) {
            s.encoderSelected = (s.encoderSelected + 1) % n;
        } else if (t == KeyType.ArrowUp || (t == KeyType.Character && k.getCharacter() == 'k')) {
            s.encoderSelected = Math.floorMod(s.encoderSelected - 1, n);
        } else if (t == KeyType.Enter) {
            String element = s.encoderChoices.get(s.encoderSelected);
            if ("UNSTABLE".equals(s.matrixStatus(element))) {
                s.mode = DashboardState.Mode.CONFIRM_ENCODER; // the Oops that killed the board: ask again
                return;
            }
            s.mode = DashboardState.Mode.NORMAL;
            useEncoder(s, element);
        }
    }

    private void useEncoder(DashboardState s, String element) {
        String id = s.selectedCamera().id();
        s.message(EngineEvent.Message.Level.INFO, "encoder " + id + " -> " + element + "...");
        d.engine().setEncoder(id, element);
    }

    private void test(DashboardState s) {
        CameraView c = s.selectedCamera();
        if (c == null) {
            return;
        }
        s.testLines.clear();
        s.testFinished = false;
        s.testTitle = "STABILITY TEST encode " + c.encoder() + " (" + c.id() + "'s settings)";
        s.mode = DashboardState.Mode.TEST;
        d.engine().runTest(dev.r58ctl.stability.TestKind.ENCODE, c.id());
    }

    /** Only y goes ahead: the key that confirms differs from the one that asked (b or u). */
    private void confirm(KeyStroke k, DashboardState s) {
        if (k.getKeyType() == KeyType.Character && k.getCharacter() == 'y') {
            s.steps.clear();
            s.stepsFinished = false;
            s.mode = DashboardState.Mode.STEPS;
            d.engine().rollback(s.confirmUndo);
        } else {
            s.mode = DashboardState.Mode.NORMAL;
            s.message(EngineEvent.Message.Level.INFO, "cancelled: nothing was changed");
        }
    }

    private static void filter(KeyStroke k, DashboardState s) {
        KeyType t = k.getKeyType();
        if (t == KeyType.Escape) {
            s.filter = "";
            s.mode = DashboardState.Mode.NORMAL;
        } else if (t == KeyType.Enter) {
            s.filter = s.filterInput.trim();
            s.kernelScroll = 0;
            s.mode = DashboardState.Mode.NORMAL;
        } else if (t == KeyType.Backspace && !s.filterInput.isEmpty()) {
            s.filterInput = s.filterInput.substring(0, s.filterInput.length() - 1);
        } else if (t == KeyType.Character && s.filterInput.length() < 40) {
            s.filterInput += k.getCharacter();
        }
    }

    /** A stability test or checklist step runs with its dialog open. */
    static boolean working(DashboardState s) {
        return s.mode == DashboardState.Mode.TEST && !s.testFinished
                || s.mode == DashboardState.Mode.CHECKLIST_RUN && !s.checklistFinished;
    }

    private void inject(DashboardState s) {
        if (!s.demo) {
            s.message(EngineEvent.Message.Level.WARNING, "i injects an Oops only in the demo");
            return;
        }
        d.engine().appendToKernelLogFile(Dashboard.SEED_OOPS);
        s.message(EngineEvent.Message.Level.INFO, "wrote the mpph264enc Oops of 2025-12-19 to the demo kernel log");
    }
}
