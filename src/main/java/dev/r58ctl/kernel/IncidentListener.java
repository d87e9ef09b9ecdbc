package dev.r58ctl.kernel;

/**
 * Learns of incidents as the {@link IncidentAssembler} builds them. Guarantees: OPENED comes in the
 * same call that accepted the incident's first line, so an Oops is known the moment its line is read,
 * not when its trace ends; then LINE_ADDED for each further line; then exactly one CLOSED.
 */
@FunctionalInterface
public interface IncidentListener {
    /** What happened to the incident. */
    enum Event { OPENED, LINE_ADDED, CLOSED }

    /**
     * @param event    what happened
     * @param incident a snapshot after the event
     * @param line     the line just accepted; for CLOSED, the incident's last line
     */
    void incident(Event event, Incident incident, KernelLine line);
}
