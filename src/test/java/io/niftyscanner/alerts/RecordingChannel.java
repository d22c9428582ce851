package io.niftyscanner.alerts;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A channel that records what it was given. */
final class RecordingChannel implements AlertChannel {
    private final String name;
    final List<Alert> received = new CopyOnWriteArrayList<>();
    final List<String> threads = new CopyOnWriteArrayList<>();
    volatile String unavailable;

    RecordingChannel(String name) {
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String unavailableReason() {
        return unavailable;
    }

    @Override
    public Delivery deliver(Alert alert) {
        threads.add(Thread.currentThread().getName());
        received.add(alert);
        return Delivery.OK;
    }
}
