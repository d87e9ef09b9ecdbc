package dev.r58ctl.cli;

import dev.r58ctl.history.GuardRecord;
import dev.r58ctl.history.HistoryReader;
import dev.r58ctl.history.HistoryRecord;
import dev.r58ctl.history.IncidentRecord;
import dev.r58ctl.history.SampleRecord;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * {@code history} as text: one line per sample (time, CPU, memory, the hottest zone, each camera), kernel incidents
 * and the guard between them marked {@code !!}; a long range is thinned to one line per step (the JSON keeps every
 * sample).
 */
final class HistoryText {
    /** The steps a long range is thinned to, in seconds: the first that gives at most {@link #MAX_LINES} lines. */
    private static final int[] STEPS = {1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600};
    static final int MAX_LINES = 900;

    private final PrintWriter o;
    private final DateTimeFormatter time;
    private final ZoneId zone;

    HistoryText(PrintWriter o, Instant from, Instant to, ZoneId zone) {
        this.o = o;
        this.zone = zone;
        boolean oneDay = LocalDate.ofInstant(from, zone).equals(LocalDate.ofInstant(to, zone));
        this.time = DateTimeFormatter.ofPattern(oneDay ? "HH:mm:ss" : "MM-dd HH:mm:ss").withZone(zone);
    }

    static int step(Instant from, Instant to) {
        long seconds = Math.max(1, to.getEpochSecond() - from.getEpochSecond());
        for (int s : STEPS) {
            if (seconds / s <= MAX_LINES) {
                return s;
            }
        }
        return STEPS[STEPS.length - 1];
    }

    /** Prints the range; returns the number of samples read. */
    long print(HistoryReader reader, Instant from, Instant to, String camera) {
        int step = step(from, to);
        o.printf("history %s to %s (%s), %s%n", time.format(from), time.format(to), zone.getId(), reader.dir());
        if (step > 1) {
            o.printf("one line per %s (--json keeps every sample)%n", step < 60 ? step + " s" : step / 60 + " min");
        }
        long samples = 0;
        long lastBucket = Long.MIN_VALUE;
        Set<String> cameras = new LinkedHashSet<>();
        try (Stream<HistoryRecord> records = reader.read(from, to)) {
            for (HistoryRecord r : (Iterable<HistoryRecord>) records::iterator) {
                if (r instanceof SampleRecord s) {
                    samples++;
                    if (s.cameras() != null) {
                        s.cameras().forEach(c -> cameras.add(c.id()));
                    }
                    long bucket = Math.floorDiv(s.time(), step * 1000L);
                    if (bucket != lastBucket) {
                        lastBucket = bucket;
                        o.println(line(camera == null ? s : s.onlyCamera(camera)));
                    }
                } else if (r instanceof IncidentRecord i) {
                    o.printf("%s  !! kernel %c %s %s: %s%s%n", at(i.time()), i.letter(), i.id(), i.event(), i.title(),
                            i.during() == null ? "" : " (during " + i.during() + ")");
                } else if (r instanceof GuardRecord g) {
                    o.printf("%s  !! guard %s%n", at(g.time()), g.line());
                }
            }
        }
        if (samples == 0) {
            o.println("no samples in this range" + reader.span().map(s -> " (history from " + time.format(s[0])
                    + " to " + time.format(s[1]) + ")").orElse(""));
        } else if (camera != null && !cameras.contains(camera)) {
            o.println("camera " + camera + " does not appear in this range (cameras: " + String.join(", ", cameras)
                    + ")");
        }
        for (String n : reader.notes()) {
            o.println("note: " + n);
        }
        return samples;
    }

    private String at(long millis) {
        return time.format(Instant.ofEpochMilli(millis));
    }

    private String line(SampleRecord s) {
        StringBuilder b = new StringBuilder();
        b.append(at(s.time())).append(String.format("  cpu %5.1f%%  mem %d/%d MiB", s.cpu(), s.memAvailableMib(),
                s.memTotalMib()));
        SampleRecord.Temp hot = s.hottest();
        if (hot != null) {
            b.append(String.format("  %s %.1f°C", hot.type() == null ? hot.zone() : hot.type(), hot.celsius()));
        }
        if (s.recorder() != null && !s.recorder().healthy()) {
            b.append(s.recorder().reachable() ? "  recorder NOT OK" : "  recorder unreachable");
        }
        if (s.cameras() != null) {
            for (SampleRecord.Cam c : s.cameras()) {
                b.append("  ").append(c.id()).append(' ').append(shortState(c.state()));
                if (c.fps() != null) {
                    b.append(String.format(" %.1ffps", c.fps()));
                }
                if (c.kbps() != null) {
                    b.append(' ').append(c.kbps()).append('k');
                }
                if (c.lastError() != null) {
                    String e = c.lastError();
                    b.append(" [").append(e.length() > 60 ? e.substring(0, 57) + "..." : e).append(']');
                }
            }
        }
        return b.toString();
    }

    /** RUNNING, recording... as a short word: REC when it records, RUN, STOP, FAIL, else the state in capitals. */
    static String shortState(String state) {
        if (state == null) {
            return "-";
        }
        String s = state.toLowerCase(Locale.ROOT);
        return switch (s) {
            case "recording" -> "REC";
            case "running" -> "RUN";
            case "starting" -> "START";
            case "stopped", "stopping", "idle", "ended" -> "STOP";
            case "failed", "error" -> "FAIL";
            default -> state.toUpperCase(Locale.ROOT).replace(' ', '-');
        };
    }
}
