package io.niftyscanner.orders;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.concurrent.atomic.AtomicLong;
import io.niftyscanner.market.SessionCalendar;

/** One hand-moved time for market, wall and monotonic clocks; the rate limiter's waits move it too. */
final class FakeClock {
    private final AtomicLong millis;
    private final AtomicLong slept = new AtomicLong();

    FakeClock(LocalDate day, LocalTime time) {
        millis = new AtomicLong(day.atTime(time).atZone(SessionCalendar.IST).toInstant().toEpochMilli());
    }

    long millis() {
        return millis.get();
    }

    void set(long m) {
        millis.set(m);
    }

    Instant instant() {
        return Instant.ofEpochMilli(millis.get());
    }

    long sleptMillis() {
        return slept.get();
    }

    OrderClock orderClock() {
        return new OrderClock(millis::get, () -> true, millis::get, () -> millis.get() * 1_000_000L, n -> {
            long ms = (n + 999_999) / 1_000_000L;
            slept.addAndGet(ms);
            millis.addAndGet(ms);
        });
    }
}
