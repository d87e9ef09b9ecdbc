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
