package dev.r58ctl.testsupport;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Counts the whole top-level boxes of a QuickTime file that is still being written, so a test can wait until
 * qtmux has written some fragments instead of sleeping. A box that runs past the end of the file so far is
 * not counted. {@link #finalised} tells a recording stopped with EOS from one cut short.
 */
public final class MovBoxes {
    private MovBoxes() {
    }

    /** How many whole top-level boxes of any of the given types (e.g. "moov", "moof") the file holds. */
    public static int count(Path file, String... types) throws IOException {
        int n = 0;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long end = ch.size();
            long at = 0;
            ByteBuffer header = ByteBuffer.allocate(16);
            while (at + 8 <= end) {
                header.clear();
                ch.read(header, at);
                long size = Integer.toUnsignedLong(header.getInt(0));
                String type = new String(header.array(), 4, 4, StandardCharsets.ISO_8859_1);
                if (size == 1) {
                    size = header.getLong(8); // a 64-bit size follows the type
                }
                // size 0 means "to the end of the file": a box still being written
                if (size < 8 || at + size > end) {
                    break;
                }
                for (String t : types) {
                    if (t.equals(type)) {
                        n++;
                    }
                }
                at += size;
            }
        }
        return n;
    }

    /**
     * True when qtmux finalised the file at EOS: one moov holding every sample, no fragment left, and the last box
     * ending exactly at the end of the file. A recording cut short (kill -9, a JVM that did not wait) fails it.
     */
    public static boolean finalised(Path file) throws IOException {
        return count(file, "moov") == 1 && count(file, "moof") == 0 && wholeToTheEnd(file);
    }

    private static boolean wholeToTheEnd(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long end = ch.size();
            long at = 0;
            ByteBuffer header = ByteBuffer.allocate(16);
            while (at + 8 <= end) {
                header.clear();
                ch.read(header, at);
                long size = Integer.toUnsignedLong(header.getInt(0));
                if (size == 1) {
                    size = header.getLong(8);
                }
                if (size < 8 || at + size > end) {
                    return false;
                }
                at += size;
            }
            return at == end;
        }
    }
}
