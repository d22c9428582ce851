package io.niftyscanner.kite;

import java.util.function.LongSupplier;

/**
 * At most {@code permits} acquisitions in any window of {@code periodNanos} (a sliding window, not a bucket that
 * refills in bursts). Each caller reserves the earliest free slot under the lock and then waits outside it.
 * Own code rather than resilience4j/bucket4j: ~60 lines, exact for Kite's "N per window" rules (incl. 200/min),
 * and it runs on the injected clock and sleeper, so tests move time instead of waiting.
 */
final class RateLimiter {
    private final String name;
    private final long periodNanos;
    private final long[] slots;
    /** The slot's request has not come back yet ({@link Permit#done()} not called): its place may still move later. */
    private final boolean[] inFlight;
    private final LongSupplier nanos;
    private final KiteTime.Sleeper sleeper;
    private int used;

    RateLimiter(String name, int permits, long periodNanos, LongSupplier nanos, KiteTime.Sleeper sleeper) {
        if (permits < 1 || periodNanos < 1) {
            throw new IllegalArgumentException("rate limit needs at least 1 permit per positive period");
        }
        this.name = name;
        this.periodNanos = periodNanos;
        this.slots = new long[permits];
        this.inFlight = new boolean[permits];
        this.nanos = nanos;
        this.sleeper = sleeper;
    }

    /** A granted permit; {@link #done()} when the request's response has arrived. */
    final class Permit {
        private final int slot;
        private final long at;
        private final long waitedNanos;

        private Permit(int slot, long at, long waitedNanos) {
            this.slot = slot;
            this.at = at;
            this.waitedNanos = waitedNanos;
        }

        long waitedNanos() {
            return waitedNanos;
        }

        /**
         * Moves this permit's place in the window to the moment the response came back. The server counted the
         * request when it arrived, some time between sending and the response, so counting from the response means
         * no later request can share a server window with it, however long the request was in flight.
         */
        void done() {
            long now = nanos.getAsLong();
            synchronized (RateLimiter.this) {
                if (slots[slot] == at && inFlight[slot]) {
                    slots[slot] = Math.max(at, now);
                    inFlight[slot] = false;
                }
            }
        }
    }

    /**
     * Blocks until a permit is free. The permit takes the slot that frees first among those whose request came back;
     * only when every slot's request is still in flight does it take the oldest one (its answer may then come later
     * than the window assumes, as without {@link Permit#done()}).
     */
    Permit acquire() throws InterruptedException {
        long now = nanos.getAsLong();
        long at;
        int slot;
        synchronized (this) {
            if (used < slots.length) {
                slot = used++;
                at = now;
            } else {
                slot = earliest(true);
                if (slot < 0) {
                    slot = earliest(false);
                }
                at = Math.max(now, slots[slot] + periodNanos);
            }
            slots[slot] = at;
            inFlight[slot] = true;
        }
        long wait = at - now;
        if (wait > 0) {
            sleeper.sleep(wait);
        }
        return new Permit(slot, at, Math.max(0, wait));
    }

    /** The slot with the earliest time, among those come back only if {@code returnedOnly}; -1 when there is none. */
    private int earliest(boolean returnedOnly) {
        int best = -1;
        for (int i = 0; i < slots.length; i++) {
            if ((!returnedOnly || !inFlight[i]) && (best < 0 || slots[i] < slots[best])) {
                best = i;
            }
        }
        return best;
    }

    /** Pushes every slot past {@code untilNanos}: used after a 429 so the next calls wait out the server's window. */
    synchronized void blockUntil(long untilNanos) {
        for (int i = 0; i < slots.length; i++) {
            slots[i] = Math.max(slots[i], untilNanos - periodNanos);
        }
        used = slots.length;
    }

    @Override
    public String toString() {
        return name + " (" + slots.length + " per " + periodNanos / 1_000_000L + " ms)";
    }
}
