package dev.r58ctl.cli;

import dev.r58ctl.config.Camera;
import dev.r58ctl.config.Config;
import java.io.PrintWriter;
import java.util.Map;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code r58ctl config check}: validate and print the effective configuration with the file it came from. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Validate the configuration and print what is in effect. Exit 2 on the first error.")
final class ConfigCheckCommand extends BaseCommand {
    @Option(names = "--json", description = "Print one JSON document.")
    boolean json;

    @Override
    public Integer call() {
        Config c = config();
        if (json) {
            printJson(c);
            return 0;
        }
        PrintWriter o = out();
        o.println("config:      " + (c.file() == null ? "(built-in defaults)" : c.file()));
        o.println("platform:    " + c.platform().key() + " (" + c.platformSetting() + ")");
        o.println("state dir:   " + c.stateDir());
        for (String n : c.notes()) {
            o.println("note:        " + n);
        }
        var r = c.recorder();
        o.println("recorder:    repo " + r.repo() + ", service " + r.service() + ", health " + r.healthUrl());
        var m = c.mediamtx();
        o.println("mediamtx:    " + m.host() + " rtsp " + m.rtspPort() + " rtmp " + m.rtmpPort() + " api " + m.apiUrl());
        o.println("kernel log:  " + c.kernelLog());
        o.println("cameras from " + (c.camerasFrom() == null ? "the built-in defaults" : c.camerasFrom()) + ":");
        o.printf("  %-6s %-3s %-13s %-9s %3s %-5s %-10s %6s %-11s %s%n",
                "ID", "ON", "SOURCE", "SIZE", "FPS", "CODEC", "ENCODER", "KBIT/S", "TRANSPORT", "RECORDS TO");
        for (Camera cam : c.cameras()) {
            String source = cam.source() == dev.r58ctl.config.SourceKind.TEST ? "test pattern" : cam.device();
            o.printf("  %-6s %-3s %-13s %-9s %3d %-5s %-10s %6d %-11s %s%n", cam.id(), cam.enabled() ? "yes" : "no",
                    source, cam.resolution(), cam.framerate(), cam.codec().key(), cam.encoder(), cam.bitrateKbps(),
                    cam.transport().key() + (cam.transport().key().equals("none") ? "" : " /" + cam.mediamtxPath()),
                    cam.records() ? cam.outputPath() : "-");
        }
        o.println("encoders:");
        for (Map.Entry<String, Map<String, Object>> e : c.encoders().entrySet()) {
            o.println("  " + e.getKey() + ": " + e.getValue().entrySet().stream()
                    .map(p -> p.getKey() + "=" + p.getValue()).collect(Collectors.joining(" ")));
        }
        o.println("ok");
        return 0;
    }
}
