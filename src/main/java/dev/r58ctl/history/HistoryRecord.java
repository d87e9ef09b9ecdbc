package dev.r58ctl.history;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * One line of a history segment: a sample of the board, a kernel incident opening or closing, or the boot guard
 * acting. The {@code type} key says which ({@code sample}, {@code incident}, {@code guard}); a reader skips types it
 * does not know.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = SampleRecord.class, name = "sample"),
        @JsonSubTypes.Type(value = IncidentRecord.class, name = "incident"),
        @JsonSubTypes.Type(value = GuardRecord.class, name = "guard")})
public sealed interface HistoryRecord permits SampleRecord, IncidentRecord, GuardRecord {
    /** When it happened, epoch milliseconds. */
    long time();
}
