package io.niftyscanner.app;

import io.niftyscanner.sandbox.MarketClock;

/**
 * The sandbox's market time for tests: runs {@code speed} times faster than real time, and stands still while paused
 * (no ticks, no fills, no time-driven square-off), so a test can compare the exchange with what a scanner process
 * read from it, or let a process start up before the session moves on.
 */
final class PausableMarketClock implements MarketClock {
    private final double speed;
    private long marketAtBase;
    private long nanosAtBase;
    private boolean paused;

    PausableMarketClock(long startMillis, double speed, boolean paused) {
        this.speed = speed;
        this.marketAtBase = startMillis;
        this.nanosAtBase = System.nanoTime();
        this.paused = paused;
    }

    @Override
    public synchronized long nowMillis() {
        return paused ? marketAtBase : marketAtBase + (long) ((System.nanoTime() - nanosAtBase) / 1e6 * speed);
    }

    synchronized void pause() {
        marketAtBase = nowMillis();
        paused = true;
    }

    synchronized void resume() {
        if (paused) {
            nanosAtBase = System.nanoTime();
            paused = false;
        }
    }
}
