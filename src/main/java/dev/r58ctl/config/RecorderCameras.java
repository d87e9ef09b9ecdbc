package dev.r58ctl.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Works out the cameras when {@code recorder.config} names the recorder's file. The recorder's file is
 * authoritative for its own keys (device, resolution, bitrate, codec, output_path...); r58ctl's entry for a camera
 * adds r58ctl's keys (framerate, encoder, transport, source, format, rtp_port). When the file gives no cameras, they
 * come from r58ctl's own {@code cameras:} (its recorder keys are for that case), else from the built-in ones. Every
 * problem is a note on the camera it concerns; nothing here throws.
 */
final class RecorderCameras {
    private final Platform platform;
    private final Map<Platform, Map<Codec, String>> codecs;
    private final Map<String, YamlNode> own;
    private final Path ownFile;
    private final Map<String, YamlNode> builtIn;

    /**
     * @param own     r58ctl's camera entries, already checked
     * @param ownFile r58ctl's file, or null when the built-in defaults are in use
     * @param builtIn the built-in cameras
     */
    RecorderCameras(Platform platform, Map<Platform, Map<Codec, String>> codecs, Map<String, YamlNode> own,
                    Path ownFile, Map<String, YamlNode> builtIn) {
        this.platform = platform;
        this.codecs = codecs;
        this.own = own;
        this.ownFile = ownFile;
        this.builtIn = builtIn;
    }

    CameraList.Resolved resolve(Path recorderPath) {
        RecorderFile file = RecorderFile.read(recorderPath);
        CameraReader reader = new CameraReader(platform, codecs);
        List<Camera> cameras = new ArrayList<>();
        List<ConfigProblem> notes = new ArrayList<>(file.notes());
        Path from;
        if (file.cameras() != null) {
            from = recorderPath;
            for (Map.Entry<String, YamlNode> e : own.entrySet()) {
                if (!file.cameras().containsKey(e.getKey())) {
                    notes.add(e.getValue().problem("not a camera of the recorder's file (it has "
                            + String.join(", ", file.cameras().keySet()) + "); ignored"));
                }
            }
            int index = 0;
            for (Map.Entry<String, YamlNode> e : file.cameras().entrySet()) {
                List<ConfigProblem> listing = new ArrayList<>(file.problemsOf(e.getKey()));
                Map<String, YamlNode> keys = new LinkedHashMap<>();
                e.getValue().lenientMap(listing::add).forEach((k, v) -> {
                    if (CameraReader.RECORDER_KEYS.contains(k)) {
                        keys.put(k, v); // the recorder's other keys (preview_bitrate...) are its own business
                    }
                });
                YamlNode overlay = own.get(e.getKey());
                if (overlay != null) {
                    overlay.map().forEach((k, v) -> {
                        if (CameraReader.OWN_KEYS.contains(k)) {
                            keys.put(k, v);
                        }
                    });
                }
                cameras.add(reader.read(e.getValue(), keys, index++, CameraReader.Mode.LENIENT, listing));
            }
        } else {
            boolean fromOwn = !own.isEmpty() && ownFile != null;
            from = fromOwn ? ownFile : null;
            int index = 0;
            for (YamlNode cam : (fromOwn ? own : builtIn).values()) {
                List<ConfigProblem> listing = new ArrayList<>();
                Map<String, YamlNode> keys = cam.lenientMap(listing::add);
                cameras.add(reader.read(cam, keys, index++, CameraReader.Mode.LENIENT, listing));
            }
        }
        return new CameraList.Resolved(List.copyOf(cameras), from, recorderPath, file.warning(), List.copyOf(notes),
                file.recording(), file.platform());
    }
}
