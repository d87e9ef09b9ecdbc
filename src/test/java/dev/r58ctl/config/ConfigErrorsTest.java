package dev.r58ctl.config;

import static dev.r58ctl.config.ConfigFixtures.assertFailure;
import static dev.r58ctl.config.ConfigFixtures.failure;
import static dev.r58ctl.config.ConfigFixtures.genericCompatible;
import static dev.r58ctl.config.ConfigFixtures.loader;
import static dev.r58ctl.config.ConfigFixtures.r58Compatible;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One test per validation rule, each asserting the exact one-line message {@code FILE:LINE: key.path: problem}.
 * Every file sets {@code recorder.config: null} so that the machine's recorder file plays no part.
 */
class ConfigErrorsTest {
    private static final String ENCODERS = "x264enc, x265enc, mpph264enc, mpph265enc";
    private static final String CAMERA_KEYS = "device, resolution, bitrate, recording_bitrate, codec, output_path, mediamtx_enabled, "
            + "mediamtx_path, enabled, framerate, encoder, transport, source, format, rtp_port";

    @TempDir
    Path tmp;
    Path home;
    Path file;

    @BeforeEach
    void setUp() throws Exception {
        home = Files.createDirectories(tmp.resolve("home"));
        file = tmp.resolve("config.yml");
    }

    /** Loads {@code yaml} on the generic platform and asserts the message {@code FILE:tail}. */
    private void fails(String yaml, String tail) throws Exception {
        Files.writeString(file, yaml);
        assertFailure(file + ":" + tail, loader(file, genericCompatible(tmp), home));
    }

    private void failsOnR58(String yaml, String tail) throws Exception {
        Files.writeString(file, yaml);
        assertFailure(file + ":" + tail, loader(file, r58Compatible(tmp), home));
    }

    private Config loads(String yaml) throws Exception {
        Files.writeString(file, yaml);
        return loader(file, genericCompatible(tmp), home).load();
    }

    // --- bitrate, framerate ---------------------------------------------------------------------------------

    @Test
    void bitrateMustBeANumber() throws Exception {
        fails("""
                # r58ctl test configuration
                platform: generic
                recorder:
                  config: null
                cameras:
                  cam0:
                    device: /dev/video0
                    codec: h264
                  cam1:
                    device: /dev/video60
                    codec: h265
                  cam2:
                    device: /dev/video11
                    bitrate: fast
                """, "14: cameras.cam2.bitrate: expected kbit/s as a whole number, got \"fast\"");
    }

    @Test
    void bitrateMustBeWhole() throws Exception {
        fails("""
                recorder: {config: null}
                cameras:
                  cam0: {bitrate: 5000.5}
                """, "3: cameras.cam0.bitrate: expected kbit/s as a whole number, got \"5000.5\"");
    }

    @Test
    void bitrateIsInKbitPerSecond() throws Exception {
        // 18000000 is bit/s: a factor of 1000 too high.
        fails("""
                recorder: {config: null}
                cameras:
                  cam0:
                    bitrate: 18000000
                """, "4: cameras.cam0.bitrate: expected kbit/s as a whole number between 64 and 400000, got 18000000");
    }

    @Test
    void framerateRange() throws Exception {
        fails("""
                recorder: {config: null}
                cameras:
                  cam0:
                    framerate: 0
                """, "4: cameras.cam0.framerate: expected frames per second as a whole number between 1 and 120, got 0");
    }

    // --- camera ids -------------------------------------------------------------------------------------------

    @Test
    void duplicateCameraId() throws Exception {
        fails("""
                recorder:
                  config: null
                cameras:
                  cam0:
                    device: /dev/video0
                  cam1:
                    device: /dev/video60
                  cam0:
                    device: /dev/video11
                """, "8: cameras.cam0: duplicate key (first at line 4)");
    }

    @Test
    void duplicateKeyInsideACamera() throws Exception {
        fails("""
                recorder:
                  config: null
                cameras:
                  cam0:
                    bitrate: 8000
                    codec: h264
                    bitrate: 9000
                """, "7: cameras.cam0.bitrate: duplicate key (first at line 5)");
    }

