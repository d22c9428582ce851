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
    private final java.util.Set<FaultKind> armed = java.util.EnumSet.noneOf(FaultKind.class);

    FaultState(Clock wall) {
        this.wall = wall;
    }

    synchronized void start(FaultKind kind, Duration d) {
        until.put(kind, wall.millis() + d.toMillis());
    }

    synchronized void clear() {
        until.clear();
        armed.clear();
    }

    /** Arms a one-shot fault (a corrupt value in the next tick frame). */
    synchronized void arm(FaultKind kind) {
        armed.add(kind);
    }

    /** Whether a one-shot fault is armed; disarms it. */
    synchronized boolean take(FaultKind kind) {
        return armed.remove(kind);
    }

    synchronized boolean anyArmed() {
        return !armed.isEmpty();
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
        armed.forEach(k -> out.put(k.wireName(), 0L));
        return out;
    }
}
