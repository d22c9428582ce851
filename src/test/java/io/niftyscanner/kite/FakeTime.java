package io.niftyscanner.kite;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/** A clock that only moves when told to, or when the code under test "sleeps". */
final class FakeTime {
    final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    final List<Long> sleeps = new CopyOnWriteArrayList<>();

    KiteTime kiteTime() {
        return new KiteTime(Clock.fixed(Instant.parse("2026-11-24T04:00:00Z"), ZoneOffset.UTC), nanos::get, n -> {
            sleeps.add(n);
            nanos.addAndGet(n);
        }, new Random(42));
    }

    void advanceMillis(long millis) {
        nanos.addAndGet(millis * 1_000_000L);
    }
}