    @Test
    void duplicateTopLevelKey() throws Exception {
        fails("""
                platform: auto
                recorder:
                  config: null
                platform: r58
                """, "4: platform: duplicate key (first at line 1)");
    }

    @Test
    void cameraIdCharacters() throws Exception {
        fails("""
                recorder: {config: null}
                cameras:
                  "cam 0": {device: /dev/video0}
                """, "3: cameras.cam 0: camera id must be 1-16 letters, digits, _ or -, starting with a letter or digit");
    }

    @Test
    void cameraMustBeAMapping() throws Exception {
        fails("""
                recorder: {config: null}
                cameras:
                  cam0: /dev/video0
                """, "3: cameras.cam0: expected a mapping of keys to values, got \"/dev/video0\"");
    }

    @Test
    void camerasMustBeAMapping() throws Exception {
        fails("""
                recorder: {config: null}
                cameras:
                  - cam0
                """, "2: cameras: expected a mapping of keys to values, got a list");
    }

    // --- resolution, codec, transport ------------------------------------------------------------------------

    @Test
    void resolutionWithStar() throws Exception {
        fails("""
                recorder: {config: null}
                cameras:
                  cam0:
                    device: /dev/video0
                    resolution: "1920*1080"
                """, "5: cameras.cam0.resolution: expected WIDTHxHEIGHT such as 1920x1080, got \"1920*1080\"");
    }

    @Test
    void resolutionByName() throws Exception {
        fails("""
                recorder: {config: null}
                cameras:
                  cam0:
                    device: /dev/video0
                    resolution: fullhd
                """, "5: cameras.cam0.resolution: expected WIDTHxHEIGHT such as 1920x1080, got \"fullhd\"");
    }

    @Test
    void resolutionOddSize() throws Exception {
        fails("""
                recorder: {config: null}
                cameras:
                  cam0:
                    resolution: 1921x1080
                """, "4: cameras.cam0.resolution: expected even sizes from 16x16 to 7680x4320, got 1921x1080");
    }

    @Test
    void unknownCodec() throws Exception {
        fails("""
                recorder: {config: null}
                cameras:
                  cam0:
                    device: /dev/video0
                    codec: h266
                """, "5: cameras.cam0.codec: expected one of h264, h265, got \"h266\"");
    }

    @Test
    void rtmpCannotCarryH265() throws Exception {
        fails("""
                recorder: {config: null}
                cameras:
                  cam1:
                    device: /dev/video60
                    codec: h265
                    transport: rtmp
                """, "6: cameras.cam1.transport: H.265 cannot go over rtmp: FLV carries H.264 only; "
                + "use transport: rtsp or rtp");
    }

    @Test
    void unknownTransport() throws Exception {
        fails("""
                recorder: {config: null}
                cameras:
                  cam0:
                    transport: srt
                """, "4: cameras.cam0.transport: expected one of none, rtsp, rtmp, rtp, got \"srt\"");
    }

    @Test
    void unknownSource() throws Exception {
        fails("""
                recorder: {config: null}
                cameras:
                  cam0:
                    source: camera
                """, "4: cameras.cam0.source: expected one of v4l2, test, got \"camera\"");
    }

    @Test
    void enabledMustBeABoolean() throws Exception {
        // YAML 1.2 core schema: yes is a string.
        fails("""
                recorder: {config: null}
                cameras:
                  cam0:
                    enabled: yes
                """, "4: cameras.cam0.enabled: expected true or false, got \"yes\"");
    }

    @Test
    void pixelFormat() throws Exception {
        fails("""
                recorder: {config: null}
                cameras:
                  cam0:
                    format: nv12
                """, "4: cameras.cam0.format: expected a raw pixel format such as NV12 or NV16, got \"nv12\"");
    }

    @Test
    void mediamtxPath() throws Exception {
        fails("""
                recorder: {config: null}
                cameras:
                  cam0:
                    mediamtx_path: ../cam1
                """, "4: cameras.cam0.mediamtx_path: expected a MediaMTX path name (letters, digits, _ . ~ - /), "
                + "got \"../cam1\"");
    }

    // --- device -----------------------------------------------------------------------------------------------

    @Test
    void deviceWithoutDevPath() throws Exception {
        fails("""
                recorder: {config: null}
                cameras:
                  cam0:
                    device: video0
                """, "4: cameras.cam0.device: expected a device path such as /dev/video0, got \"video0\"");
    }

