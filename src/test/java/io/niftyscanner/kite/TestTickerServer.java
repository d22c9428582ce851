package io.niftyscanner.kite;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

/** A ticker server for tests: records what clients send, sends what the test tells it. */
final class TestTickerServer extends WebSocketServer {
    final BlockingQueue<String> received = new LinkedBlockingQueue<>();
    final BlockingQueue<WebSocket> opened = new LinkedBlockingQueue<>();
    final List<String> handshakeUris = new CopyOnWriteArrayList<>();
    private final CountDownLatch started = new CountDownLatch(1);

    TestTickerServer() {
        super(new InetSocketAddress("127.0.0.1", 0));
        setReuseAddr(true);
    }

    static TestTickerServer startServer() throws InterruptedException {
        TestTickerServer s = new TestTickerServer();
        s.start();
        if (!s.started.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("test server did not start");
        }
        return s;
    }

    String url() {
        return "ws://127.0.0.1:" + getPort();
    }

    @Override
    public void onOpen(WebSocket conn, ClientHandshake handshake) {
        handshakeUris.add(handshake.getResourceDescriptor());
        opened.add(conn);
    }

    @Override
    public void onClose(WebSocket conn, int code, String reason, boolean remote) {}

    @Override
    public void onMessage(WebSocket conn, String message) {
        received.add(message);
    }

    @Override
    public void onMessage(WebSocket conn, ByteBuffer message) {}

    @Override
    public void onError(WebSocket conn, Exception ex) {}

    @Override
    public void onStart() {
        started.countDown();
    }

    WebSocket awaitConnection() throws InterruptedException {
        WebSocket ws = opened.poll(30, TimeUnit.SECONDS);
        if (ws == null) {
            throw new AssertionError("no client connected within 10 s");
        }
        return ws;
    }

    String awaitMessage() throws InterruptedException {
        String m = received.poll(30, TimeUnit.SECONDS);
        if (m == null) {
            throw new AssertionError("the client sent nothing within 5 s");
        }
        return m;
    }

    void stopQuietly() {
        try {
            stop(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
