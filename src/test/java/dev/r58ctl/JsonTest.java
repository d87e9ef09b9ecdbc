package dev.r58ctl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.r58ctl.kernel.Incident;
import dev.r58ctl.monitor.StatusReport;
import dev.r58ctl.monitor.SystemSample;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JsonTest {
    record Node(String name, List<Node> children, Map<String, Leaf> leaves, Leaf[] more) {
    }

    record Leaf(Kind kind) {
    }

    enum Kind { A, B }

    enum Codec { H264, GENERIC_SOFT }

    record Run(String runId, long framesOut, java.util.EnumMap<Codec, Integer> byCodec, Kind kind,
               java.nio.file.Path file, java.time.Duration took) {
    }

    @Test
    void keysAreSnakeCaseEnumKeysLowerCaseAndEnumValuesTheirNames() throws Exception {
        java.util.EnumMap<Codec, Integer> m = new java.util.EnumMap<>(Codec.class);
        m.put(Codec.H264, 1);
        m.put(Codec.GENERIC_SOFT, 2);
        Run r = new Run("r1", 7, m, Kind.B, java.nio.file.Path.of("/a b"), java.time.Duration.ofSeconds(5));
        String line = Json.line(r);
        assertEquals("{\"run_id\":\"r1\",\"frames_out\":7,\"by_codec\":{\"h264\":1,\"generic_soft\":2},"
                + "\"kind\":\"B\",\"file\":\"/a b\",\"took\":\"PT5S\"}", line);
        Run back = Json.mapper().readValue(line, Run.class);
        assertEquals(r.runId(), back.runId());
        assertEquals(m, back.byCodec());
        assertEquals(r.file(), back.file());
        assertTrue(Json.write(r).contains("\n  \"run_id\" : \"r1\""), Json.write(r));
    }

    @Test
    void filesOfVersion010WithCamelCaseAndUpperCaseEnumKeysStillRead() throws Exception {
        Run old = Json.mapper().readValue("{\"runId\":\"r0\",\"framesOut\":3,\"byCodec\":{\"H264\":1,"
                + "\"GENERIC_SOFT\":4},\"kind\":\"A\",\"unknownLater\":1}", Run.class);
        assertEquals("r0", old.runId());
        assertEquals(3, old.framesOut());
        assertEquals(Integer.valueOf(4), old.byCodec().get(Codec.GENERIC_SOFT));
        assertEquals(Kind.A, old.kind());
    }

    @Test
    void anUnknownEnumKeyIsAnErrorThatNamesTheKnownOnes() {
        Exception e = org.junit.jupiter.api.Assertions.assertThrows(Exception.class,
                () -> Json.mapper().readValue("{\"by_codec\":{\"vp9\":1}}", Run.class));
        assertTrue(e.getMessage().contains("vp9") && e.getMessage().contains("h264"), e.getMessage());
    }

    @Test
    void prepareReachesNestedRecordsAndEnumsThroughListsMapsAndArraysOnce() {
        Set<Class<?>> all = Json.reachable(Node.class, new java.util.LinkedHashSet<>());
        assertEquals(List.of(Node.class, Leaf.class, Kind.class), List.copyOf(all), "a cycle ends, each type once");
    }

    @Test
    void theStatusReportsNestedTypesArePreparedBeforeItIsWritten() {
        Set<Class<?>> all = Json.reachable(StatusReport.class, new java.util.LinkedHashSet<>());
        for (Class<?> c : List.of(StatusReport.class, SystemSample.class, SystemSample.ProcessCpu.class,
                SystemSample.Temperature.class, Incident.class)) {
            assertTrue(all.contains(c), c + " in " + all);
        }
    }
}
