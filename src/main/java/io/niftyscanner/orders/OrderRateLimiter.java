package io.niftyscanner.orders;

/**
 * At most {@code perSecond} order writes (place, modify, cancel) in any second, on the client side (design.md 8): a
 * write that would exceed it waits for its slot. Executor thread only.
 */
final class OrderRateLimiter {
    private static final long SECOND = 1_000_000_000L;
    private final long[] sent;
    private final OrderClock clock;
    private int next;

    OrderRateLimiter(int perSecond, OrderClock clock) {
        if (perSecond < 1 || perSecond > 10) {
            throw new IllegalArgumentException("order rate must be 1..10 a second (Kite's limit), not " + perSecond);
        }
        this.sent = new long[perSecond];
        java.util.Arrays.fill(sent, Long.MIN_VALUE);
        this.clock = clock;
    }

    /** Waits until one more write keeps every one-second window within the limit, and counts it. */
    void acquire() {
        long now = clock.nanos().getAsLong();
        long oldest = sent[next];
        if (oldest != Long.MIN_VALUE && now - oldest < SECOND) {
            try {
                clock.sleeper().sleepNanos(SECOND - (now - oldest));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new OrderNotSent("interrupted while keeping to the order rate limit", e);
            }
            now = clock.nanos().getAsLong();
        }
        sent[next] = now;
        next = (next + 1) % sent.length;
    }
}
