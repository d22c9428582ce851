package io.niftyscanner.app;

import io.niftyscanner.engine.Engine;
import io.niftyscanner.market.Tick;

/**
 * Tick-to-signal latency for the status bar: from the moment the feed received the tick that made the engine raise a
 * signal (the tick that closed the candle) until the engine had raised it. Signals raised by the market clock alone
 * (a candle closed by time, not by a tick) have no such tick and are not counted.
 */
final class SignalLatency implements Engine.TickObserver {
    /** Engine thread only: when a signal was last raised and not yet matched to a tick (0: none). */
    private long raisedAt;
    private volatile long lastMicros = -1;

    /** Called on the engine thread from the engine's listener when it raises a signal. */
    void signalRaised() {
        raisedAt = System.nanoTime();
    }

    @Override
    public void afterTick(Tick tick) {
        if (raisedAt != 0) {
            long nanos = raisedAt - tick.receivedNanos();
            raisedAt = 0;
            // a signal raised by a command (a repair) before this tick was received is not this tick's
            if (tick.receivedNanos() > 0 && nanos >= 0 && nanos < 60_000_000_000L) {
                lastMicros = nanos / 1000;
            }
        }
    }

    @Override
    public void afterMarketTime(long epochMillis) {
        raisedAt = 0;
    }

    /** The newest measurement in microseconds, or -1 before the first signal raised by a tick. */
    long lastMicros() {
        return lastMicros;
    }
}
