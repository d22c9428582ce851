package io.niftyscanner.sandbox;

import java.time.Clock;
import java.time.Instant;

/** The simulated exchange's time: epoch milliseconds of the simulated IST moment. */
@FunctionalInterface
public interface MarketClock {
    long nowMillis();

    /** Market time that starts at {@code marketStart} when created and runs {@code speed} times faster than {@code wall}. */
    static MarketClock scaled(Clock wall, Instant marketStart, double speed) {
        if (!(speed > 0)) {
            throw new IllegalArgumentException("speed must be positive, got " + speed);
        }
        long wallStart = wall.millis();
        long start = marketStart.toEpochMilli();
        return () -> start + (long) ((wall.millis() - wallStart) * speed);
    }
}
