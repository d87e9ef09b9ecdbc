package dev.r58ctl.pipeline;

import dev.r58ctl.R58Exception;
import dev.r58ctl.config.Camera;
import dev.r58ctl.config.Config;
import dev.r58ctl.config.KnownEncoder;
import dev.r58ctl.config.SourceKind;
import dev.r58ctl.config.Transport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Checks a camera before anything runs: every element in the registry (a missing one named with the package
 * it comes from), the device node, codec and transport, the description itself, and the recording directory.
 * The RTSP push test on the board could not run because rtspclientsink was missing; this says so up front.
 */
public final class Preflight {
    private static final int S_IFMT = 0170000;
    private static final int S_IFCHR = 0020000;

    private final Config config;
    private final Predicate<String> hasElement;

    public Preflight(Config config) {
        this(config, GstSupport::hasElement);
    }

    public Preflight(Config config, Predicate<String> hasElement) {
        this.config = config;
        this.hasElement = hasElement;
    }

    public List<PreflightCheck> check(Camera cam, ZonedDateTime now) {
        List<PreflightCheck> out = new ArrayList<>();
        String id = cam.id();
        if (!cam.enabled()) {
            out.add(PreflightCheck.warn(id, "enabled", "disabled in the configuration"));
        }
        if (!cam.usable()) {
            // the recorder's file says something about this camera that r58ctl cannot build a pipeline from
            for (dev.r58ctl.config.ConfigProblem p : cam.problems()) {
                out.add(PreflightCheck.fail(id, "configuration", p.text()));
            }
            return out;
        }
        PipelineSpec spec = new PipelinePlanner(config).plan(cam, now);

        List<String> missing = new ArrayList<>();
        for (String factory : spec.factories()) {
            if (!hasElement.test(factory)) {
                missing.add(factory);
                out.add(PreflightCheck.fail(id, "element " + factory,
                        "missing; it comes from " + ElementPackages.sourceOf(factory)));
            }
        }
        if (missing.isEmpty()) {
            out.add(PreflightCheck.ok(id, "elements", "all present: " + String.join(" ", spec.factories())));
        }

        KnownEncoder enc = KnownEncoder.of(cam.encoder()).orElseThrow();
        if (enc.codec() != cam.codec()) {
            out.add(PreflightCheck.fail(id, "codec", cam.encoder() + " encodes " + enc.codec().key()
                    + " but the camera is " + cam.codec().key()));
        } else if (cam.transport() == Transport.RTMP && cam.codec() != dev.r58ctl.config.Codec.H264) {
            out.add(PreflightCheck.fail(id, "transport", "rtmp (FLV) carries H.264 only"));
        } else {
            out.add(PreflightCheck.ok(id, "codec", cam.codec().key() + " by " + cam.encoder() + " "
                    + enc.bitrateProperty() + "=" + enc.bitrateValue(cam.bitrateKbps()) + " over "
                    + cam.transport().key()));
        }

        if (cam.source() == SourceKind.V4L2) {
            out.add(device(id, Path.of(cam.device())));
        }

        if (missing.isEmpty()) {
            try {
                GstSupport.parse(spec.description()).dispose();
                out.add(PreflightCheck.ok(id, "description", "builds"));
            } catch (R58Exception e) {
                out.add(PreflightCheck.fail(id, "description", e.getMessage()));
            }
        }

        for (Output o : spec.outputs()) {
            if (o.kind() == Output.Kind.FILE) {
                out.addAll(recording(id, Path.of(o.target()), config.recording()));
            }
        }
        return out;
    }

    private static PreflightCheck device(String id, Path device) {
        if (!Files.exists(device)) {
            return PreflightCheck.fail(id, "device", device + " does not exist (HDMI input not present or driver not loaded)");
        }
        try {
            Object mode = Files.getAttribute(device, "unix:mode");
            if (mode instanceof Integer m && (m & S_IFMT) != S_IFCHR) {
                return PreflightCheck.fail(id, "device", device + " is not a character device");
            }
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            // no unix attribute view: the readability check below still applies
        }
        if (!Files.isReadable(device)) {
            return PreflightCheck.fail(id, "device", device + " is not readable by this user (video group?)");
        }
        return PreflightCheck.ok(id, "device", device + " present and readable");
    }

    private static List<PreflightCheck> recording(String id, Path file, Config.RecordingSettings limits) {
        List<PreflightCheck> out = new ArrayList<>();
        if (Files.exists(file)) {
            out.add(PreflightCheck.fail(id, "recording", file + " already exists; r58ctl never overwrites a recording"));
            return out;
        }
        Path dir = file.toAbsolutePath().getParent();
        Path existing = dir;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null || !Files.isDirectory(existing) || !Files.isWritable(existing)) {
            out.add(PreflightCheck.fail(id, "recording", (existing == null ? dir : existing) + " is not a writable directory"));
            return out;
        }
        try {
            long free = Files.getFileStore(existing).getUsableSpace();
            String freeText = (free >> 20) + " MiB free";
            dev.r58ctl.monitor.DiskLimits d = dev.r58ctl.monitor.DiskLimits.of(limits);
            if (free < d.minBytes()) {
                out.add(PreflightCheck.fail(id, "recording", dir + ": only " + freeText + ", below " + d.minText()));
            } else if (free < d.warningBytes()) {
                out.add(PreflightCheck.warn(id, "recording", dir + ": only " + freeText + ", below "
                        + d.warningText()));
            } else {
                out.add(PreflightCheck.ok(id, "recording", dir + (existing.equals(dir) ? "" : " (will be created)")
                        + " writable, " + freeText));
            }
        } catch (IOException | RuntimeException e) {
            // a mount that cannot be resolved (a chroot, a container) says nothing about the disk: a warning only
            out.add(PreflightCheck.warn(id, "recording", dir + ": cannot read free space: " + e.getMessage()));
        }
        // only MP4 is written unfragmented: a .mov is fragmented (see Output), Matroska readable as written
        if (file.toString().toLowerCase().endsWith(".mp4")) {
            out.add(PreflightCheck.warn(id, "container", "MP4 is unreadable if the pipeline dies before EOS "
                    + "(a kernel Oops, a power cut); Matroska (.mkv) and QuickTime (.mov) keep what was written"));
        }
        return out;
    }
}
