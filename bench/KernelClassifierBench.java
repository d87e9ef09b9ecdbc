import dev.r58ctl.kernel.FileSource;
import dev.r58ctl.kernel.IncidentAssembler;
import dev.r58ctl.kernel.KernelClassifier;
import dev.r58ctl.kernel.KernelLine;
import dev.r58ctl.kernel.KernelPattern;
import dev.r58ctl.kernel.KernelText;
import dev.r58ctl.kernel.KernelWatch;
import dev.r58ctl.kernel.Severity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Throughput of the kernel-line classifier on one thread, against a naive single regex and grep, and of the
 * whole path from a saved log to the kept lines (what {@code r58ctl kmsg --min-severity warning} does).
 * Not a test: it only prints figures. Run from the project root after compiling:
 * {@code java -cp target/classes:LIBRARIES bench/KernelClassifierBench.java [lines] [rounds]} (the watch needs
 * slf4j), or scripts/bench-kernel-classifier, which builds the class path; {@code write FILE [lines]} writes the
 * generated log instead, for timing {@code r58ctl kmsg} end to end. Lines are made from the recorded RK3588 chatter in
 * src/test/resources/kernel/, numbers varied, with one line in a thousand taken from real trouble.
 */
public class KernelClassifierBench {
    private static final Path FIXTURES = Path.of("src/test/resources/kernel");

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("write")) {
            // a saved log for timing `r58ctl kmsg` end to end: write FILE [lines]
            int lines = args.length > 2 ? Integer.parseInt(args[2]) : 4_000_000;
            Files.write(Path.of(args[1]), generate(lines), StandardCharsets.UTF_8);
            return;
        }
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        List<String> raw = generate(count);
        List<KernelLine> lines = new ArrayList<>(raw.size());
        long seq = 0;
        for (String r : raw) {
            lines.add(KernelText.fromText(r, ++seq, 0));
        }
        String[] texts = lines.stream().map(KernelLine::text).toArray(String[]::new);
        KernelClassifier classifier = KernelClassifier.defaults();
        System.out.printf("%,d lines (%,d bytes of text), %d patterns, %d rounds after %d warm-up rounds, one thread, "
                        + "Java %s, %d CPUs, load average %.2f%n",
                count, Arrays.stream(texts).mapToLong(String::length).sum(), classifier.patterns().size(),
                rounds, 3, Runtime.version(), Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());

        measure("classify()", count, rounds, () -> {
            long hits = 0;
            for (String t : texts) {
                if (classifier.classify(t) != null) {
                    hits++;
                }
            }
            return hits;
        });

        Pattern naive = Pattern.compile(classifier.patterns().stream()
                .map(p -> "(?:" + (p.regex() != null ? p.regex() : Pattern.quote(p.literal())) + ")")
                .collect(Collectors.joining("|")));
        // about a hundred times slower: a slice of the lines is enough; it must find what classify() finds
        String[] slice = Arrays.copyOf(texts, Math.min(texts.length, 100_000));
        long sliceHits = Arrays.stream(slice).filter(t -> classifier.classify(t) != null).count();
        System.out.printf("(the naive regex runs on the first %,d lines, where classify() finds %,d)%n", slice.length, sliceHits);
        measure("naive single regex alternation, find()", slice.length, 3, () -> {
            long hits = 0;
            for (String t : slice) {
                if (naive.matcher(t).find()) {
                    hits++;
                }
            }
            return hits;
        });

        measure("KernelText.fromText + classify()", count, rounds, () -> {
            long hits = 0;
            long s = 0;
            for (String r : raw) {
                if (classifier.classify(KernelText.fromText(r, ++s, 0).text()) != null) {
                    hits++;
                }
            }
            return hits;
        });

        // the whole path, text to kept lines: a saved log read as `r58ctl kmsg --min-severity warning` reads it
        Path file = Files.createTempFile("kernel-bench", ".log");
        try {
            Files.write(file, raw, StandardCharsets.UTF_8);
            measure("file to kept lines (FileSource + KernelWatch)", count, rounds, () -> kept(file, classifier, false));
            measure("  the same, a listener taking every line", count, rounds, () -> kept(file, classifier, true));
            grep(file, raw.size(), classifier.patterns());
        } finally {
            Files.deleteIfExists(file);
        }

        measure("IncidentAssembler.accept (classify + grouping)", count, rounds, () -> {
            long[] closed = new long[1];
            IncidentAssembler assembler = new IncidentAssembler(classifier, (event, incident, line) -> {
                if (event == dev.r58ctl.kernel.IncidentListener.Event.CLOSED) {
                    closed[0]++;
                }
            });
            for (KernelLine line : lines) {
                assembler.accept(line);
            }
            assembler.flush();
            return closed[0];
        });
    }

    /**
     * Reads the file through a dump-mode watch and counts the lines of warning severity or worse, as kmsg keeps
     * them. {@code everyLine}: the listener asks for ordinary lines too, so none can be passed over.
     */
    private static long kept(Path file, KernelClassifier classifier, boolean everyLine) {
        long[] kept = {0};
        try (KernelWatch watch = new KernelWatch(new FileSource(file, false), classifier, null)) {
            watch.subscribe(new KernelWatch.Listener() {
                @Override
                public void line(KernelLine line, KernelClassifier.Match match) {
                    if (match != null && match.severity().atLeast(Severity.WARNING)) {
                        kept[0]++;
                    }
                }

                // no @Override, so that this file also runs against classes from before the method existed
                public boolean ordinaryLines() {
                    return everyLine;
                }
            });
            watch.readToEnd();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return kept[0];
    }

    /**
     * Runs the body for warm-up and measured rounds; prints median and min lines/s by the wall clock and
     * by this thread's CPU time (which leaves out time the thread waited for a core on a busy machine),
     * and what it found.
     */
    private static void measure(String name, int count, int rounds, java.util.function.LongSupplier body) {
        // a round over 1M lines is enough to compile the hot loops
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long found = 0;
        for (int i = 0; i < 3; i++) {
            found = body.getAsLong();
        }
        double[] wall = new double[rounds];
        double[] cpu = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            long c0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            found = body.getAsLong();
            wall[i] = count / ((System.nanoTime() - t0) / 1e9);
            cpu[i] = count / ((threads.getCurrentThreadCpuTime() - c0) / 1e9);
        }
        Arrays.sort(wall);
        Arrays.sort(cpu);
        System.out.printf("%-48s wall median %6.2f min %6.2f | cpu median %6.2f min %6.2f M lines/s (found %,d)%n",
                name, wall[rounds / 2] / 1e6, wall[0] / 1e6, cpu[rounds / 2] / 1e6, cpu[0] / 1e6, found);
    }

    /** grep over the same lines in the file: literals as one ERE, and the full regexes with -P. */
    private static void grep(Path file, int count, List<KernelPattern> patterns) throws IOException, InterruptedException {
        String ere = patterns.stream().map(p -> p.literal().replaceAll("([\\\\.\\[\\]()*+?{}|^$])", "\\\\$1"))
                .collect(Collectors.joining("|"));
        String pcre = patterns.stream()
                .map(p -> "(?:" + (p.regex() != null ? p.regex() : Pattern.quote(p.literal())) + ")")
                .collect(Collectors.joining("|"));
        runGrep("grep -E -c (literals only, no regex check)", count, file, "-E", ere);
        runGrep("grep -P -c (the full regexes)", count, file, "-P", pcre);
    }

    private static void runGrep(String name, int count, Path file, String mode, String pattern)
            throws IOException, InterruptedException {
        double[] rates = new double[5];
        double[] cpu = new double[5];
        String out = "";
        for (int i = -1; i < rates.length; i++) { // the first run fills the page cache
            long c0 = childCpuNanos();
            long t0 = System.nanoTime();
            Process p;
            try {
                p = new ProcessBuilder("grep", mode, "-c", "-e", pattern, file.toString())
                        .redirectErrorStream(true).start();
            } catch (IOException e) {
                System.out.printf("%-48s not run: %s%n", name, e.getMessage());
                return;
            }
            out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() > 1) {
                System.out.printf("%-48s not run: %s%n", name, out);
                return;
            }
            if (i >= 0) {
                rates[i] = count / ((System.nanoTime() - t0) / 1e9);
                cpu[i] = count / ((childCpuNanos() - c0) / 1e9);
            }
        }
        Arrays.sort(rates);
        Arrays.sort(cpu);
        System.out.printf("%-48s wall median %6.2f min %6.2f | cpu median %6.2f min %6.2f M lines/s (found %s)%n",
                name, rates[rates.length / 2] / 1e6, rates[0] / 1e6, cpu[cpu.length / 2] / 1e6, cpu[0] / 1e6, out);
    }

    /** CPU time of this process's finished children (user + system, /proc/self/stat fields 16 and 17). */
    private static long childCpuNanos() throws IOException {
        String stat = Files.readString(Path.of("/proc/self/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // fields after the command name start at field 3; cutime is field 16, cstime 17; ticks of 1/100 s
        return (Long.parseLong(f[13]) + Long.parseLong(f[14])) * 10_000_000L;
    }

    /** Recorded chatter with its numbers varied, and one line in a thousand of recorded trouble. */
    private static List<String> generate(int count) throws IOException {
        List<String> chatter = texts(Files.readAllLines(FIXTURES.resolve("chatter-rk3588.txt")));
        List<String> trouble = new ArrayList<>();
        trouble.addAll(texts(Files.readAllLines(FIXTURES.resolve("oops-rk3588-mpp.txt"))));
        trouble.addAll(texts(Files.readAllLines(FIXTURES.resolve("warning-cut-here.txt"))));
        for (String line : Files.readAllLines(FIXTURES.resolve("trouble-lines.txt"))) {
            if (!line.startsWith("#") && !line.startsWith("-|")) {
                trouble.add(line.split("\\|", 3)[2]);
            }
        }
        Random random = new Random(58);
        List<String> out = new ArrayList<>(count);
        long micros = 0;
        for (int i = 0; i < count; i++) {
            micros += 1 + random.nextInt(400_000);
            String text = random.nextInt(1000) == 0
                    ? trouble.get(random.nextInt(trouble.size()))
                    : vary(chatter.get(random.nextInt(chatter.size())), random);
            out.add(String.format("[%5d.%06d] %s", micros / 1_000_000, micros % 1_000_000, text));
        }
        return out;
    }

    private static List<String> texts(List<String> dmesg) {
        return dmesg.stream().map(l -> KernelText.fromText(l, 0, 0).text()).toList();
    }

    /** Changes some digits, so lines are not a few hundred strings repeated. */
    private static String vary(String text, Random random) {
        char[] c = text.toCharArray();
        for (int i = 0; i < c.length; i++) {
            if (c[i] >= '0' && c[i] <= '9' && random.nextInt(3) == 0) {
                c[i] = (char) ('0' + random.nextInt(10));
            }
        }
        return new String(c);
    }
}
