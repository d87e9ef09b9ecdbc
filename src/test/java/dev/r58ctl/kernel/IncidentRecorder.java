package dev.r58ctl.kernel;

import dev.r58ctl.kernel.IncidentListener.Event;
import java.util.ArrayList;
import java.util.List;

/** Feeds lines to an assembler and records what its listener heard, and while which line. */
final class IncidentRecorder {
    /** One listener call, with the index of the line being accepted at that moment. */
    record Heard(Event event, Incident incident, KernelLine line, int during) {
    }

    final List<Heard> heard = new ArrayList<>();
    final IncidentAssembler assembler = new IncidentAssembler(KernelClassifier.defaults(),
            (event, incident, line) -> heard.add(new Heard(event, incident, line, during())));
    private int during = -1;

    private int during() {
        return during;
    }

    /** Accepts each line; a null (a kmsg dictionary line) counts as a line but is not fed. */
    IncidentRecorder feed(List<KernelLine> lines) {
        for (KernelLine line : lines) {
            during++;
            if (line != null) {
                assembler.accept(line);
            }
        }
        return this;
    }

    List<Incident> closed() {
        return heard.stream().filter(h -> h.event() == Event.CLOSED).map(Heard::incident).toList();
    }

    List<Heard> of(Event event) {
        return heard.stream().filter(h -> h.event() == event).toList();
    }
}
