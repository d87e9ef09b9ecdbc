package dev.r58ctl.tui;

import dev.r58ctl.history.HistoryReader;
import dev.r58ctl.history.HistoryRecord;
import dev.r58ctl.history.SampleRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** The dashboard's look-back over the history the agent records on this board ({@code <state_dir>/history}). */
public final class HistoryPast implements PastSource {
    private final HistoryReader reader;

    public HistoryPast(HistoryReader reader) {
        this.reader = reader;
    }

    @Override
    public Optional<Moment> at(long millis) {
        Optional<SampleRecord> found = reader.at(Instant.ofEpochMilli(millis));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        SampleRecord s = found.get();
        long span = DashboardState.SPARK_SAMPLES * Math.max(s.intervalMs(), 1000);
        List<Double> before = new ArrayList<>();
        try (Stream<HistoryRecord> r = reader.read(Instant.ofEpochMilli(s.time() - span), Instant.ofEpochMilli(s.time()))) {
            r.forEach(x -> {
                if (x instanceof SampleRecord p) {
                    before.add(p.cpu());
                }
            });
        }
        List<Double> newest = before.subList(Math.max(0, before.size() - DashboardState.SPARK_SAMPLES), before.size());
        String health = s.recorder() == null ? null
                : !s.recorder().reachable() ? "unreachable" : s.recorder().healthy() ? "ok" : "NOT OK";
        return Optional.of(new Moment(s.time(), s.toSystemSample(), s.cameraViews(), s.toDiskFigures(),
                List.copyOf(newest), health));
    }

    @Override
    public String where() {
        return reader.dir().toString();
    }
}
