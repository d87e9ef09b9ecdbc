package dev.r58ctl.cli;

import dev.r58ctl.config.Camera;
import dev.r58ctl.config.Config;
import dev.r58ctl.pipeline.PipelinePlanner;
import dev.r58ctl.pipeline.PipelineSpec;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code r58ctl pipeline show CAM}: the exact pipeline, as a command ready to paste into a shell. */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = "Print the camera's exact gst-launch-1.0 command, ready to paste.")
final class PipelineShowCommand extends BaseCommand {
    @Parameters(paramLabel = "CAM", description = "Camera id, e.g. cam1.")
    String camera;

    @Option(names = "--json", description = "Print one JSON document.")
    boolean json;

    @Override
    public Integer call() {
        Config c = cameraConfig();
        Camera cam = c.requirePipelineCamera(camera);
        PipelineSpec spec = new PipelinePlanner(c).plan(cam, ZonedDateTime.now());
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("camera", cam.id());
            doc.put("config", c.file());
            doc.put("description", spec.description());
            doc.put("command", spec.shellCommand());
            doc.put("outputs", spec.outputs());
            printJson(doc);
        } else {
            out().println("# " + cam.id() + " (" + (c.file() == null ? "built-in defaults" : c.file()) + ")");
            out().println(spec.shellCommand());
        }
        return 0;
    }
}
