package dev.r58ctl.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The sampling filter finds the earliest occurrence a plain search finds, whatever the strings' lengths. */
class LiteralFilterTest {
    private static int naive(byte[] b, int from, int to, List<byte[]> literals) {
        for (int s = from; s < to; s++) {
            for (byte[] l : literals) {
                if (s + l.length <= to && Arrays.equals(b, s, s + l.length, l, 0, l.length)) {
                    return s;
                }
            }
        }
        return to;
    }

    private static List<byte[]> bytes(String... literals) {
        return Arrays.stream(literals).map(l -> l.getBytes(StandardCharsets.UTF_8)).toList();
    }

    @Test
    void findsTheEarliestOccurrenceAsAPlainSearchDoes() {
        Random random = new Random(11);
        byte[] alphabet = "abcfilrstBUG: \n\u00ff".getBytes(StandardCharsets.ISO_8859_1);
        for (int round = 0; round < 400; round++) {
            List<byte[]> literals = new ArrayList<>();
            for (int n = 1 + random.nextInt(6); n > 0; n--) {
                byte[] l = new byte[1 + random.nextInt(round % 7 + 1)];
                for (int i = 0; i < l.length; i++) {
                    l[i] = alphabet[random.nextInt(alphabet.length)];
                }
                literals.add(l);
            }
            LiteralFilter filter = new LiteralFilter(literals);
            byte[] text = new byte[random.nextInt(300)];
            for (int i = 0; i < text.length; i++) {
                text[i] = alphabet[random.nextInt(alphabet.length)];
            }
            for (int tries = 0; tries < 20; tries++) {
                int from = text.length == 0 ? 0 : random.nextInt(text.length + 1);
                int to = from + random.nextInt(text.length - from + 1);
                assertEquals(naive(text, from, to, literals), filter.first(text, from, to),
                        () -> literals.stream().map(l -> new String(l, StandardCharsets.ISO_8859_1)).toList()
                                + " in " + new String(text, StandardCharsets.ISO_8859_1));
            }
        }
    }

    @Test
    void theDefaultLiteralsInALongTextOfChatter() {
        List<byte[]> literals = new ArrayList<>();
        KernelPatterns.DEFAULTS.forEach(p -> literals.addAll(bytes(p.literals().toArray(String[]::new))));
        LiteralFilter filter = new LiteralFilter(literals);
        String chatter = String.join("\n", KernelFixtures.kernelLines("chatter-rk3588.txt").stream()
                .map(KernelLine::text).toList());
        byte[] text = (chatter + "\n[ 1.0] Oops: x\n" + chatter + "BUG:").getBytes(StandardCharsets.UTF_8);
        int found = 0;
        for (int at = 0; at < text.length; at = filter.first(text, at, text.length) + 1) {
            assertEquals(naive(text, at, text.length, literals), filter.first(text, at, text.length));
            found++;
        }
        assertTrue(found > 2, "found " + found);
    }

    @Test
    void noStringsFindNothingAndAnEmptyOneIsRefused() {
        assertEquals(7, new LiteralFilter(List.of()).first(new byte[10], 2, 7));
        assertThrows(IllegalArgumentException.class, () -> new LiteralFilter(bytes("ok", "")));
    }
}
