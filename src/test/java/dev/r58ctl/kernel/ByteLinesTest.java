package dev.r58ctl.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Counting and finding line ends eight bytes at a time gives what a byte-by-byte loop gives, for every byte value. */
class ByteLinesTest {
    @Test
    void newlinesAreCountedAndFoundExactly() {
        Random random = new Random(3);
        for (int round = 0; round < 2000; round++) {
            byte[] b = new byte[random.nextInt(100)];
            for (int i = 0; i < b.length; i++) {
                // every byte value, with line ends and their neighbours (0x0b, 0x09, 0x8a) often
                int pick = random.nextInt(6);
                b[i] = (byte) (pick == 0 ? '\n' : pick == 1 ? 0x0b : pick == 2 ? 0x8a : pick == 3 ? 0x09 : random.nextInt(256));
            }
            int from = random.nextInt(b.length + 1);
            int to = from + random.nextInt(b.length - from + 1);
            long count = 0;
            int last = from - 1;
            int first = to;
            for (int i = from; i < to; i++) {
                if (b[i] == '\n') {
                    count++;
                    last = i;
                    first = Math.min(first, i);
                }
            }
            assertEquals(count, ByteLines.newlines(b, from, to));
            assertEquals(last, ByteLines.lastNewline(b, from, to));
            assertEquals(first, ByteLines.newline(b, from, to));
        }
    }
}
