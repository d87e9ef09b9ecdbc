package dev.r58ctl.cli;

import dev.r58ctl.config.Camera;
import dev.r58ctl.config.CameraList;
import dev.r58ctl.config.ConfigProblem;
import dev.r58ctl.config.Config;
import java.io.PrintWriter;
import java.util.Map;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code r58ctl config check}: validate and print the effective configuration with the file it came from. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Validate the configuration and print what is in effect, with what r58ctl cannot use in the "
                + "recorder's own file. Exit 0 all usable, 1 the recorder's file gave no cameras or a camera is "
                + "unusable, 2 an error in r58ctl's own file.")
final class ConfigCheckCommand extends BaseCommand {
    @Option(names = "--json", description = "Print one JSON document.")
    boolean json;

    @Override
    public Integer call() {
        Config c = config();
        CameraList cams = c.cameraList();
        int exit = cams.warning() != null || c.cameras().stream().anyMatch(cam -> !cam.usable()) ? 1 : 0;
        if (json) {
            printJson(c);
            return exit;
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
        if (cams.recorderFile() != null) {
            o.println("recorder's file: " + cams.recorderFile() + (cams.recorderPlatform() == null ? ""
                    : " (its platform: " + cams.recorderPlatform()
                    + ("auto".equals(cams.recorderPlatform()) ? ", detection" : "") + ")"));
            var rec = c.recording();
            o.println("recording:   " + (rec.container() == null ? "" : rec.container() + ", ") + "fragment "
                    + rec.fragmentMillis() + " ms" + (rec.minDiskSpaceGb() == null ? "" : ", min disk "
                    + gb(rec.minDiskSpaceGb()) + " GB") + (rec.warningDiskSpaceGb() == null ? "" : ", warning below "
                    + gb(rec.warningDiskSpaceGb()) + " GB"));
        }
        if (cams.warningLine() != null) {
            o.println("WARNING:     " + cams.warningLine());
        }
        for (ConfigProblem n : cams.notes()) {
            o.println("note:        " + n.text());
        }
        o.println("cameras from " + (c.camerasFrom() == null ? "the built-in defaults" : c.camerasFrom()) + ":");
        o.printf("  %-6s %-3s %-13s %-9s %3s %-5s %-10s %6s %-11s %s%n",
                "ID", "ON", "SOURCE", "SIZE", "FPS", "CODEC", "ENCODER", "KBIT/S", "TRANSPORT", "RECORDS TO");
        for (Camera cam : c.cameras()) {
            String source = cam.source() == dev.r58ctl.config.SourceKind.TEST ? "test pattern" : cam.device();
            o.printf("  %-6s %-3s %-13s %-9s %3d %-5s %-10s %6d %-11s %s%n", cam.id(),
                    !cam.usable() ? "BAD" : cam.enabled() ? "yes" : "no",
                    source, cam.resolution(), cam.framerate(), cam.codec().key(), cam.encoder(), cam.bitrateKbps(),
                    cam.transport().key() + (cam.transport().key().equals("none") ? "" : " /" + cam.mediamtxPath()),
                    cam.records() ? cam.outputPath() : "-");
        }
        for (String n : cams.cameraNotes()) {
            o.println("PROBLEM:     " + n);
        }
        o.println("encoders:");
        for (Map.Entry<String, Map<String, Object>> e : c.encoders().entrySet()) {
            o.println("  " + e.getKey() + ": " + e.getValue().entrySet().stream()
                    .map(p -> p.getKey() + "=" + p.getValue()).collect(Collectors.joining(" ")));
        }
        o.println(exit == 0 ? "ok" : "the recorder's file has problems (above): the commands that need those cameras "
                + "refuse them; everything else works");
        return exit;
    }

    private static String gb(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
