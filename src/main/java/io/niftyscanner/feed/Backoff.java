package io.niftyscanner.feed;

import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Exponential backoff on an injected monotonic clock: after the n-th failure in a row the next try waits
 * {@code min(max, base * 2^(n-1))}; a success starts over. Tests move the clock instead of waiting. Thread-safe.
 */
final class Backoff {
    private final long baseNanos;
    private final long maxNanos;
    private final LongSupplier nanos;
    private int failures;
    private long notBefore;

    Backoff(long baseMillis, long maxMillis, LongSupplier nanos) {
        if (baseMillis <= 0 || maxMillis < baseMillis) {
            throw new IllegalArgumentException("backoff needs 0 < base <= max, got " + baseMillis + " and " + maxMillis);
        }
        this.baseNanos = TimeUnit.MILLISECONDS.toNanos(baseMillis);
        this.maxNanos = TimeUnit.MILLISECONDS.toNanos(maxMillis);
        this.nanos = nanos;
    }

    /** Records a failure; returns the wait before the next try, in milliseconds. */
    synchronized long failed() {
        failures++;
        long wait = Math.min(maxNanos, baseNanos << Math.min(30, failures - 1));
        notBefore = nanos.getAsLong() + wait;
        return TimeUnit.NANOSECONDS.toMillis(wait);
    }

    synchronized void succeeded() {
        failures = 0;
        notBefore = 0;
    }

    /** Whether the wait after the last failure is over (always true after a success). */
    synchronized boolean ready() {
        return failures == 0 || nanos.getAsLong() - notBefore >= 0;
    }

    synchronized int failuresInARow() {
        return failures;
    }
}
