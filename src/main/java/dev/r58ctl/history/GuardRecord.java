package dev.r58ctl.history;

/**
 * The boot guard acted in this boot (a rollback).
 *
 * @param time    when the engine reported it (epoch ms)
 * @param action  {@code nothing} or {@code rolled-back}
 * @param line    the one line the operator is shown
 * @param outcome the rollback's outcome, or null
 */
@com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
public record GuardRecord(long time, String action, String line, String outcome) implements HistoryRecord {
}
