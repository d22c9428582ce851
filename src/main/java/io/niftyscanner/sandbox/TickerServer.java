package io.niftyscanner.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import org.java_websocket.WebSocket;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.drafts.Draft;
import org.java_websocket.exceptions.InvalidDataException;
import org.java_websocket.exceptions.WebsocketNotConnectedException;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.handshake.ServerHandshakeBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The KiteTicker side of the sandbox: handshake with api_key and access_token (403 when bad, 429 past
 * {@value #MAX_CONNECTIONS_PER_KEY} sockets per key), subscribe/unsubscribe/mode text messages, binary tick
 * frames with only the instruments that changed, heartbeats, and text order updates.
 */
final class TickerServer extends LoopbackWebSocketServer {
    private static final Logger LOG = LoggerFactory.getLogger(TickerServer.class);
    static final int MAX_CONNECTIONS_PER_KEY = 3;
    static final int MAX_TOKENS_PER_CONNECTION = 3000;

    /** State of one accepted socket. Modes are written by the socket thread and read by the pump. */
    static final class Connection {
        final String apiKey;
        final Map<Long, TickMode> modes = new ConcurrentHashMap<>();
        final java.util.Set<Long> pendingSnapshot = ConcurrentHashMap.newKeySet();
        final java.util.concurrent.atomic.AtomicBoolean snapshotScheduled = new java.util.concurrent.atomic.AtomicBoolean();
        int malformedSent;

        Connection(String apiKey) {
            this.apiKey = apiKey;
        }
    }

    private record Rejected(int status) {}

    private final ObjectMapper json = new ObjectMapper();
    private final Sessions sessions;
    private final SimMarket market;
    private final FaultState faults;
    private final SandboxStats stats;
    private final LongSupplier marketTime;
    private final Map<String, AtomicInteger> perKey = new ConcurrentHashMap<>();

    /**
     * Subscribe and mode messages usually come in pairs: their snapshot goes out once, this long after the first. Long
     * enough for a client whose second small write waits on Nagle and a delayed ACK (~40 ms on Linux).
     */
    static final long SNAPSHOT_DELAY_MILLIS = 150;

    private final java.util.concurrent.ScheduledExecutorService scheduler;
    private final java.util.function.IntSupplier restPort;

    TickerServer(int port, Sessions sessions, SimMarket market, FaultState faults, SandboxStats stats, LongSupplier marketTime,
                 java.util.concurrent.ScheduledExecutorService scheduler, java.util.function.IntSupplier restPort) {
        super(port, new RejectingDraft(), "the sandbox WebSocket server");
        this.restPort = restPort;
        this.sessions = sessions;
        this.market = market;
        this.faults = faults;
        this.stats = stats;
        this.marketTime = marketTime;
        this.scheduler = scheduler;
    }

    @Override
    protected String cannotListen(Exception failure) {
        return "cannot listen on 127.0.0.1:" + getAddress().getPort() + " for the sandbox WebSocket: " + failure.getMessage()
                + " (choose another --ws-port, or 0 for any free port)";
    }

    @Override
    public ServerHandshakeBuilder onWebsocketHandshakeReceivedAsServer(WebSocket conn, Draft draft, ClientHandshake request)
            throws InvalidDataException {
        ServerHandshakeBuilder response = super.onWebsocketHandshakeReceivedAsServer(conn, draft, request);
        String foreign = RequestGuard.hostProblem(request.hasFieldValue("Host") ? request.getFieldValue("Host") : null);
        if (foreign == null) {
            foreign = RequestGuard.originProblem(request.hasFieldValue("Origin") ? request.getFieldValue("Origin") : null,
                    restPort.getAsInt());
        }
        if (foreign != null) {
            stats.refused.incrementAndGet();
            response.put(RejectingDraft.REJECT_TYPE, "PermissionException");
            return reject(conn, response, 403, foreign);
        }
        Map<String, String> q = query(request.getResourceDescriptor());
        String key = q.get("api_key");
        if (!sessions.valid(key, q.get("access_token"))) {
            return reject(conn, response, 403, "Invalid api_key or access_token: log in again (the sandbox accepts"
                    + " api_key=" + sessions.apiKey() + " with access_token=sandbox or a token from /session/token).");
        }
        AtomicInteger n = perKey.computeIfAbsent(key, k -> new AtomicInteger());
        if (n.incrementAndGet() > MAX_CONNECTIONS_PER_KEY) {
            n.decrementAndGet();
            return reject(conn, response, 429, "Too many connections: at most " + MAX_CONNECTIONS_PER_KEY
                    + " WebSocket connections per api_key.");
        }
        conn.setAttachment(new Connection(key));
        return response;
    }

    private ServerHandshakeBuilder reject(WebSocket conn, ServerHandshakeBuilder response, int status, String reason) {
        response.put(RejectingDraft.REJECT_STATUS, String.valueOf(status));
        response.put(RejectingDraft.REJECT_REASON, reason);
        conn.setAttachment(new Rejected(status));
        stats.wsRejected.incrementAndGet();
        return response;
    }

    @Override
    public void onOpen(WebSocket conn, ClientHandshake handshake) {
        Object a = conn.getAttachment();
        if (a instanceof Rejected) {
            ((WebSocketImpl) conn).flushAndClose(CloseFrame.POLICY_VALIDATION, "handshake rejected", false);
            return;
        }
        stats.wsOpen.incrementAndGet();
        stats.wsTotal.incrementAndGet();
        LOG.debug("ticker connection from {}", conn.getRemoteSocketAddress());
    }

    @Override
    public void onClose(WebSocket conn, int code, String reason, boolean remote) {
        Object a = conn.getAttachment();
        if (a instanceof Connection) {
            Connection c = (Connection) a;
            perKey.get(c.apiKey).decrementAndGet();
            stats.wsOpen.decrementAndGet();
            conn.setAttachment(null);
        }
    }

    @Override
    public void onMessage(WebSocket conn, String message) {
        Object a = conn.getAttachment();
        if (!(a instanceof Connection)) {
            return;
        }
        Connection c = (Connection) a;
        JsonNode n;
        try {
            n = json.readTree(message);
        } catch (IOException e) {
            sendError(conn, "Cannot parse the message as JSON: send {\"a\":\"subscribe\",\"v\":[408065]}.");
            return;
        }
        String action = n.path("a").asText("");
        JsonNode v = n.get("v");
        switch (action) {
            case "subscribe":
                subscribe(conn, c, numbers(v));
                break;
            case "unsubscribe":
                numbers(v).forEach(c.modes::remove);
                break;
            case "mode":
                setMode(conn, c, v);
                break;
            default:
                sendError(conn, "Unknown action '" + action + "': use subscribe, unsubscribe or mode.");
        }
    }

    private void subscribe(WebSocket conn, Connection c, List<Long> tokens) {
        List<Long> added = new ArrayList<>();
        int refused = 0;
        for (Long t : tokens) {
            if (c.modes.containsKey(t)) {
                continue;
            }
            if (c.modes.size() >= MAX_TOKENS_PER_CONNECTION) {
                refused++;
                continue;
            }
            c.modes.put(t, TickMode.QUOTE);
            added.add(t);
        }
        if (refused > 0) {
            sendError(conn, refused + " tokens not subscribed: at most " + MAX_TOKENS_PER_CONNECTION
                    + " instruments per connection.");
        }
        sendSnapshot(conn, c, added);
    }

    private void setMode(WebSocket conn, Connection c, JsonNode v) {
        if (v == null || !v.isArray() || v.size() != 2 || !v.get(0).isTextual()) {
            sendError(conn, "A mode message is {\"a\":\"mode\",\"v\":[\"full\",[408065]]}.");
            return;
        }
        TickMode mode = TickMode.parse(v.get(0).asText()).orElse(null);
        if (mode == null) {
            sendError(conn, "Unknown mode '" + v.get(0).asText() + "': use ltp, quote or full.");
            return;
        }
        List<Long> changed = new ArrayList<>();
        for (Long t : numbers(v.get(1))) {
            if (c.modes.replace(t, mode) != null) {
                changed.add(t);
            }
        }
        sendSnapshot(conn, c, changed);
    }

    /** Tokens given as JSON numbers; strings and others are ignored, as Kite ignores them. */
    private static List<Long> numbers(JsonNode v) {
        List<Long> out = new ArrayList<>();
        if (v != null && v.isArray()) {
            for (JsonNode t : v) {
                if (t.isIntegralNumber() && t.asLong() > 0 && t.asLong() <= 0xFFFF_FFFFL) {
                    out.add(t.asLong());
                }
            }
        }
        return out;
    }

    /**
     * The current state of newly subscribed (or re-moded) instruments, so a quiet market still shows prices. Sent
     * shortly after the message, in the mode the token has by then: a subscribe followed by a mode message gets one
     * snapshot in the final mode.
     */
    private void sendSnapshot(WebSocket conn, Connection c, List<Long> tokens) {
        c.pendingSnapshot.addAll(tokens);
        if (!tokens.isEmpty() && c.snapshotScheduled.compareAndSet(false, true)) {
            try {
                scheduler.schedule(() -> flushSnapshot(conn, c), SNAPSHOT_DELAY_MILLIS, TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.RejectedExecutionException closing) {
                LOG.trace("sandbox closing: no snapshot");
            }
        }
    }

    private void flushSnapshot(WebSocket conn, Connection c) {
        c.snapshotScheduled.set(false);
        List<Long> tokens = new ArrayList<>(c.pendingSnapshot);
        if (faults.active(FaultKind.STALL) || !conn.isOpen()) {
            c.pendingSnapshot.removeAll(tokens);
            return;
        }
        List<byte[]> packets = new ArrayList<>();
        long now = marketTime.getAsLong();
        for (Long t : tokens) {
            TickMode mode = c.modes.get(t);
            if (mode != null && market.byToken(t).isPresent()) {
                packets.add(TickFrames.packet(market.quote(t, now), mode));
            }
        }
        c.pendingSnapshot.removeAll(tokens);
        if (!packets.isEmpty()) {
            sendFrame(conn, c, packets, faults.active(FaultKind.MALFORMED));
        }
    }

    /** Sends one step of the market: each socket gets the subscribed instruments that ticked, in its modes. */
    void broadcastStep(SessionDay day, long timeMillis, int[] slots, int count) {
        if (getConnections().isEmpty() || faults.active(FaultKind.STALL)) {
            return;
        }
        boolean malformed = faults.active(FaultKind.MALFORMED);
        QuoteSnapshot[] snaps = new QuoteSnapshot[count];
        byte[][][] encoded = new byte[count][TickMode.values().length][];
        for (WebSocket conn : getConnections()) {
            Object a = conn.getAttachment();
            if (!(a instanceof Connection) || !conn.isOpen()) {
                continue;
            }
            Connection c = (Connection) a;
            if (c.modes.isEmpty()) {
                continue;
            }
            List<byte[]> packets = new ArrayList<>();
            for (int j = 0; j < count; j++) {
                int slot = slots[j];
                long token = day.universe.get(slot).token();
                TickMode mode = c.modes.get(token);
                if (mode == null || c.pendingSnapshot.contains(token)) {
                    continue; // a new subscription streams once its snapshot went out, in the mode it has by then
                }
                if (mode != TickMode.LTP && !day.universe.get(slot).isIndex() && !malformed && faults.anyArmed()) {
                    QuoteSnapshot q = market.quoteAtStep(day, slot, timeMillis);
                    if (faults.take(FaultKind.FUTURE_TIMESTAMP)) {
                        packets.add(TickFrames.packet(q.withExchangeMillis(q.exchangeMillis() + 86_400_000L), mode));
                        continue;
                    }
                    if (faults.take(FaultKind.ZERO_PRICE)) {
                        packets.add(TickFrames.packet(q.withLastPrice(0), mode));
                        continue;
                    }
                }
                if (encoded[j][mode.ordinal()] == null) {
                    if (snaps[j] == null) {
                        snaps[j] = market.quoteAtStep(day, slot, timeMillis);
                    }
                    encoded[j][mode.ordinal()] = TickFrames.packet(snaps[j], mode);
                }
                packets.add(encoded[j][mode.ordinal()]);
            }
            if (!packets.isEmpty()) {
                sendFrame(conn, c, packets, malformed);
            }
        }
    }

    private void sendFrame(WebSocket conn, Connection c, List<byte[]> packets, boolean malformed) {
        try {
            if (malformed) {
                conn.send(TickFrames.malformed(c.malformedSent++));
                stats.malformedSent.incrementAndGet();
            } else {
                conn.send(TickFrames.frame(packets));
                stats.ticksSent.addAndGet(packets.size());
            }
            stats.framesSent.incrementAndGet();
        } catch (WebsocketNotConnectedException e) {
            LOG.trace("socket closed while sending");
        }
    }

    void sendHeartbeats() {
        if (faults.active(FaultKind.STALL)) {
            return;
        }
        for (WebSocket conn : getConnections()) {
            if (conn.getAttachment() instanceof Connection && conn.isOpen()) {
                try {
                    conn.send(TickFrames.heartbeat());
                    stats.heartbeatsSent.incrementAndGet();
                } catch (WebsocketNotConnectedException e) {
                    LOG.trace("socket closed while sending a heartbeat");
                }
            }
        }
    }

    void sendOrderUpdate(String apiKey, Map<String, Object> order) {
        if (faults.active(FaultKind.STALL)) {
            return;
        }
        Map<String, Object> msg = new LinkedHashMap<>();
        msg.put("type", "order");
        msg.put("data", order);
        String text = toJson(msg);
        for (WebSocket conn : getConnections()) {
            Object a = conn.getAttachment();
            if (a instanceof Connection && ((Connection) a).apiKey.equals(apiKey) && conn.isOpen()) {
                try {
                    conn.send(text);
                } catch (WebsocketNotConnectedException e) {
                    LOG.trace("socket closed while sending an order update");
                }
            }
        }
    }

    /** Closes every socket without a close frame: clients see an abnormal closure (1006). */
    int dropAll() {
        int n = 0;
        for (WebSocket conn : getConnections()) {
            if (conn.getAttachment() instanceof Connection) {
                conn.closeConnection(CloseFrame.ABNORMAL_CLOSE, "sandbox fault: drop");
                n++;
            }
        }
        stats.wsDropped.addAndGet(n);
        return n;
    }

    private void sendError(WebSocket conn, String message) {
        Map<String, Object> msg = new LinkedHashMap<>();
        msg.put("type", "error");
        msg.put("data", message);
        try {
            conn.send(toJson(msg));
        } catch (WebsocketNotConnectedException e) {
            LOG.trace("socket closed while sending an error");
        }
    }

    private String toJson(Object o) {
        try {
            return json.writeValueAsString(o);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    static Map<String, String> query(String resourceDescriptor) {
        Map<String, String> out = new HashMap<>();
        String raw;
        try {
            raw = URI.create("http://x" + (resourceDescriptor.startsWith("/") ? "" : "/") + resourceDescriptor).getRawQuery();
        } catch (IllegalArgumentException e) {
            return out;
        }
        if (raw == null) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                out.putIfAbsent(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }
}
