package io.niftyscanner.alerts;

import java.time.Duration;

/**
 * How often and how late a failed delivery is tried again: exponential backoff from {@code firstDelay}, doubled per
 * attempt up to {@code maxDelay}; a server's Retry-After wins when it asks for longer (still capped by maxDelay).
 *
 * @param attempts total attempts including the first (1 = no retry)
 */
public record RetryPolicy(int attempts, Duration firstDelay, Duration maxDelay) {
    public static final RetryPolicy NONE = new RetryPolicy(1, Duration.ZERO, Duration.ZERO);

    public RetryPolicy {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1");
        }
    }

    public static RetryPolicy http(int attempts) {
        return new RetryPolicy(attempts, Duration.ofSeconds(1), Duration.ofSeconds(60));
    }

    /** The wait before attempt {@code next} (2 = the first retry), given what the server asked for. */
    public Duration delayBefore(int next, Duration serverAsked) {
        long base = firstDelay.toMillis() << Math.min(30, Math.max(0, next - 2));
        long millis = Math.max(base, serverAsked == null ? 0 : serverAsked.toMillis());
        return Duration.ofMillis(Math.min(millis, maxDelay.toMillis()));
    }
}
