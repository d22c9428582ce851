package io.niftyscanner.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.java_websocket.WebSocket;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.exceptions.WebsocketNotConnectedException;
import org.java_websocket.handshake.ClientHandshake;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A KiteTicker-compatible sender for benchmarks (./scanner bench): full-mode binary frames (kite-protocol.md 1.4) for
 * every instrument each socket subscribed, on a scripted price path, at a set rate or as fast as the socket drains,
 * plus a 1-byte heartbeat every second as Kite sends. It accepts any api_key and access_token and binds 127.0.0.1 only.
 * One sender thread per socket writes into a reused buffer; Java-WebSocket copies the payload before {@code send}
 * returns.
 */
public final class LoadTicker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LoadTicker.class);
    private static final int PACKET = TickFrames.FULL_LENGTH;
    /** Frames queued on a socket beyond this make a flat-out sender wait: the receiver sets the pace. */
    private static final int MAX_QUEUED_FRAMES = 32;
    private static final long HEARTBEAT_NANOS = TimeUnit.SECONDS.toNanos(1);

    /** The streamed market: prices and cumulative volumes as functions of market time. Called from sender threads. */
    public interface Script {
        /** Last traded price in paise at this market instant. */
        long price(long token, long marketMillis);

        /** Cumulative day volume at this market instant. */
        long volume(long token, long marketMillis);
    }

    /**
     * How to stream.
     *
     * @param ticksPerSecond    ticks per instrument per second of wall time; 0 streams flat out: every subscribed
     *                          instrument in every frame, as fast as the receiver drains the socket
     * @param frameMillis       when paced, a frame goes out on each socket this often with the instruments that are due
     * @param marketSpeed       market milliseconds per wall millisecond (60: a 5-minute candle every 5 s)
     * @param marketStartMillis exchange time of the first frame
     */
    public record Pace(double ticksPerSecond, int frameMillis, double marketSpeed, long marketStartMillis) {
        public Pace {
            if (ticksPerSecond < 0 || frameMillis < 1 || marketSpeed <= 0) {
                throw new IllegalArgumentException("pace: ticks per second >= 0, frame >= 1 ms, market speed > 0");
            }
        }

        public boolean flatOut() {
            return ticksPerSecond == 0;
        }
    }

    /** What went out so far. {@code lateFrames}: paced frames sent more than one frame period after their slot. */
    public record Stats(int sockets, long frames, long packets, long heartbeats, long lateFrames) {}

    private final Script script;
    private final Server server;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final List<Thread> senders = new ArrayList<>();
    private final AtomicLong frames = new AtomicLong();
    private final AtomicLong packets = new AtomicLong();
    private final AtomicLong heartbeats = new AtomicLong();
    private final AtomicLong lateFrames = new AtomicLong();
    private volatile boolean running = true;

    private LoadTicker(Script script) {
        this.script = script;
        this.server = new Server();
    }

    /** Listens on a free port of 127.0.0.1. */
    public static LoadTicker start(Script script) throws IOException {
        LoadTicker t = new LoadTicker(script);
        t.server.startAndWait();
        return t;
    }

    public String url() {
        return "ws://127.0.0.1:" + server.getPort() + "/";
    }

    public Stats stats() {
        return new Stats(sockets.size(), frames.get(), packets.get(), heartbeats.get(), lateFrames.get());
    }

    /** Waits until {@code count} sockets are open and have subscribed {@code tokens} instruments between them. */
    public void awaitSubscriptions(int count, int tokens, long timeoutMillis) throws InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (true) {
            int subscribed = 0;
            for (Socket s : sockets) {
                subscribed += s.subscribedCount();
            }
            if (sockets.size() >= count && subscribed >= tokens) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new TimeoutException(sockets.size() + " of " + count + " sockets with " + subscribed + " of " + tokens
                        + " instruments subscribed after " + timeoutMillis + " ms");
            }
            Thread.sleep(10);
        }
    }

    /**
     * Starts one sender thread per open socket, and the heartbeat. Returns at once. Market time starts when the first
     * frame goes out, so a slow thread start cannot make the first tick look late.
     */
    public synchronized void stream(Pace pace) {
        AtomicLong origin = new AtomicLong();
        int n = 0;
        for (Socket s : sockets) {
            Thread t = new Thread(() -> s.send(pace, origin), "load-sender-" + n++);
            t.setDaemon(true);
            senders.add(t);
        }
        Thread beat = new Thread(() -> heartbeats(System.nanoTime()), "load-heartbeat");
        beat.setDaemon(true);
        senders.add(beat);
        senders.forEach(Thread::start);
    }

    private void heartbeats(long startNanos) {
        byte[] beat = TickFrames.heartbeat();
        for (long k = 1; running; k++) {
            if (!parkUntil(startNanos + k * HEARTBEAT_NANOS)) {
                return;
            }
            for (Socket s : sockets) {
                if (s.conn.isOpen()) {
                    try {
                        s.conn.send(beat);
                        heartbeats.incrementAndGet();
                    } catch (WebsocketNotConnectedException e) {
                        LOG.trace("heartbeat on a closed socket");
                    }
                }
            }
        }
    }

    private boolean parkUntil(long deadlineNanos) {
        long wait;
        while (running && (wait = deadlineNanos - System.nanoTime()) > 0) {
            LockSupport.parkNanos(wait);
        }
        return running;
    }

    /** Stops the senders and closes every socket. */
    @Override
    public void close() {
        running = false;
        for (Thread t : senders) {
            t.interrupt();
            try {
                t.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            server.stop(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One accepted socket and the instruments it subscribed, in order. */
    private final class Socket {
        final WebSocket conn;
        private final Set<Long> subscribed = new LinkedHashSet<>();

        Socket(WebSocket conn) {
            this.conn = conn;
        }

        synchronized void subscribe(List<Long> tokens) {
            subscribed.addAll(tokens);
        }

        synchronized void unsubscribe(List<Long> tokens) {
            tokens.forEach(subscribed::remove);
        }

        synchronized int subscribedCount() {
            return subscribed.size();
        }

        synchronized long[] tokens() {
            return subscribed.stream().mapToLong(Long::longValue).toArray();
        }

        void send(Pace pace, AtomicLong origin) {
            long[] tokens = tokens();
            if (tokens.length == 0) {
                return;
            }
            long startNanos = origin.updateAndGet(v -> v == 0 ? System.nanoTime() : v);
            int slots = pace.flatOut() ? 1 : Math.max(1, (int) Math.round(1000.0 / (pace.ticksPerSecond() * pace.frameMillis())));
            int perFrame = (tokens.length + slots - 1) / slots;
            ByteBuffer frame = ByteBuffer.allocate(2 + perFrame * (2 + PACKET));
            long periodNanos = TimeUnit.MILLISECONDS.toNanos(pace.frameMillis());
            try {
                for (long k = 0; running && conn.isOpen(); k++) {
                    if (pace.flatOut()) {
                        waitForDrain();
                    } else {
                        long slotNanos = startNanos + k * periodNanos;
                        if (!parkUntil(slotNanos)) {
                            return;
                        }
                        if (System.nanoTime() - slotNanos > periodNanos) {
                            lateFrames.incrementAndGet();
                        }
                    }
                    long market = pace.marketStartMillis()
                            + (long) ((System.nanoTime() - startNanos) / 1e6 * pace.marketSpeed());
                    int slot = (int) (k % slots);
                    frame.clear();
                    frame.putShort((short) 0);
                    int count = 0;
                    for (int i = slot; i < tokens.length; i += slots) {
                        frame.putShort((short) PACKET);
                        putFull(frame, tokens[i], market);
                        count++;
                    }
                    if (count == 0) {
                        continue;
                    }
                    frame.putShort(0, (short) count);
                    frame.flip();
                    conn.send(frame);
                    frames.incrementAndGet();
                    packets.addAndGet(count);
                }
            } catch (WebsocketNotConnectedException e) {
                LOG.debug("load sender: socket closed");
            }
        }

        private void waitForDrain() {
            if (!(conn instanceof WebSocketImpl)) {
                return;
            }
            WebSocketImpl impl = (WebSocketImpl) conn;
            while (running && impl.outQueue.size() > MAX_QUEUED_FRAMES && conn.isOpen()) {
                LockSupport.parkNanos(20_000);
            }
        }

        /** A 184-byte full packet: quote fields, times, no OI, five levels of depth around the price. */
        private void putFull(ByteBuffer b, long token, long marketMillis) {
            long price = script.price(token, marketMillis);
            long volume = script.volume(token, marketMillis);
            int seconds = (int) (marketMillis / 1000);
            b.putInt((int) token).putInt((int) price).putInt(1 + (int) (volume % 97)).putInt((int) price)
                    .putInt((int) Math.min(volume, 0xFFFF_FFFFL)).putInt(150_000).putInt(140_000)
                    .putInt((int) price).putInt((int) price).putInt((int) price).putInt((int) price);
            b.putInt(seconds).putInt(0).putInt(0).putInt(0).putInt(seconds);
            for (int level = 0; level < 5; level++) {
                b.putInt(100 + level * 10).putInt((int) (price - 5L * (level + 1))).putShort((short) (1 + level)).putShort((short) 0);
            }
            for (int level = 0; level < 5; level++) {
                b.putInt(90 + level * 10).putInt((int) (price + 5L * (level + 1))).putShort((short) (1 + level)).putShort((short) 0);
            }
        }
    }

    private final class Server extends LoopbackWebSocketServer {
        private final ObjectMapper json = new ObjectMapper();
        Server() {
            super(0, new Draft_6455(), "the load ticker");
        }

        @Override
        public void onOpen(WebSocket conn, ClientHandshake handshake) {
            Socket s = new Socket(conn);
            conn.setAttachment(s);
            sockets.add(s);
        }

        @Override
        public void onClose(WebSocket conn, int code, String reason, boolean remote) {
            Object a = conn.getAttachment();
            if (a instanceof Socket) {
                sockets.remove(a);
            }
        }

        @Override
        public void onMessage(WebSocket conn, String message) {
            Object a = conn.getAttachment();
            if (!(a instanceof Socket)) {
                return;
            }
            try {
                JsonNode n = json.readTree(message);
                String action = n.path("a").asText("");
                if (action.equals("subscribe")) {
                    ((Socket) a).subscribe(tokens(n.get("v")));
                } else if (action.equals("unsubscribe")) {
                    ((Socket) a).unsubscribe(tokens(n.get("v")));
                }
                // mode messages change nothing: this sender always streams full packets
            } catch (IOException e) {
                LOG.debug("load ticker ignored a message that is not JSON");
            }
        }

        private List<Long> tokens(JsonNode v) {
            List<Long> out = new ArrayList<>();
            if (v != null && v.isArray()) {
                for (JsonNode t : v) {
                    if (t.isIntegralNumber()) {
                        out.add(t.asLong());
                    }
                }
            }
            return out;
        }
    }
}
