package io.niftyscanner.feed;

import java.time.Clock;
import java.util.function.LongSupplier;

/**
 * The market's clock as the feeds know it: the latest exchange timestamp seen, advanced by the time elapsed since
 * (measured on a monotonic source). Before any exchange time is known it follows the wall clock. Thread-safe.
 */
public final class MarketClock {
    private final Clock wall;
    private final LongSupplier nanos;
    private long lastExchangeMillis;
    private long nanosAtLastExchange;
    private boolean known;

    public MarketClock(Clock wall, LongSupplier nanos) {
        this.wall = wall;
        this.nanos = nanos;
    }

    public static MarketClock system() {
        return new MarketClock(Clock.systemUTC(), System::nanoTime);
    }

    /** Records an exchange timestamp; older ones (late ticks) never move the clock back. */
    public synchronized void observe(long exchangeMillis) {
        if (exchangeMillis <= 0) {
            return;
        }
        long now = nanos.getAsLong();
        if (!known || exchangeMillis > estimateAt(now)) {
            lastExchangeMillis = exchangeMillis;
            nanosAtLastExchange = now;
            known = true;
        }
    }

    public synchronized boolean knowsExchangeTime() {
        return known;
    }

    /** Estimated market time now, epoch millis. */
    public synchronized long now() {
        return known ? estimateAt(nanos.getAsLong()) : wall.millis();
    }

    public long wallMillis() {
        return wall.millis();
    }

    /** The monotonic source, for measuring durations. */
    public long nanos() {
        return nanos.getAsLong();
    }

    private long estimateAt(long nowNanos) {
        return lastExchangeMillis + (nowNanos - nanosAtLastExchange) / 1_000_000L;
    }
}