    @Test
    void deviceWithPipelineInjection() throws Exception {
        fails("""
                recorder: {config: null}
                cameras:
                  cam0:
                    codec: h264
                    device: /dev/video0 ! filesink location=/tmp/x
                """, "5: cameras.cam0.device: expected a device path such as /dev/video0, "
                + "got \"/dev/video0 ! filesink location=/tmp/x\"");
    }

    @Test
    void deviceWithDotDot() throws Exception {
        fails("""
                recorder: {config: null}
                cameras:
                  cam0:
                    device: /dev/../etc/passwd
                """, "4: cameras.cam0.device: expected a device path such as /dev/video0, got \"/dev/../etc/passwd\"");
    }

    @Test
    void deviceRequiredForV4l2OnR58() throws Exception {
        failsOnR58("""
                recorder: {config: null}
                cameras:
                  cam0: {codec: h264}
                """, "3: cameras.cam0: device: required for a v4l2 source (e.g. /dev/video0)");
    }

    // --- unknown keys -----------------------------------------------------------------------------------------

    @Test
    void unknownKeyInsideACamera() throws Exception {
        Files.writeString(file, """
                recorder: {config: null}
                cameras:
                  cam0:
                    device: /dev/video0
                    colour: red
                """);
        String msg = failure(loader(file, genericCompatible(tmp), home));
        String prefix = file + ":5: cameras.cam0.colour: unknown key; allowed here: ";
        assertTrue(msg.startsWith(prefix), msg);
        assertEquals(Set.of(CAMERA_KEYS.split(", ")),
                Arrays.stream(msg.substring(prefix.length()).split(", ")).collect(Collectors.toSet()));
    }

    @Test
    void unknownKeyInsideACameraListsAllowedKeysInDocumentedOrder() throws Exception {
        fails("""
                recorder: {config: null}
                cameras:
                  cam0:
                    device: /dev/video0
                    colour: red
                """, "5: cameras.cam0.colour: unknown key; allowed here: " + CAMERA_KEYS);
    }

    @Test
    void unknownTopLevelKey() throws Exception {
        fails("""
                platform: auto
                recorder:
                  config: null
                log_level: INFO
                """, "4: log_level: unknown key; allowed here: " + String.join(", ", ConfigLoader.TOP_KEYS));
    }

    @Test
    void unknownKeyInsideRecorder() throws Exception {
        fails("""
                recorder:
                  config: null
                  url: http://127.0.0.1:8000
                """, "3: recorder.url: unknown key; allowed here: repo, config, service, health_url, status_url, "
                + "fix_log, service_manager, service_command, health_timeout_ms");
    }

    // --- service manager, service command, health timeout ------------------------------------------------------

    @Test
    void serviceManagerIsSystemdOrProcess() throws Exception {
        fails("""
                recorder:
                  config: null
                  service_manager: docker
                """, "3: recorder.service_manager: expected systemd or process, got \"docker\"");
    }

    @Test
    void processManagerNeedsACommand() throws Exception {
        fails("""
                recorder:
                  config: null
                  service_manager: process
                """, "3: recorder.service_manager: process needs recorder.service_command: [PROGRAM, ARG...]");
    }

    @Test
    void serviceCommandIsNeverAShellString() throws Exception {
        fails("""
                recorder:
                  config: null
                  service_manager: process
                  service_command: "python3 app.py > /tmp/log"
                """, "4: recorder.service_command: expected an argument list such as [/usr/bin/python3, -m, app], "
                + "got \"python3 app.py > /tmp/log\"; r58ctl never runs a shell string");
    }

    @Test
    void serviceCommandProgramIsAbsolute() throws Exception {
        fails("""
                recorder:
                  config: null
                  service_manager: process
                  service_command: [python3, app.py]
                """, "4: recorder.service_command[0]: expected the program as an absolute path, got \"python3\"");
    }

    @Test
    void healthTimeoutIsBounded() throws Exception {
        fails("""
                recorder:
                  config: null
                  health_timeout_ms: 5
                """, "3: recorder.health_timeout_ms: expected milliseconds between 100 and 600000, got 5");
    }

