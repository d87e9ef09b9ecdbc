package dev.r58ctl.pipeline;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Counts the whole top-level boxes of a QuickTime file that is still being written, so a test can wait until
 * qtmux has written some fragments instead of sleeping. A box that runs past the end of the file so far is
 * not counted.
 */
final class MovBoxes {
    private MovBoxes() {
    }

    /** How many whole top-level boxes of any of the given types (e.g. "moov", "moof") the file holds. */
    static int count(Path file, String... types) throws IOException {
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
}
