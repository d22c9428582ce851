package io.niftyscanner.orders;

import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * The executor's time: market time (exchange clock: session, square-off, signal age, cooldown; the journal's trading
 * times), wall time (signal timings), and a monotonic source with a way to wait (the client-side order rate).
 *
 * @param marketTimeKnown whether market time comes from the exchange yet (the executor boots only then, so it reads
 *                        the right session from the journal)
 */
public record OrderClock(LongSupplier marketMillis, BooleanSupplier marketTimeKnown, LongSupplier wallMillis,
                         LongSupplier nanos, Sleeper sleeper) {
    @FunctionalInterface
    public interface Sleeper {
        void sleepNanos(long nanos) throws InterruptedException;
    }

    public static OrderClock system(LongSupplier marketMillis, BooleanSupplier marketTimeKnown) {
        return new OrderClock(marketMillis, marketTimeKnown, System::currentTimeMillis, System::nanoTime, n -> {
            if (n > 0) {
                Thread.sleep(n / 1_000_000L, (int) (n % 1_000_000L));
            }
        });
    }
}
