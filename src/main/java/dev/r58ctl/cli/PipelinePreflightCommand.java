package dev.r58ctl.cli;

import dev.r58ctl.config.Camera;
import dev.r58ctl.config.Config;
import dev.r58ctl.pipeline.Preflight;
import dev.r58ctl.pipeline.PreflightCheck;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code r58ctl pipeline preflight [CAM...]}: everything a camera needs, checked before it runs. */
@Command(name = "preflight", mixinStandardHelpOptions = true,
        description = "Check elements, device, codec and transport, and the recording directory. "
                + "Exit 1 when any check fails.")
final class PipelinePreflightCommand extends BaseCommand {
    @Parameters(paramLabel = "CAM", arity = "0..*", description = "Camera ids (default: all).")
    List<String> cameras = new ArrayList<>();

    @Option(names = "--json", description = "Print one JSON document.")
    boolean json;

    @Override
    public Integer call() {
        Config c = cameraConfig();
        List<Camera> selected = cameras.isEmpty() ? c.cameras() : cameras.stream().map(c::requireCamera).toList();
        List<PreflightCheck> checks = run(c, selected);
        boolean failed = checks.stream().anyMatch(k -> k.status() == PreflightCheck.Status.FAIL);
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("ok", !failed);
            doc.put("checks", checks);
            printJson(doc);
        } else {
            for (PreflightCheck k : checks) {
                out().printf("%-6s %-4s %-22s %s%n", k.camera(), k.status(), k.check(), k.detail());
            }
            out().println(failed ? "preflight FAILED" : "preflight ok");
        }
        return failed ? 1 : 0;
    }

    static List<PreflightCheck> run(Config c, List<Camera> cameras) {
        Preflight preflight = new Preflight(c);
        ZonedDateTime now = ZonedDateTime.now();
        List<PreflightCheck> checks = new ArrayList<>();
        for (Camera cam : cameras) {
            checks.addAll(preflight.check(cam, now));
        }
        return checks;
    }
}
