package dev.r58ctl.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Tells a Matroska recording finalised by EOS from one cut short: matroskamux writes its Cues (the index) only at
 * EOS, while a cut file still reads back up to its last cluster.
 */
public final class MatroskaCues {
    /** The Cues element's id. */
    private static final byte[] CUES = {0x1c, 0x53, (byte) 0xbb, 0x6b};

    private MatroskaCues() {
    }

    public static boolean written(Path file) throws IOException {
        byte[] data = Files.readAllBytes(file);
        outer:
        for (int i = 0; i + CUES.length <= data.length; i++) {
            for (int j = 0; j < CUES.length; j++) {
                if (data[i + j] != CUES[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
