package io.niftyscanner.sandbox;

import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.handshake.ServerHandshake;

/** A minimal KiteTicker client for the tests: records binary frames, text messages, the close code and handshake status. */
final class WsTestClient extends WebSocketClient {
    final List<byte[]> frames = new CopyOnWriteArrayList<>();
    final List<String> texts = new CopyOnWriteArrayList<>();
    final CountDownLatch closed = new CountDownLatch(1);
    volatile int closeCode;
    volatile String closeReason = "";
    volatile boolean opened;

    WsTestClient(String wsUrl, String apiKey, String accessToken) {
        super(URI.create(wsUrl + "/?api_key=" + apiKey + "&access_token=" + accessToken));
    }

    static WsTestClient connect(String wsUrl, String apiKey, String accessToken) throws InterruptedException {
        WsTestClient c = new WsTestClient(wsUrl, apiKey, accessToken);
        c.connectBlocking(30, TimeUnit.SECONDS);
        return c;
    }

    @Override
    public void onOpen(ServerHandshake handshake) {
        opened = true;
    }

    @Override
    public void onMessage(String message) {
        texts.add(message);
    }

    @Override
    public void onMessage(ByteBuffer bytes) {
        byte[] b = new byte[bytes.remaining()];
        bytes.get(b);
        frames.add(b);
    }

    @Override
    public void onClose(int code, String reason, boolean remote) {
        closeCode = code;
        closeReason = reason == null ? "" : reason;
        closed.countDown();
    }

    @Override
    public void onError(Exception ex) {
        // the close callback carries what the tests check
    }

    List<byte[]> tickFrames() {
        return frames.stream().filter(f -> f.length > 1).toList();
    }

    long heartbeats() {
        return frames.stream().filter(f -> f.length == 1).count();
    }

    /** Index of the first frame holding a full-mode packet (184 or 32 bytes), or -1. */
    int firstFullFrame() {
        List<byte[]> ticks = tickFrames();
        for (int i = 0; i < ticks.size(); i++) {
            if (KiteWire.decode(ticks.get(i)).stream().anyMatch(p -> p.length() == 184 || p.length() == 32)) {
                return i;
            }
        }
        return -1;
    }

    /** Waits for the snapshot that follows a subscribe + mode full pair (one frame, or two if they were processed apart). */
    void awaitFullSnapshot() throws InterruptedException {
        await(() -> firstFullFrame() >= 0, Duration.ofSeconds(10), "the full-mode snapshot");
    }

    static void await(BooleanSupplier condition, Duration timeout, String what) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(10);
        }
    }
}
