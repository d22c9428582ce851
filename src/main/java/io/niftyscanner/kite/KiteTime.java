package io.niftyscanner.kite;

import java.time.Clock;
import java.util.Random;
import java.util.function.LongSupplier;

/**
 * The time sources of the Kite adapter, injected so tests move a clock instead of sleeping.
 *
 * @param clock   wall clock (order timestamps, token expiry)
 * @param nanos   monotonic nanoseconds (rate limits, backoff, liveness)
 * @param sleeper how the adapter waits
 * @param random  jitter source
 */
public record KiteTime(Clock clock, LongSupplier nanos, Sleeper sleeper, Random random) {

    /** Waits for the given nanoseconds. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(long nanos) throws InterruptedException;
    }

    public static KiteTime system() {
        return new KiteTime(Clock.systemUTC(), System::nanoTime, nanos -> {
            if (nanos > 0) {
                Thread.sleep(nanos / 1_000_000L, (int) (nanos % 1_000_000L));
            }
        }, new Random());
    }
}
