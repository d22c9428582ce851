package io.niftyscanner.engine;

import java.util.Map;
import java.util.TreeMap;

/**
 * Stretches of market time whose data is missing or incomplete (an outage, a burst of bad frames, refused ticks, a
 * mode switch, joining mid-candle), kept merged and sorted. Candles are judged against it by time: a candle that
 * overlaps a stretch is not complete, and a bucket inside one that has no candle at all is missing, not empty.
 * Not thread-safe: owned by the engine thread.
 */
public final class GapTimeline {
    /** from -> to, both inclusive; no two entries overlap or touch. */
    private final TreeMap<Long, Long> stretches = new TreeMap<>();

    /** Adds [from, to] (inclusive), merging it with any stretch it overlaps or touches. */
    public void add(long fromMillis, long toMillis) {
        if (toMillis < fromMillis) {
            return;
        }
        long from = fromMillis;
        long to = toMillis;
        Map.Entry<Long, Long> before = stretches.floorEntry(from);
        if (before != null && before.getValue() >= from - 1) {
            from = before.getKey();
            to = Math.max(to, before.getValue());
            stretches.remove(before.getKey());
        }
        Map.Entry<Long, Long> next = stretches.ceilingEntry(from);
        while (next != null && next.getKey() <= to + 1) {
            to = Math.max(to, next.getValue());
            stretches.remove(next.getKey());
            next = stretches.ceilingEntry(from);
        }
        stretches.put(from, to);
    }

    /** Whether any stretch has an instant in [from, to] (inclusive). */
    public boolean overlaps(long fromMillis, long toMillis) {
        if (stretches.isEmpty() || toMillis < fromMillis) {
            return false;
        }
        Map.Entry<Long, Long> e = stretches.floorEntry(toMillis);
        return e != null && e.getValue() >= fromMillis;
    }

    /** Forgets stretches that end before the instant (older than anything still kept). */
    public void forgetBefore(long millis) {
        stretches.headMap(millis).entrySet().removeIf(e -> e.getValue() < millis);
    }

    public boolean isEmpty() {
        return stretches.isEmpty();
    }

    @Override
    public String toString() {
        return stretches.toString();
    }
}
