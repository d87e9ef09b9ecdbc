import dev.r58ctl.kernel.FileSource;
import dev.r58ctl.kernel.Incident;
import dev.r58ctl.kernel.IncidentJournal;
import dev.r58ctl.kernel.IncidentListener;
import dev.r58ctl.kernel.KernelClassifier;
import dev.r58ctl.kernel.KernelSource;
import dev.r58ctl.kernel.KernelWatch;
import dev.r58ctl.kernel.KmsgSource;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Latency from a kernel line being written to a KernelWatch subscriber hearing of the incident, with 10,000
 * ordinary lines a second flowing past (target: p99 under 50 ms). The journal's fsync is on the path, as in
 * production. Usage: java -cp target/r58ctl.jar bench/KernelLatencyBench.java [file|kmsg] [seconds]
 */
public class KernelLatencyBench {
    private static final Pattern STAMP = Pattern.compile("bench-t=(\\d+)");

    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "file";
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        Path dir = Files.createTempDirectory("r58ctl-latency");
        // the followed log lives in memory (like the kernel's ring buffer): on the same disk as the journal, the
        // writer here would stall behind the journal's fsync and the figure would measure the writer, not us
        Path shm = Path.of("/dev/shm");
        Path log = (Files.isDirectory(shm) ? Files.createTempDirectory(shm, "r58ctl-latency") : dir).resolve("kern.log");
        Files.writeString(log, "");
        KernelSource source = mode.equals("kmsg") ? KmsgSource.open(true, "bench") : new FileSource(log, true);
        KernelWatch watch = new KernelWatch(source, KernelClassifier.defaults(),
                System.getenv("NO_JOURNAL") != null ? null : new IncidentJournal(dir, 64 << 20, 2));
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        List<Long> inside = Collections.synchronizedList(new ArrayList<>()); // read -> told, in ms
        watch.subscribe(new KernelWatch.Listener() {
            @Override
            public void incident(IncidentListener.Event event, Incident incident) {
                if (event == IncidentListener.Event.OPENED) {
                    Matcher m = STAMP.matcher(incident.title());
                    if (m.find()) {
                        latencies.add(System.nanoTime() - Long.parseLong(m.group(1)));
                        inside.add(System.currentTimeMillis() - incident.lines().get(0).receivedMillis());
                    }
                }
            }
        });
        watch.start();
        Thread.sleep(mode.equals("kmsg") ? 1500 : 200); // kmsg replays its ring buffer first
        latencies.clear();
        long ordinary = 0;
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        int tick = 0;
        try (OutputStream out = mode.equals("kmsg") ? null : new FileOutputStream(log.toFile(), true)) {
            while (System.nanoTime() < end) {
                long due = start + tick * 1_000_000L; // a batch of 10 lines every millisecond = 10,000 lines/s
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                StringBuilder batch = new StringBuilder();
                for (int i = 0; i < 10; i++) {
                    batch.append("[").append(String.format("%5d.%06d", tick / 1000, tick % 1000 * 1000 + i))
                            .append("] rk_gmac-dwmac fe1b0000.ethernet eth0: rx packet ").append(ordinary++).append('\n');
                }
                if (tick % 50 == 25) { // an Oops every 50 ms
                    batch.append("[").append(String.format("%5d.%06d", tick / 1000, tick % 1000 * 1000 + 500))
                            .append("] Internal error: Oops: 0000000096000005 [#29] SMP bench-t=")
                            .append(System.nanoTime()).append('\n');
                }
                write(mode, out, batch.toString());
                tick++;
            }
        }
        Thread.sleep(500);
        watch.close();
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        double secs = (System.nanoTime() - start) / 1e9;
        System.out.printf("source %s: %d ordinary lines in %.1f s (%.0f lines/s), %d incidents timed%n",
                mode, ordinary, secs, ordinary / secs, sorted.size());
        if (!sorted.isEmpty()) {
            System.out.printf("latency write -> subscriber: p50 %.2f ms, p99 %.2f ms, max %.2f ms (target p99 < 50 ms)%n",
                    pct(sorted, 50), pct(sorted, 99), sorted.get(sorted.size() - 1) / 1e6);
            System.out.printf("of which line read -> subscriber told: max %d ms%n", Collections.max(inside));
        }
    }

    private static void write(String mode, OutputStream out, String batch) throws Exception {
        if (out != null) {
            out.write(batch.getBytes(StandardCharsets.UTF_8));
            out.flush();
            return;
        }
        for (String line : batch.split("\n")) { // one record per write(2) into the kernel's log
            try (FileOutputStream k = new FileOutputStream("/dev/kmsg")) {
                k.write(("<6>" + line.substring(line.indexOf(']') + 2) + "\n").getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    private static double pct(List<Long> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)) / 1e6;
    }
}
