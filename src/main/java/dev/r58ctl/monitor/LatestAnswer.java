package dev.r58ctl.monitor;

/**
 * The latest result of one polled source and when it came, so a front end can tell a fresh answer from an old
 * one. The result is never null: before the first answer it is an unreachable one saying {@code not polled yet}.
 *
 * @param result            the latest answer, good or not
 * @param lastAttemptMillis when the latest answer (or failure) came, epoch milliseconds; null before the first
 * @param lastSuccessMillis when the latest {@linkplain SourceResult#ok() ok} answer came; null if none yet
 * @param <T>               the source's result type
 */
public record LatestAnswer<T extends SourceAnswer>(T result, Long lastAttemptMillis, Long lastSuccessMillis) {
    public static final String NOT_POLLED = "not polled yet";

    static <T extends SourceAnswer> LatestAnswer<T> initial(T notPolled) {
        return new LatestAnswer<>(notPolled, null, null);
    }

    LatestAnswer<T> next(T answer, long nowMillis) {
        return new LatestAnswer<>(answer, nowMillis, answer.ok() ? Long.valueOf(nowMillis) : lastSuccessMillis);
    }
}
