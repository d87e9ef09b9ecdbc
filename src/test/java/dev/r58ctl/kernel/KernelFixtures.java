package dev.r58ctl.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Loads the recorded kernel lines in src/test/resources/kernel/. */
final class KernelFixtures {
    /** One line of an expectation file: the pattern id and severity it must get, or null for ordinary. */
    record Expected(String id, Severity severity, String text) {
        @Override
        public String toString() {
            return (id == null ? "ordinary" : id + "/" + severity) + ": " + text;
        }
    }

    private KernelFixtures() {
    }

    /** The raw lines of a fixture, exactly as stored (blank lines included). */
    static List<String> lines(String name) {
        try (InputStream in = KernelFixtures.class.getResourceAsStream("/kernel/" + name)) {
            assertNotNull(in, "missing test resource kernel/" + name);
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            List<String> all = new ArrayList<>(List.of(text.split("\n", -1)));
            if (text.endsWith("\n")) {
                all.remove(all.size() - 1); // the empty string after the last newline is not a line
            }
            return all;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The fixture through {@link KernelText#fromText}, numbered from 1 as a file reader would. */
    static List<KernelLine> kernelLines(String name) {
        List<KernelLine> out = new ArrayList<>();
        long seq = 0;
        for (String raw : lines(name)) {
            out.add(KernelText.fromText(raw, ++seq, 1_734_615_881_000L + seq));
        }
        return out;
    }

    /** An expectation file: "id|SEVERITY|text", "-|-|text" for ordinary, '#' comments. */
    static List<Expected> expectations(String name) {
        List<Expected> out = new ArrayList<>();
        for (String line : lines(name)) {
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\\|", 3);
            assertEquals(3, f.length, "bad expectation line: " + line);
            boolean ordinary = f[0].equals("-");
            out.add(new Expected(ordinary ? null : f[0], ordinary ? null : Severity.parse(f[1]), f[2]));
        }
        return out;
    }
}
