package dev.r58ctl.remote;

import dev.r58ctl.R58Exception;
import dev.r58ctl.engine.Engine;
import dev.r58ctl.stability.TestKind;
import java.nio.file.Path;
import java.util.List;

/**
 * The board's side of a command from the laptop: its name and arguments onto the engine's method. Patches are taken
 * only from the board's patch directory; a wrong argument is an exception that goes back as an error message.
 */
final class ServedCommands {
    private ServedCommands() {
    }

    static void run(Engine e, String cmd, List<Object> a) {
        switch (cmd) {
            case "ping" -> { } // the laptop is there
            case "startCamera" -> e.startCamera(str(a, 0));
            case "stopCamera" -> e.stopCamera(str(a, 0));
            case "restartCamera" -> e.restartCamera(str(a, 0));
            case "setEncoder" -> e.setEncoder(str(a, 0), str(a, 1));
            case "runTest" -> e.runTest(TestKind.valueOf(str(a, 0)), str(a, 1));
            case "checkPatch" -> e.checkPatch(patch(e, str(a, 0)));
            case "applyPatch" -> e.applyPatch(patch(e, str(a, 0)), (String) a.get(1));
            case "planRollback" -> e.planRollback((Boolean) a.get(0));
            case "rollback" -> e.rollback((Boolean) a.get(0));
            case "appendToKernelLogFile" -> e.appendToKernelLogFile(((List<?>) a.get(0)).stream()
                    .map(String::valueOf).toList());
            case "checklistNext" -> e.checklistNext(str(a, 0), (Boolean) a.get(1));
            case "checklistDone" -> e.checklistDone(str(a, 0), str(a, 1));
            default -> throw R58Exception.badInput("unknown command (the laptop's r58ctl is newer?)");
        }
    }

    private static String str(List<Object> a, int i) {
        return (String) a.get(i);
    }

    private static Path patch(Engine e, String name) {
        Path p = Path.of(name);
        if (!e.patches().contains(p)) {
            throw R58Exception.badInput(name + " is not a patch file in " + e.patchDir());
        }
        return p;
    }
}