    @Test
    void processSettingsLoad() throws Exception {
        Config c = loads("""
                recorder:
                  config: null
                  service_manager: process
                  service_command: [/usr/bin/python3, -m, http.server, "8000"]
                  health_timeout_ms: 2500
                """);
        assertEquals("process", c.recorder().serviceManager());
        assertEquals(java.util.List.of("/usr/bin/python3", "-m", "http.server", "8000"), c.recorder().serviceCommand());
        assertEquals(2500, c.recorder().healthTimeoutMs());
    }

    @Test
    void unknownKeyInsideMediamtx() throws Exception {
        fails("""
                recorder: {config: null}
                mediamtx:
                  srt_port: 8890
                """, "3: mediamtx.srt_port: unknown key; allowed here: host, rtsp_port, rtmp_port, api_url, read_url");
    }

    @Test
    void unknownKeyInsideKernelLog() throws Exception {
        fails("""
                recorder: {config: null}
                kernel_log:
                  path: /var/log/kern.log
                """, "3: kernel_log.path: unknown key; allowed here: source, previous_boot, boot_id_file, patterns");
    }

    // --- encoders ---------------------------------------------------------------------------------------------

    @Test
    void h264EncoderOnH265Camera() throws Exception {
        fails("""
                recorder: {config: null}
                cameras:
                  cam1:
                    codec: h265
                    encoder: x264enc
                """, "5: cameras.cam1.encoder: x264enc encodes h264 but the camera's codec is h265");
    }

    @Test
    void unknownEncoderElementOnCamera() throws Exception {
        fails("""
                recorder: {config: null}
                cameras:
                  cam0:
                    encoder: nvh264enc
                """, "4: cameras.cam0.encoder: unknown encoder \"nvh264enc\"; expected one of " + ENCODERS);
    }

    @Test
    void unknownEncoderElementUnderEncoders() throws Exception {
        fails("""
                recorder: {config: null}
                encoders:
                  x264enc: {tune: zerolatency}
                  nvh264enc: {preset: low-latency}
                """, "4: encoders.nvh264enc: unknown encoder; expected one of " + ENCODERS);
    }

    @Test
    void unknownEncoderElementUnderEncodersInBlockStyle() throws Exception {
        fails("""
                recorder: {config: null}
                encoders:
                  x264enc: {tune: zerolatency}
                  nvh264enc:
                    preset: low-latency
                """, "4: encoders.nvh264enc: unknown encoder; expected one of " + ENCODERS);
    }

    @Test
    void unknownEncoderElementUnderCodecs() throws Exception {
        fails("""
                recorder: {config: null}
                codecs:
                  r58: {h264: nvh264enc}
                """, "3: codecs.r58.h264: unknown encoder \"nvh264enc\"; expected one of " + ENCODERS);
    }

    @Test
    void wrongCodecUnderCodecs() throws Exception {
        fails("""
                recorder: {config: null}
                codecs:
                  generic:
                    h264: x265enc
                """, "4: codecs.generic.h264: x265enc encodes h265, not h264");
    }

    @Test
    void unknownPlatformUnderCodecs() throws Exception {
        fails("""
                recorder: {config: null}
                codecs:
                  pc: {h264: x264enc}
                """, "3: codecs.pc: unknown key; allowed here: r58, generic");
    }

    @Test
    void bitrateUnderX264encIsRefused() throws Exception {
        fails("""
                recorder: {config: null}
                encoders:
                  x264enc:
                    tune: zerolatency
                    bitrate: 8000
                """, "5: encoders.x264enc.bitrate: the bitrate comes from each camera's bitrate (kbit/s); "
                + "r58ctl sets bitrate from it");
    }

    @Test
    void bpsUnderMppEncoderIsRefused() throws Exception {
        fails("""
                recorder: {config: null}
                encoders:
                  mpph264enc: {rc-mode: cbr, bps: 8000000}
                """, "3: encoders.mpph264enc.bps: the bitrate comes from each camera's bitrate (kbit/s); "
                + "r58ctl sets bps from it");
    }

