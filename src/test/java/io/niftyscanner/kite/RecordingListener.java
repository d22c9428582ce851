package io.niftyscanner.kite;

import io.niftyscanner.market.Tick;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Records ticker events in queues the test can await. */
final class RecordingListener implements KiteTickerListener {
    final BlockingQueue<Tick> ticks = new LinkedBlockingQueue<>();
    final BlockingQueue<String> events = new LinkedBlockingQueue<>();
    final BlockingQueue<Order> orders = new LinkedBlockingQueue<>();
    final java.util.List<Long> reconnectDelays = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Override
    public void onTick(Tick tick) {
        ticks.add(tick);
    }

    @Override
    public void onConnected() {
        events.add("connected");
    }

    @Override
    public void onDisconnected(String reason) {
        events.add("disconnected: " + reason);
    }

    @Override
    public void onReconnecting(int attempt, long delayMillis) {
        reconnectDelays.add(delayMillis);
        events.add("reconnecting " + attempt);
    }

    @Override
    public void onTokenRejected(String message) {
        events.add("token rejected: " + message);
    }

    @Override
    public void onGaveUp(int attempts, String lastReason) {
        events.add("gave up");
    }

    @Override
    public void onOrderUpdate(Order order) {
        orders.add(order);
    }

    @Override
    public void onError(String message) {
        events.add("error: " + message);
    }

    @Override
    public void onMessage(String message) {
        events.add("message: " + message);
    }

    @Override
    public void onBadFrame(String reason) {
        events.add("bad frame: " + reason);
    }

    /** The next event starting with {@code prefix}, skipping others; fails after 10 s. */
    String await(String prefix) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            String e = events.poll(100, TimeUnit.MILLISECONDS);
            if (e != null && e.startsWith(prefix)) {
                return e;
            }
        }
        throw new AssertionError("no '" + prefix + "' event within 10 s");
    }

    Tick awaitTick() throws InterruptedException {
        Tick t = ticks.poll(30, TimeUnit.SECONDS);
        if (t == null) {
            throw new AssertionError("no tick within 5 s");
        }
        return t;
    }
}
