package dev.r58ctl.kernel;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A generated kernel log of the awkward cases, for comparing readers: recorded chatter and trouble in every
 * text shape KernelText accepts, odd and broken timestamps, reports with continuation lines, other scripts
 * and emoji, malformed UTF-8 (also right before a literal), CRLF, blank lines, lines longer than the reader's
 * buffer, and a last line without its newline.
 */
final class AwkwardLog {
    private static final String[] ODD_STAMPS = {"[ 12345678901234.5] ", "[12.] ", "[.5] ", "[ 1.2345678] ",
        "[1.5]", "[abc] ", "[  1.5 ] ", "[-1.5] ", "<12>[  1.000000] ", "<1234>[1.0] ", "<>[1.0] ", "<6>",
        "[  494.442336][ T1234] ", "[  494.442336] [C3] ", "[ 1.0]", "[", "[ 99.000001", "\t[ 1.0] "};
    private static final String[] OTHER_SCRIPTS = {"usb 1-1: Product: Kamera Überwachung ü", "设备 rkvenc 错误 0x3",
        "设备 ok", "Fehlschlag ü in mpp", "🔥 hot CPU 😀 naïve café", "ｆａｉｌ wide letters", "Überlauf im Puffer",
        "mpp: dévice fault ñ", "\uFFFD\uFFFD replacement characters as text", "rkvenc: tïmeout on core 1"};
    private static final byte[][] MALFORMED = {{(byte) 0xC3, 0x28}, {(byte) 0xFF}, {(byte) 0x80},
        {(byte) 0xE2, (byte) 0x82}, {(byte) 0xF0, (byte) 0x9F, (byte) 0x98}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
        {(byte) 0xC0, (byte) 0xAF}};

    private AwkwardLog() {
    }

    static byte[] generate(Random random, int lines) {
        List<String> chatter = KernelFixtures.kernelLines("chatter-rk3588.txt").stream().map(KernelLine::text).toList();
        List<String> trouble = new ArrayList<>();
        for (String name : List.of("trouble-lines.txt", "lava-patterns.txt")) {
            KernelFixtures.expectations(name).forEach(e -> trouble.add(e.text()));
        }
        List<String> report = KernelFixtures.kernelLines("oops-rk3588-mpp.txt").stream().map(KernelLine::text).toList();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long micros = 0;
        for (int i = 0; i < lines; i++) {
            micros += random.nextInt(10) == 0 ? 3_000_000 : random.nextInt(50_000);
            String stamp = String.format("[%5d.%06d] ", micros / 1_000_000, micros % 1_000_000);
            int kind = random.nextInt(100);
            if (kind < 3) { // a whole report, with its indented continuation lines
                for (String r : report) {
                    write(out, stamp + r, random);
                }
                continue;
            }
            String text = kind < 60 ? chatter.get(random.nextInt(chatter.size()))
                    : kind < 75 ? trouble.get(random.nextInt(trouble.size()))
                    : kind < 85 ? OTHER_SCRIPTS[random.nextInt(OTHER_SCRIPTS.length)]
                    : kind < 88 ? "    " + chatter.get(random.nextInt(chatter.size())) // looks like a report's body
                    : kind < 90 ? "" : null;
            if (text == null) { // malformed bytes, sometimes right before a literal
                out.writeBytes(stamp.getBytes(StandardCharsets.UTF_8));
                out.writeBytes(MALFORMED[random.nextInt(MALFORMED.length)]);
                write(out, random.nextBoolean() ? trouble.get(random.nextInt(trouble.size()))
                        : chatter.get(random.nextInt(chatter.size())), random);
                continue;
            }
            String shaped = switch (random.nextInt(12)) {
                case 0 -> ODD_STAMPS[random.nextInt(ODD_STAMPS.length)] + text;
                case 1 -> "Dec 19 14:53:0" + random.nextInt(10) + " r58 kernel: " + text;
                case 2 -> "Message from syslogd@r58 at Dec 19 14:53:01 ...";
                case 3 -> " kernel:" + stamp + text;
                case 4 -> "<" + random.nextInt(8) + ">" + stamp + text;
                default -> stamp + text;
            };
            write(out, shaped, random);
        }
        // longer than the reader's buffer: one ordinary, one with trouble at its very end
        write(out, "[ 9000.000000] " + "x".repeat(300_000), random);
        write(out, "[ 9000.000001] " + "é".repeat(200_000) + " Kernel panic - not syncing: Fatal exception", random);
        out.writeBytes("[ 9001.000000] BUG: soft lockup - CPU#0 stuck for 22s! [kworker/0:1:58]".getBytes(
                StandardCharsets.UTF_8)); // torn: no newline
        return out.toByteArray();
    }

    private static void write(ByteArrayOutputStream out, String line, Random random) {
        out.writeBytes(line.getBytes(StandardCharsets.UTF_8));
        int end = random.nextInt(20);
        out.writeBytes((end == 0 ? "\r\n" : end == 1 ? "\r\r\n" : "\n").getBytes(StandardCharsets.UTF_8));
    }
}