    @Test
    void bitrateUnderMppEncoderIsRefused() throws Exception {
        fails("""
                recorder: {config: null}
                encoders:
                  mpph265enc:
                    bitrate: 18000
                """, "4: encoders.mpph265enc.bitrate: the bitrate comes from each camera's bitrate (kbit/s); "
                + "r58ctl sets bps from it");
    }

    @Test
    void encoderPropertyName() throws Exception {
        fails("""
                recorder: {config: null}
                encoders:
                  x264enc: {Tune: zerolatency}
                """, "3: encoders.x264enc.Tune: not a property name (lower-case letters, digits and -)");
    }

    @Test
    void encoderPropertyValueCannotInjectPipelineSyntax() throws Exception {
        fails("""
                recorder: {config: null}
                encoders:
                  x264enc:
                    tune: "zerolatency ! filesink location=/tmp/x"
                """, "4: encoders.x264enc.tune: expected a plain value (letters, digits, _ . + : / - and spaces), "
                + "got \"zerolatency ! filesink location=/tmp/x\"");
    }

    // --- output_path ------------------------------------------------------------------------------------------

    @Test
    void outputPathRelative() throws Exception {
        fails("""
                recorder: {config: null}
                cameras:
                  cam0:
                    output_path: recordings/cam0/recording_%Y%m%d_%H%M%S.mkv
                """, "4: cameras.cam0.output_path: expected an absolute path, "
                + "got \"recordings/cam0/recording_%Y%m%d_%H%M%S.mkv\"");
    }

    @Test
    void outputPathUnsupportedStrftimeDirective() throws Exception {
        fails("""
                recorder: {config: null}
                cameras:
                  cam0:
                    output_path: /mnt/sdcard/recordings/cam0/recording_%Q.mkv
                """, "4: cameras.cam0.output_path: strftime pattern: unsupported directive %Q "
                + "(supported: %Y %y %m %d %H %M %S %j %b %B %a %A %p %%), "
                + "got \"/mnt/sdcard/recordings/cam0/recording_%Q.mkv\"");
    }

    @Test
    void outputPathWrongExtension() throws Exception {
        fails("""
                recorder: {config: null}
                cameras:
                  cam0:
                    output_path: /mnt/sdcard/recordings/cam0/recording_%Y%m%d_%H%M%S.avi
                """, "4: cameras.cam0.output_path: container .avi is not one r58ctl can record "
                + "(.mkv, .mp4, .mov)");
    }

    @Test
    void outputPathWithDotDot() throws Exception {
        fails("""
                recorder: {config: null}
                cameras:
                  cam0:
                    output_path: /mnt/sdcard/../../etc/cron.d/x.mkv
                """, "4: cameras.cam0.output_path: expected a plain absolute path without .. or control characters, "
                + "got \"/mnt/sdcard/../../etc/cron.d/x.mkv\"");
    }

    // --- top level settings -----------------------------------------------------------------------------------

    @Test
    void unknownPlatform() throws Exception {
        fails("""
                platform: pc
                recorder:
                  config: null
                """, "1: platform: expected auto, r58 or generic, got \"pc\"");
    }

    @Test
    void kernelLogSyslog() throws Exception {
        fails("""
                recorder: {config: null}
                kernel_log:
                  source: syslog
                """, "3: kernel_log.source: expected auto, kmsg, journalctl, dmesg or file:PATH, got \"syslog\"");
    }

    @Test
    void kernelLogFileWithoutPath() throws Exception {
        fails("""
                recorder: {config: null}
                kernel_log: {source: "file:"}
                """, "2: kernel_log.source: expected auto, kmsg, journalctl, dmesg or file:PATH, got \"file:\"");
    }

    @Test
    void mediamtxPort() throws Exception {
        fails("""
                recorder: {config: null}
                mediamtx:
                  rtsp_port: 70000
                """, "3: mediamtx.rtsp_port: expected a TCP port between 1 and 65535, got 70000");
    }

    @Test
    void healthUrlMustBeHttp() throws Exception {
        fails("""
                recorder:
                  config: null
                  health_url: ftp://127.0.0.1/health
                """, "3: recorder.health_url: expected an http:// URL, got \"ftp://127.0.0.1/health\"");
    }

    @Test
    void serviceNameCannotCarryShell() throws Exception {
        fails("""
                recorder:
                  config: null
                  service: "preke-recorder; reboot"
                """, "3: recorder.service: expected a systemd unit name, got \"preke-recorder; reboot\"");
    }

