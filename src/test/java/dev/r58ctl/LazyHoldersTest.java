package dev.r58ctl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.r58ctl.config.Config;
import dev.r58ctl.config.ConfigLoader;
import dev.r58ctl.kernel.KernelClassifier;
import dev.r58ctl.kernel.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The start-up's lazy holders and early work (the launcher's tricks outside the terminal; see the launcher package):
 * each gives exactly what the plain way gives, once, whichever thread comes first.
 */
class LazyHoldersTest {
    enum Kind { RUNNING, STOPPED }

    record Inner(Kind kind, double framesPerSecond) {
    }

    record Other(String name) {
    }

    record Outer(List<Inner> items, Inner[] spare, Map<String, Other> byName, String plain) {
    }

    @Test
    void jsonPreparesEveryRecordAndEnumAReportHolds() {
        assertEquals(Set.of(Outer.class, Inner.class, Kind.class, Other.class), Json.reachable(Outer.class, new java.util.LinkedHashSet<>()));
    }

    @Test
    void aPreparedTypeIsWrittenAsAnUnpreparedOneIs() throws IOException {
        Outer report = new Outer(List.of(new Inner(Kind.RUNNING, 29.97)), new Inner[] {new Inner(Kind.STOPPED, 0)},
                Map.of("cam0", new Other("cam0")), "text");
        Json.prepare(Outer.class); // on its own thread, racing the write below as status's does
        String written = Json.write(report);
        assertEquals(written, Json.write(report));
        assertEquals("RUNNING", Json.mapper().readTree(written).get("items").get(0).get("kind").asText());
        assertNotNull(Json.mapper().readTree(written).get("items").get(0).get("frames_per_second"), written);
    }

    @Test
    void theDefaultKernelClassifierIsBuiltOnceForEveryThread() throws Exception {
        int threads = 8;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<KernelClassifier>> got = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                got.add(pool.submit(() -> {
                    go.await();
                    return KernelClassifier.defaults();
                }));
            }
            go.countDown();
            for (Future<KernelClassifier> f : got) {
                assertSame(KernelClassifier.defaults(), f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        KernelClassifier.Match oops = KernelClassifier.defaults()
                .classify("Internal error: Oops: 96000005 [#1] PREEMPT SMP");
        assertEquals(Severity.CRITICAL, oops.severity());
        assertNull(KernelClassifier.defaults().classify("rk_vcodec: loading out-of-tree module taints kernel."));
    }

    @Test
    void prefetchedDefaultsLoadTheSameConfiguration(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("config.yml"), "platform: generic\nstate_dir: " + dir.resolve("state")
                + "\nrecorder: {config: null}\ncameras:\n  cam0: {resolution: 640x360, codec: h265, transport: none}\n");
        Config plain = new ConfigLoader().file(file).load(); // this JVM has not prefetched (only the launcher does)
        ConfigLoader.prefetchDefaults();
        ConfigLoader.prefetchDefaults(); // once per JVM
        Config prefetched = new ConfigLoader().file(file).load();
        // CameraList has no equals of its own: its cameras do
        assertEquals(plain.toString().replaceAll("CameraList@\\w+", ""), prefetched.toString().replaceAll("CameraList@\\w+", ""));
        assertEquals(plain.cameraList().cameras(), prefetched.cameraList().cameras());
        assertEquals(plain.encoders(), prefetched.encoders(), "the built-in encoders come from the prefetched defaults");
    }
}
