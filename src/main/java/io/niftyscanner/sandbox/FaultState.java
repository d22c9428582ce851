package io.niftyscanner.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** Which timed faults are active, on the sandbox's wall clock. Thread-safe. */
final class FaultState {
    private final Clock wall;
    private final Map<FaultKind, Long> until = new EnumMap<>(FaultKind.class);

    FaultState(Clock wall) {
        this.wall = wall;
    }

    synchronized void start(FaultKind kind, Duration d) {
        until.put(kind, wall.millis() + d.toMillis());
    }

    synchronized void clear() {
        until.clear();
    }

    synchronized boolean active(FaultKind kind) {
        Long end = until.get(kind);
        if (end == null) {
            return false;
        }
        if (wall.millis() >= end) {
            until.remove(kind);
            return false;
        }
        return true;
    }

    /** Active faults and the wall-clock milliseconds left of each. */
    synchronized Map<String, Long> remaining() {
        Map<String, Long> out = new LinkedHashMap<>();
        long now = wall.millis();
        until.forEach((k, end) -> {
            if (end > now) {
                out.put(k.wireName(), end - now);
            }
        });
        return out;
    }
}