    @Test
    void fixLogMustStayInTheRepository() throws Exception {
        fails("""
                recorder:
                  config: null
                  fix_log: ../../etc/passwd
                """, "3: recorder.fix_log: expected a path inside the repository, got \"../../etc/passwd\"");
    }

    @Test
    void stateDirMustBeAString() throws Exception {
        fails("""
                recorder: {config: null}
                state_dir: [a, b]
                """, "2: state_dir: expected a directory, got a list");
    }

    // --- YAML syntax ------------------------------------------------------------------------------------------

    @Test
    void tabIndentation() throws Exception {
        fails("recorder: {config: null}\ncameras:\n  cam0:\n\tdevice: /dev/video0\n",
                "4: not valid YAML: found character '\\t(TAB)' that cannot start any token. "
                        + "(Do not use \\t(TAB) for indentation)");
    }

    @Test
    void badIndentation() throws Exception {
        fails("""
                platform: auto
                  state_dir: /tmp/x
                recorder: {config: null}
                """, "2: not valid YAML: mapping values are not allowed here");
    }

    @Test
    void unclosedBracket() throws Exception {
        fails("""
                platform: auto
                recorder: {config: null
                cameras:
                  cam0: {device: /dev/video0}
                """, "3: not valid YAML: expected ',' or '}', but got :");
    }

    @Test
    void unclosedBracketAtEndOfFileNamesAnExistingLine() throws Exception {
        fails("""
                recorder: {config: null}
                cameras: {cam0: {device: /dev/video0}
                """, "2: not valid YAML: expected ',' or '}', but got <stream end>");
    }

    @Test
    void minimalFileIsAllDefaults() throws Exception {
        Config c = loads("recorder: {config: null}\n");
        assertEquals(0, c.cameras().size());
        assertEquals("auto", c.platformSetting());
        assertEquals(Platform.GENERIC, c.platform());
    }

    // --- the file itself ----------------------------------------------------------------------------------------

    @Test
    void explicitFileMustExist() {
        Path missing = tmp.resolve("nope/config.yml");
        assertFailure(missing + ": no such configuration file", loader(missing, genericCompatible(tmp), home));
    }

    @Test
    void explicitFileGivenRelative() {
        Path missing = Path.of("no-such-dir-r58ctl-test/config.yml");
        assertFailure("no-such-dir-r58ctl-test/config.yml: no such configuration file",
                loader(missing, genericCompatible(tmp), home));
    }

    @Test
    void explicitFileMustBeAFile() {
        assertFailure(tmp + ": no such configuration file", loader(tmp, genericCompatible(tmp), home));
    }

    // --- rtp ports ----------------------------------------------------------------------------------------------

    @Test
    void duplicateRtpPort() throws Exception {
        fails("""
                recorder: {config: null}
                cameras:
                  cam0:
                    transport: rtp
                    rtp_port: 5010
                  cam1:
                    transport: rtp
                    rtp_port: 5010
                """, "8: cameras.cam1.rtp_port: rtp_port 5010 is already used by cam0");
    }

    @Test
    void explicitRtpPortCollidesWithDefault() throws Exception {
        fails("""
                recorder: {config: null}
                cameras:
                  cam0: {transport: rtp, rtp_port: 5002}
                  cam1: {transport: rtp}
                """, "4: cameras.cam1: rtp_port 5002 is already used by cam0");
    }

    @Test
    void samePortIsFineWhenOnlyOneCameraUsesRtp() throws Exception {
        Config c = loads("""
                recorder: {config: null}
                cameras:
                  cam0: {transport: rtp, rtp_port: 5010}
                  cam1: {transport: rtsp, rtp_port: 5010}
                """);
        assertEquals(5010, c.requireCamera("cam0").rtpPort());
        assertEquals(Transport.RTSP, c.requireCamera("cam1").transport());
    }

    @Test
    void rtpPortRange() throws Exception {
        fails("""
                recorder: {config: null}
                cameras:
                  cam0:
                    rtp_port: 65535
                """, "4: cameras.cam0.rtp_port: expected a UDP port between 1 and 65534, got 65535");
    }
}
