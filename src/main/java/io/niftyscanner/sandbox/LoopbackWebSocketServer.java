package io.niftyscanner.sandbox;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.java_websocket.WebSocket;
import org.java_websocket.drafts.Draft;
import org.java_websocket.server.WebSocketServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A WebSocket server on 127.0.0.1 that {@link #startAndWait() starts} only once it listens, and says why it cannot.
 * Clients send it text; binary frames from a client are ignored, as Kite ignores them.
 */
abstract class LoopbackWebSocketServer extends WebSocketServer {
    private static final Logger LOG = LoggerFactory.getLogger(LoopbackWebSocketServer.class);

    private final String name;
    private final CountDownLatch started = new CountDownLatch(1);
    private volatile Exception startFailure;

    /** @param name what the server is, in messages ("the sandbox WebSocket server") */
    LoopbackWebSocketServer(int port, Draft draft, String name) {
        super(new InetSocketAddress("127.0.0.1", port), List.of(draft));
        this.name = name;
        setReuseAddr(true);
        setTcpNoDelay(true);
    }

    /** Starts listening; returns once the server listens, or throws saying why it cannot. */
    void startAndWait() throws IOException {
        start();
        try {
            if (!started.await(10, TimeUnit.SECONDS)) {
                throw new IOException(name + " did not start within 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while starting " + name, e);
        }
        if (startFailure != null) {
            throw new IOException(cannotListen(startFailure), startFailure);
        }
    }

    /** The message when the server cannot listen (a busy port, say). */
    protected String cannotListen(Exception failure) {
        return name + " cannot listen on 127.0.0.1:" + getAddress().getPort() + ": " + failure.getMessage();
    }

    @Override
    public void onMessage(WebSocket conn, ByteBuffer message) {
        // clients send no binary frames; ignore them as Kite does
    }

    @Override
    public void onError(WebSocket conn, Exception ex) {
        if (conn == null) {
            startFailure = ex;
            started.countDown();
        } else {
            LOG.debug("{}: socket error: {}", name, ex.toString());
        }
    }

    @Override
    public void onStart() {
        started.countDown();
    }
}
