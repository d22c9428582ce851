package io.niftyscanner.sandbox;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/** Counters behind GET /__sandbox/stats. */
final class SandboxStats {
    final Map<String, LongAdder> requests = new ConcurrentHashMap<>();
    final AtomicLong rateLimited = new AtomicLong();
    final AtomicLong serverErrors = new AtomicLong();
    final AtomicLong wsOpen = new AtomicLong();
    final AtomicLong wsTotal = new AtomicLong();
    final AtomicLong wsRejected = new AtomicLong();
    final AtomicLong wsDropped = new AtomicLong();
    final AtomicLong ticksSent = new AtomicLong();
    final AtomicLong framesSent = new AtomicLong();
    final AtomicLong heartbeatsSent = new AtomicLong();
    final AtomicLong malformedSent = new AtomicLong();
    final AtomicLong orderUpdatesSent = new AtomicLong();
    final AtomicLong ordersPlaced = new AtomicLong();
    final AtomicLong orderResponsesDropped = new AtomicLong();
    /** Requests and handshakes refused by {@link RequestGuard} (foreign Host or Origin, non-JSON control POST). */
    final AtomicLong refused = new AtomicLong();

    void request(String route) {
        requests.computeIfAbsent(route, r -> new LongAdder()).increment();
    }

    Map<String, Long> requestsByRoute() {
        Map<String, Long> out = new TreeMap<>();
        requests.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }
}
