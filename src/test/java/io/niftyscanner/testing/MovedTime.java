package io.niftyscanner.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Wall and monotonic time that run at real speed from where a test put them, and jump when it moves them: for a
 * sandbox and a scanner that share one clock over real sockets. Thread-safe.
 */
public final class MovedTime extends Clock {
    private final AtomicLong shiftMillis;

    /** Real time. */
    public MovedTime() {
        shiftMillis = new AtomicLong();
    }

    /** Real speed from {@code start} on. */
    public MovedTime(Instant start) {
        shiftMillis = new AtomicLong(start.toEpochMilli() - System.currentTimeMillis());
    }

    public void advance(Duration d) {
        shiftMillis.addAndGet(d.toMillis());
    }

    /** Jumps to {@code now} (forward or back) and runs on from there. */
    public void set(Instant now) {
        shiftMillis.set(now.toEpochMilli() - System.currentTimeMillis());
    }

    /** The monotonic source that jumps with the wall clock. */
    public long nanos() {
        return System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(shiftMillis.get());
    }

    @Override
    public long millis() {
        return System.currentTimeMillis() + shiftMillis.get();
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
