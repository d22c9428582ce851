package io.niftyscanner.kite;

/**
 * How reads are retried on 429, 5xx and network errors: exponential backoff with jitter, bounded attempts.
 * Orders are never retried once the request may have left (see {@link KiteRestClient#placeOrder}).
 *
 * @param maxAttempts    attempts in all, including the first (at least 1)
 * @param baseDelayMillis delay before the second attempt; doubles each time
 * @param maxDelayMillis  cap of one delay
 */
public record RetryPolicy(int maxAttempts, long baseDelayMillis, long maxDelayMillis) {
    public static final RetryPolicy DEFAULT = new RetryPolicy(5, 500, 8_000);
    /** One attempt: the caller has its own backoff (gap repair). */
    public static final RetryPolicy NONE = new RetryPolicy(1, 0, 0);

    public RetryPolicy {
        if (maxAttempts < 1 || baseDelayMillis < 0 || maxDelayMillis < baseDelayMillis) {
            throw new IllegalArgumentException("retry policy needs maxAttempts >= 1 and 0 <= base <= max delay");
        }
    }

    /** Delay before attempt {@code attempt + 1}, full jitter in [d/2, d]. */
    long delayMillis(int attempt, double random01) {
        long d = Math.min(maxDelayMillis, baseDelayMillis << Math.min(20, attempt - 1));
        return d / 2 + (long) (random01 * (d - d / 2));
    }
}
