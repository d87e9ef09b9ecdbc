package dev.r58ctl.kernel;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The two ways a saved kernel log becomes kept lines, for comparing them: the old one (every line split,
 * decoded, parsed and classified, then classified again by the assembler) and the watch's (ordinary lines
 * passed over as bytes).
 */
final class KernelPaths {
    /** A line as a listener sees it, without the wall-clock time it was read. */
    record Seen(long seq, long micros, int priority, String text, String patternId, Severity severity) {
        static Seen of(KernelLine l, KernelClassifier.Match m) {
            return new Seen(l.seq(), l.monotonicMicros(), l.priority(), l.text(), m == null ? null : m.patternId(),
                    m == null ? null : m.severity());
        }
    }

    /** What a path produced: the lines heard, the incidents as they closed, and the last sequence number. */
    record Result(List<Seen> lines, List<String> incidents, long lastSeq) {
        List<Seen> classified() {
            return lines.stream().filter(s -> s.patternId() != null).toList();
        }
    }

    private KernelPaths() {
    }

    /**
     * The old path, written out plainly: split the bytes at '\n' (a complete line loses one '\r'), decode,
     * {@link KernelText#fromText}, classify, and the assembler classifying on its own.
     */
    static Result reference(byte[] file, KernelClassifier classifier) {
        List<Seen> lines = new ArrayList<>();
        List<String> incidents = new ArrayList<>();
        IncidentAssembler assembler = new IncidentAssembler(classifier, (event, incident, line) -> {
            if (event == IncidentListener.Event.CLOSED) {
                incidents.add(describe(incident));
            }
        });
        long seq = 0;
        int start = 0;
        for (int i = 0; i <= file.length; i++) {
            boolean end = i == file.length;
            if (!end && file[i] != '\n') {
                continue;
            }
            if (end && start == file.length) {
                break;
            }
            int to = !end && i > start && file[i - 1] == '\r' ? i - 1 : i;
            String raw = new String(Arrays.copyOfRange(file, start, to), StandardCharsets.UTF_8);
            KernelLine line = KernelText.fromText(raw, ++seq, 0);
            lines.add(Seen.of(line, classifier.classify(line.text())));
            assembler.accept(line);
            start = i + 1;
        }
        assembler.flush();
        return new Result(lines, incidents, seq == 0 ? -1 : seq);
    }

    /** A dump-mode watch over the file; {@code everyLine} says whether its listener takes ordinary lines. */
    static Result watch(Path file, KernelClassifier classifier, boolean everyLine) throws IOException {
        List<Seen> lines = new ArrayList<>();
        List<String> incidents = new ArrayList<>();
        try (KernelWatch watch = new KernelWatch(new FileSource(file, false), classifier, null)) {
            watch.subscribe(new KernelWatch.Listener() {
                @Override
                public void line(KernelLine line, KernelClassifier.Match match) {
                    lines.add(Seen.of(line, match));
                }

                @Override
                public void incident(IncidentListener.Event event, Incident incident) {
                    if (event == IncidentListener.Event.CLOSED) {
                        incidents.add(describe(incident));
                    }
                }

                @Override
                public boolean ordinaryLines() {
                    return everyLine;
                }
            });
            watch.readToEnd();
            return new Result(lines, incidents, watch.lastSeq());
        }
    }

    static Result watch(byte[] content, Path dir, KernelClassifier classifier, boolean everyLine) throws IOException {
        Path file = Files.createTempFile(dir, "kern", ".log");
        Files.write(file, content);
        return watch(file, classifier, everyLine);
    }

    private static String describe(Incident i) {
        return i.id() + " " + i.severity() + " " + i.title() + " " + i.firstSeq() + ".." + i.lastSeq() + " "
                + i.lines().stream().map(l -> l.seq() + "@" + l.monotonicMicros() + ":" + l.text()).toList()
                + " dropped " + i.dropped();
    }
}
