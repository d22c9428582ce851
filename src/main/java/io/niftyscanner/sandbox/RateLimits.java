package io.niftyscanner.sandbox;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.EnumMap;
import java.util.Map;

/** Kite's per-endpoint rate limits (kite-protocol.md 2.9), as sliding windows on the sandbox's wall clock. */
final class RateLimits {
    enum Category {
        QUOTE(1, 0),
        HISTORICAL(3, 0),
        ORDERS(10, 200),
        OTHER(10, 0);

        final int perSecond;
        final int perMinute;

        Category(int perSecond, int perMinute) {
            this.perSecond = perSecond;
            this.perMinute = perMinute;
        }
    }

    private final Clock wall;
    private final Map<Category, ArrayDeque<Long>> admitted = new EnumMap<>(Category.class);

    RateLimits(Clock wall) {
        this.wall = wall;
        for (Category c : Category.values()) {
            admitted.put(c, new ArrayDeque<>());
        }
    }

    /** Admits the request (and counts it) unless it would exceed a limit. */
    synchronized boolean tryAcquire(Category c) {
        long now = wall.millis();
        ArrayDeque<Long> q = admitted.get(c);
        while (!q.isEmpty() && q.peekFirst() <= now - 60_000L) {
            q.pollFirst();
        }
        int lastSecond = 0;
        for (var it = q.descendingIterator(); it.hasNext(); ) {
            if (it.next() > now - 1000L) {
                lastSecond++;
            } else {
                break;
            }
        }
        if (lastSecond >= c.perSecond || (c.perMinute > 0 && q.size() >= c.perMinute)) {
            return false;
        }
        q.addLast(now);
        return true;
    }
}
