package io.niftyscanner.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/** A market clock that only moves when told to: tests step the simulated session without real time passing. */
public final class ManualMarketClock implements MarketClock {
    private final AtomicLong now;

    public ManualMarketClock(Instant start) {
        this.now = new AtomicLong(start.toEpochMilli());
    }

    @Override
    public long nowMillis() {
        return now.get();
    }

    public void advance(Duration d) {
        now.addAndGet(d.toMillis());
    }

    public void set(Instant t) {
        now.set(t.toEpochMilli());
    }
}
