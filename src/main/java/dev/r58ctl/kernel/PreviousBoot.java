package dev.r58ctl.kernel;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What the previous boot left: its kernel log from the journal ({@code journalctl -k -b -1}), else the
 * panic/oops dumps in /sys/fs/pstore, or a file (tests and the demo simulate boots). Says whether it ended in a
 * panic or Oops, with the lines.
 */
public final class PreviousBoot {
    private static final Pattern PRIORITY_PREFIX = Pattern.compile("^<\\d{1,3}>");
    private static final int LAST_LINES = 30;

    /**
     * The finding.
     *
     * @param source    where the previous boot's log came from, or null when none was found
     * @param crashed   true when it holds an Oops, panic or other critical report (or a pstore dump at all)
     * @param incidents every incident in it
     * @param lastLines its last lines, for a report
     * @param note      what was tried when nothing was found, or null
     */
    public record Report(String source, boolean crashed, List<Incident> incidents, List<String> lastLines,
                         String note) {
        public boolean available() {
            return source != null;
        }
    }

    private final KernelClassifier classifier;
    private final Path pstore;

    public PreviousBoot(KernelClassifier classifier, Path pstore) {
        this.classifier = classifier;
        this.pstore = pstore;
    }

    /**
     * The previous boot's lines as found, before any review.
     *
     * @param source where they came from, or null when none were found
     * @param lines  every line, numbered from 1 when the source has no numbers of its own
     * @param dump   true when they are a pstore dump (which exists only after a panic or Oops)
     * @param note   what was tried when nothing was found, or null
     */
    public record Lines(String source, List<KernelLine> lines, boolean dump, String note) {
    }

    /** Reads the previous boot as the setting says: auto, none or file:PATH. */
    public Report read(String setting) {
        Lines l = fetch(setting);
        return l.source() == null ? new Report(null, false, List.of(), List.of(), l.note())
                : reviewLines(l.source(), l.lines(), l.dump());
    }

    /** Finds the previous boot's lines as the setting says, without classifying them. */
    public Lines fetch(String setting) {
        if (setting.equals("none")) {
            return new Lines(null, List.of(), false, "previous boot not read (kernel_log.previous_boot: none)");
        }
        List<String> tried = new ArrayList<>();
        if (setting.startsWith("file:")) {
            Path f = Path.of(setting.substring(5));
            try {
                return numbered(setting, Files.readAllLines(f, StandardCharsets.UTF_8), false);
            } catch (IOException e) {
                return new Lines(null, List.of(), false, f + ": " + e.getMessage());
            }
        }
        try (ProcessSource journal = ProcessSource.previousBoot()) {
            List<KernelLine> lines = new ArrayList<>();
            for (KernelLine l = journal.next(); l != null; l = journal.next()) {
                lines.add(l);
            }
            if (journal.exitCode(3000) == 0 && !lines.isEmpty()) {
                return new Lines("journalctl -k -b -1", List.copyOf(lines), false, null);
            }
            tried.add("journalctl -k -b -1: no previous boot in the journal");
        } catch (IOException e) {
            tried.add("journalctl: " + e.getMessage());
        }
        List<String> dump = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(pstore)) {
            for (Path f : files) {
                String n = f.getFileName().toString();
                if (n.startsWith("dmesg-") || n.startsWith("console-")) {
                    dump.addAll(Files.readAllLines(f, StandardCharsets.ISO_8859_1));
                }
            }
        } catch (IOException e) {
            tried.add(pstore + ": " + e.getMessage());
        }
        if (!dump.isEmpty()) {
            return numbered("pstore " + pstore, dump, true);
        }
        tried.add(pstore + ": empty");
        return new Lines(null, List.of(), false, "no record of the previous boot (" + String.join("; ", tried) + ")");
    }

    private static Lines numbered(String source, List<String> raw, boolean isDump) {
        List<KernelLine> lines = new ArrayList<>();
        long seq = 0;
        for (String r : raw) {
            lines.add(KernelText.fromText(PRIORITY_PREFIX.matcher(r).replaceFirst(""), ++seq, 0));
        }
        return new Lines(source, List.copyOf(lines), isDump, null);
    }

    private Report reviewLines(String source, List<KernelLine> lines, boolean isDump) {
        List<Incident> incidents = new ArrayList<>();
        IncidentAssembler a = new IncidentAssembler(classifier, (event, incident, line) -> {
            if (event == IncidentListener.Event.CLOSED) {
                incidents.add(incident);
            }
        });
        lines.forEach(a::accept);
        a.flush();
        boolean crashed = isDump || incidents.stream().anyMatch(i -> i.severity() == Severity.CRITICAL);
        List<String> last = lines.subList(Math.max(0, lines.size() - LAST_LINES), lines.size()).stream()
                .map(KernelLine::text).toList();
        return new Report(source, crashed, List.copyOf(incidents), last, null);
    }
}
