package io.niftyscanner.kite;

import com.fasterxml.jackson.databind.JsonNode;
import io.niftyscanner.config.ScannerConfig;
import io.niftyscanner.config.Secrets;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.extensions.DefaultExtension;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.handshake.ServerHandshake;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A KiteTicker-compatible WebSocket client (kite-protocol.md 1) that stays connected: a watchdog closes a socket
 * that sent no frame (ticks or heartbeats) for {@link Options#watchdogMillis()}, reconnects back off exponentially
 * with jitter from a supervisor thread (never from a socket callback), each on a fresh socket, and every
 * subscription is sent again with its mode. A handshake refused with 403 stops the ticker with the login message.
 */
public final class KiteTicker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(KiteTicker.class);
    public static final int MAX_TOKENS_PER_CONNECTION = 3000;
    public static final int MAX_CONNECTIONS_PER_API_KEY = 3;
    private static final Map<String, AtomicInteger> OPEN_TICKERS = new ConcurrentHashMap<>();
    private static final Pattern HANDSHAKE_STATUS = Pattern.compile("status code received: (\\d{3})");

    public enum State { NEW, CONNECTING, CONNECTED, RECONNECTING, TOKEN_REJECTED, GAVE_UP, CLOSED }

    public enum Mode {
        LTP, QUOTE, FULL;

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * @param wsUrl                 ticker URL; empty means Kite's {@code wss://ws.kite.trade}
     * @param watchdogMillis        no frame for this long means the socket is dead
     * @param maxReconnectAttempts  consecutive failed attempts before giving up; 0 = unlimited
     * @param minBackoffMillis      first reconnect delay (doubles per attempt, with +-20% jitter)
     * @param maxBackoffMillis      cap of one reconnect delay
     * @param connectTimeoutMillis  TCP connect + handshake budget
     */
    public record Options(String wsUrl, KiteSession session, long watchdogMillis, int maxReconnectAttempts,
                          long minBackoffMillis, long maxBackoffMillis, int connectTimeoutMillis) {
        public Options {
            if (watchdogMillis < 50 || minBackoffMillis < 0 || maxBackoffMillis < minBackoffMillis || maxReconnectAttempts < 0) {
                throw new IllegalArgumentException("ticker options: watchdog >= 50 ms, 0 <= min backoff <= max backoff,"
                        + " attempts >= 0");
            }
        }

        /** Kite's defaults: 5 s watchdog, backoff 1 s to 60 s, unlimited attempts, 7 s handshake. */
        public static Options defaults(String wsUrl, KiteSession session) {
            return new Options(wsUrl, session, 5_000, 0, 1_000, 60_000, 7_000);
        }

        /** From the scanner's settings: feed.watchdog.seconds and feed.reconnect.max.attempts. */
        public static Options of(String wsUrl, KiteSession session, ScannerConfig.Feed feed) {
            return defaults(wsUrl, session).withWatchdogMillis(feed.watchdogSeconds() * 1000L)
                    .withBackoff(1_000, 60_000, feed.reconnectMaxAttempts());
        }

        public Options withWatchdogMillis(long millis) {
            return new Options(wsUrl, session, millis, maxReconnectAttempts, minBackoffMillis, maxBackoffMillis,
                    connectTimeoutMillis);
        }

        public Options withBackoff(long minMillis, long maxMillis, int maxAttempts) {
            return new Options(wsUrl, session, watchdogMillis, maxAttempts, minMillis, maxMillis, connectTimeoutMillis);
        }

        /** The same options with another session (the morning's new access token). */
        public Options withSession(KiteSession newSession) {
            return new Options(wsUrl, newSession, watchdogMillis, maxReconnectAttempts, minBackoffMillis, maxBackoffMillis,
                    connectTimeoutMillis);
        }
    }

    /** Counters for the status bar and tests. {@code lastFrameNanos} is on the injected nanos clock (0 = never). */
    public record Stats(State state, long frames, long ticks, long heartbeats, long badFrames, long reconnects,
                        long lastFrameNanos, long lastFrameEpochMillis) {}

    private final Options options;
    private final KiteTickerListener listener;
    private final KiteTime time;
    private final ScheduledExecutorService supervisor;
    private final Map<Long, Mode> subscriptions = new ConcurrentHashMap<>();
    private final AtomicLong frames = new AtomicLong();
    private final AtomicLong ticks = new AtomicLong();
    private final AtomicLong heartbeats = new AtomicLong();
    private final AtomicLong badFrames = new AtomicLong();
    private final AtomicLong reconnects = new AtomicLong();
    private final AtomicLong watchdogChecks = new AtomicLong();
    private volatile long lastFrameNanos;
    private volatile long lastFrameEpochMillis;
    private volatile State state = State.NEW;
    /** Guarded by the supervisor thread. */
    private volatile Connection current;
    private int generation;
    private int attempt;
    private long connectStartedNanos;
    private boolean slotHeld;
    private ScheduledFuture<?> watchdogTask;
    private volatile Thread supervisorThread;

    public KiteTicker(Options options, KiteTickerListener listener) {
        this(options, listener, KiteTime.system());
    }

    public KiteTicker(Options options, KiteTickerListener listener, KiteTime time) {
        this.options = options;
        this.listener = listener;
        this.time = time;
        URI check = uri();
        String scheme = String.valueOf(check.getScheme()).toLowerCase(Locale.ROOT);
        if (!scheme.equals("ws") && !scheme.equals("wss") || check.getHost() == null) {
            throw new IllegalArgumentException("ticker URL must be ws://host[:port] or wss://host[:port], not '"
                    + Secrets.redact(options.wsUrl()) + "'");
        }
        this.supervisor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "kite-ticker-supervisor");
            t.setDaemon(true);
            supervisorThread = t;
            return t;
        });
    }

    /** Starts connecting in the background. Throws if this API key already has 3 open tickers. */
    public synchronized void connect() {
        if (state != State.NEW) {
            throw new IllegalStateException("ticker already started (state " + state + "); make a new one");
        }
        String key = options.session().apiKey();
        AtomicInteger open = OPEN_TICKERS.computeIfAbsent(key, k -> new AtomicInteger());
        if (open.incrementAndGet() > MAX_CONNECTIONS_PER_API_KEY) {
            open.decrementAndGet();
            throw new KiteException("Kite allows at most " + MAX_CONNECTIONS_PER_API_KEY
                    + " ticker connections per API key; close one before opening another", 0, "");
        }
        slotHeld = true;
        state = State.CONNECTING;
        long period = Math.max(25, Math.min(1_000, options.watchdogMillis() / 4));
        watchdogTask = supervisor.scheduleAtFixedRate(this::checkLiveness, period, period, TimeUnit.MILLISECONDS);
        supervisor.execute(this::openConnection);
    }

    /** Subscribes tokens in a mode (kept across reconnects). At most 3000 tokens per connection. */
    public void subscribe(Collection<Long> tokens, Mode mode) {
        List<Long> list = checkTokens(tokens);
        if (list.isEmpty()) {
            return;
        }
        synchronized (subscriptions) {
            long added = list.stream().distinct().filter(t -> !subscriptions.containsKey(t)).count();
            if (subscriptions.size() + added > MAX_TOKENS_PER_CONNECTION) {
                throw new IllegalArgumentException("Kite allows at most " + MAX_TOKENS_PER_CONNECTION
                        + " instruments per ticker connection; " + subscriptions.size() + " are subscribed and " + added
                        + " more were asked for. Subscribe fewer or open a second connection.");
            }
            list.forEach(t -> subscriptions.put(t, mode));
        }
        send(KiteTickerMessages.subscribe(list));
        send(KiteTickerMessages.mode(mode, list));
    }

    public void unsubscribe(Collection<Long> tokens) {
        List<Long> list = checkTokens(tokens);
        if (list.isEmpty()) {
            return;
        }
        list.forEach(subscriptions::remove);
        send(KiteTickerMessages.unsubscribe(list));
    }

    /** Changes the mode of subscribed tokens (unknown tokens are subscribed too). */
    public void setMode(Collection<Long> tokens, Mode mode) {
        subscribe(tokens, mode);
    }

    /** A copy of the token to mode map that is resent after every reconnect. */
    public Map<Long, Mode> subscriptions() {
        return Map.copyOf(subscriptions);
    }

    public State state() {
        return state;
    }

    public Stats stats() {
        return new Stats(state, frames.get(), ticks.get(), heartbeats.get(), badFrames.get(), reconnects.get(),
                lastFrameNanos, lastFrameEpochMillis);
    }

    /** Closes the socket for good; no reconnect follows. */
    @Override
    public void close() {
        synchronized (this) {
            if (state == State.CLOSED) {
                return;
            }
            state = State.CLOSED;
        }
        Runnable shutdown = () -> {
            if (watchdogTask != null) {
                watchdogTask.cancel(false);
            }
            releaseSlot();
            Connection c = current;
            current = null;
            if (c != null) {
                c.close(CloseFrame.NORMAL, "client closed");
            }
        };
        try {
            if (Thread.currentThread() == supervisorThread) {
                shutdown.run();
            } else {
                supervisor.submit(shutdown).get(5, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            LOG.warn("ticker did not close cleanly: {}", e.toString());
        } finally {
            supervisor.shutdownNow();
        }
    }

    // ------------------------------------------------------------------ supervisor thread

    private void openConnection() {
        if (isStopped()) {
            return;
        }
        try {
            startSocket();
        } catch (RuntimeException e) {
            LOG.error("ticker could not start a connection", e);
            Connection c = current;
            current = null;
            if (c != null) {
                c.closeQuietly("start failed");
            }
            afterDrop("could not start a connection: " + e.getMessage());
        }
    }

    private void startSocket() {
        generation++;
        URI uri = uri();
        LOG.info("ticker connecting to {} (attempt {})", Secrets.redact(uri.toString()), attempt + 1);
        Connection c = new Connection(uri, generation);
        c.setConnectionLostTimeout(0);
        c.setTcpNoDelay(true); // subscribe and mode go out at once, not held back by Nagle
        current = c;
        connectStartedNanos = time.nanos().getAsLong();
        c.connect();
    }

    private void opened(int gen) {
        if (gen != generation || isStopped()) {
            return;
        }
        if (!moveTo(State.CONNECTED)) {
            return;
        }
        attempt = 0;
        markFrame();
        resubscribeAll();
        LOG.info("ticker connected, {} instruments subscribed", subscriptions.size());
        safely(() -> listener.onConnected());
    }

    private void dropped(int gen, String reason) {
        if (gen != generation || current == null || current.generation != gen || isStopped()) {
            return;
        }
        Connection dead = current;
        current = null;
        dead.closeQuietly(reason);
        afterDrop(reason);
    }

    private void afterDrop(String reason) {
        Matcher m = HANDSHAKE_STATUS.matcher(reason);
        if (m.find() && (m.group(1).equals("403") || m.group(1).equals("401"))) {
            if (!moveTo(State.TOKEN_REJECTED)) {
                return;
            }
            stopSupervision();
            LOG.error("ticker handshake refused with HTTP {}: {}", m.group(1), TokenException.MESSAGE);
            safely(() -> listener.onTokenRejected(TokenException.MESSAGE));
            return;
        }
        LOG.warn("ticker disconnected: {}", reason);
        safely(() -> listener.onDisconnected(reason));
        attempt++;
        if (options.maxReconnectAttempts() > 0 && attempt > options.maxReconnectAttempts()) {
            if (!moveTo(State.GAVE_UP)) {
                return;
            }
            stopSupervision();
            LOG.error("ticker gave up after {} reconnect attempts: {}", options.maxReconnectAttempts(), reason);
            safely(() -> listener.onGaveUp(options.maxReconnectAttempts(), reason));
            return;
        }
        long delay = backoffMillis(attempt);
        if (!moveTo(State.RECONNECTING)) {
            return;
        }
        reconnects.incrementAndGet();
        safely(() -> listener.onReconnecting(attempt, delay));
        supervisor.schedule(this::openConnection, delay, TimeUnit.MILLISECONDS);
    }

    /** Changes the state unless the ticker was closed meanwhile (close() may run on any thread). */
    private synchronized boolean moveTo(State next) {
        if (state == State.CLOSED) {
            return false;
        }
        state = next;
        return true;
    }

    private void safely(Runnable listenerCall) {
        try {
            listenerCall.run();
        } catch (RuntimeException e) {
            LOG.error("ticker listener failed; the ticker carries on", e);
        }
    }

    /** Runs on the supervisor: a socket that is open but silent, or a connect that hangs, is closed and replaced. */
    void checkLiveness() {
        try {
            watchdog();
        } catch (RuntimeException e) {
            LOG.error("ticker watchdog check failed; it runs again shortly", e);
        } finally {
            watchdogChecks.incrementAndGet();
        }
    }

    /** Watchdog checks completed so far: lets a test know a check ran after it moved the clock. */
    long watchdogChecks() {
        return watchdogChecks.get();
    }

    private void watchdog() {
        Connection c = current;
        if (c == null || isStopped()) {
            return;
        }
        long now = time.nanos().getAsLong();
        if (state == State.CONNECTED) {
            long silentMillis = (now - lastFrameNanos) / 1_000_000L;
            if (silentMillis >= options.watchdogMillis()) {
                dropped(c.generation, "no data from Kite for " + silentMillis + " ms (watchdog "
                        + options.watchdogMillis() + " ms): the connection is dead");
            }
        } else {
            long waitingMillis = (now - connectStartedNanos) / 1_000_000L;
            if (waitingMillis >= options.connectTimeoutMillis() + options.watchdogMillis()) {
                dropped(c.generation, "connect did not complete within " + waitingMillis + " ms");
            }
        }
    }

    private void resubscribeAll() {
        Map<Mode, List<Long>> byMode = new EnumMap<>(Mode.class);
        subscriptions.forEach((token, mode) -> byMode.computeIfAbsent(mode, m -> new ArrayList<>()).add(token));
        byMode.forEach((mode, tokens) -> {
            tokens.sort(null);
            send(KiteTickerMessages.subscribe(tokens));
            send(KiteTickerMessages.mode(mode, tokens));
        });
    }

    private void stopSupervision() {
        if (watchdogTask != null) {
            watchdogTask.cancel(false);
        }
        releaseSlot();
    }

    private void releaseSlot() {
        if (slotHeld) {
            slotHeld = false;
            OPEN_TICKERS.get(options.session().apiKey()).decrementAndGet();
        }
    }

    private long backoffMillis(int n) {
        long d = options.minBackoffMillis() << Math.min(30, n - 1);
        d = Math.min(options.maxBackoffMillis(), Math.max(0, d));
        double jitter = 0.8 + 0.4 * time.random().nextDouble();
        return Math.min(options.maxBackoffMillis(), Math.round(d * jitter));
    }

    private boolean isStopped() {
        State s = state;
        return s == State.CLOSED || s == State.TOKEN_REJECTED || s == State.GAVE_UP;
    }

    // ------------------------------------------------------------------ any thread

    private void send(String message) {
        Connection c = current;
        if (c != null && c.isOpen()) {
            try {
                c.send(message);
            } catch (RuntimeException e) {
                LOG.debug("ticker send failed, the reconnect will resend: {}", e.toString());
            }
        }
    }

    private void markFrame() {
        lastFrameNanos = time.nanos().getAsLong();
        lastFrameEpochMillis = time.clock().millis();
    }

    private URI uri() {
        String base = options.wsUrl() == null || options.wsUrl().isBlank() ? ScannerConfig.Kite.REAL_WS_URL : options.wsUrl();
        String sep = base.contains("?") ? "&" : "?";
        try {
            return new URI(base + sep + "api_key=" + enc(options.session().apiKey()) + "&access_token="
                    + enc(options.session().accessToken()));
        } catch (URISyntaxException e) {
            // the JDK's message repeats the whole URL, access token included: say what is wrong without it
            throw new IllegalArgumentException("ticker URL '" + Secrets.redact(base) + "' is not a valid URL ("
                    + Secrets.redact(e.getReason()) + "); write it as wss://host[:port][/path]");
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static List<Long> checkTokens(Collection<Long> tokens) {
        List<Long> list = new ArrayList<>(tokens);
        for (Long t : list) {
            if (t == null || t <= 0 || t > 0xFFFF_FFFFL) {
                throw new IllegalArgumentException("not a Kite instrument token: " + t);
            }
        }
        return list;
    }

    private static String describeClose(int code, String reason, boolean remote) {
        String who = remote ? "server closed the connection" : "connection closed";
        return who + " (code " + code + (reason == null || reason.isBlank() ? "" : ", " + Secrets.redact(reason)) + ")";
    }

    /**
     * The largest message the ticker accepts (a frame, or a fragmented message in total): a full-mode frame for the
     * 3000 instruments Kite allows on one socket is about 560 KB. A bigger one closes the socket (code 1009).
     */
    static final int MAX_FRAME_BYTES = 4 * 1024 * 1024;

    /** One socket. A new one is made for every attempt; callbacks of a replaced socket are ignored. */
    private final class Connection extends WebSocketClient {
        final int generation;
        private final TickDecoder decoder = new TickDecoder();
        private final TickDecoder.Sink sink;
        private long frameNanos;

        Connection(URI uri, int generation) {
            super(uri, new Draft_6455(List.of(new DefaultExtension()), MAX_FRAME_BYTES), Map.of("X-Kite-Version", "3"),
                    options.connectTimeoutMillis());
            this.generation = generation;
            this.sink = data -> listener.onTickData(data, frameNanos);
        }

        private boolean isCurrent() {
            return current == this;
        }

        @Override
        public void onOpen(ServerHandshake handshake) {
            try {
                supervisor.execute(() -> opened(generation));
            } catch (java.util.concurrent.RejectedExecutionException e) {
                LOG.debug("ticker opened after close; ignored");
            }
        }

        @Override
        public void onMessage(ByteBuffer bytes) {
            if (!isCurrent()) {
                return;
            }
            frameNanos = time.nanos().getAsLong();
            lastFrameNanos = frameNanos;
            lastFrameEpochMillis = time.clock().millis();
            frames.incrementAndGet();
            boolean heartbeat = TickDecoder.isHeartbeat(bytes);
            try {
                listener.onFrame(frameNanos, heartbeat);
            } catch (RuntimeException e) {
                LOG.error("ticker listener failed in onFrame", e);
            }
            if (heartbeat) {
                heartbeats.incrementAndGet();
                return;
            }
            try {
                int n = decoder.decode(bytes, sink);
                ticks.addAndGet(n);
                listener.onTicks(n);
            } catch (BadFrameException e) {
                long bad = badFrames.incrementAndGet();
                if (bad <= 10 || bad % 1000 == 0) {
                    LOG.warn("ticker dropped bad frame #{} ({} bytes): {}", bad, bytes.remaining(), e.getMessage());
                }
                safely(() -> listener.onBadFrame(e.getMessage()));
            } catch (RuntimeException e) {
                LOG.error("ticker listener failed on a frame; the rest of the frame is dropped", e);
                safely(() -> listener.onError("tick handling failed: " + e));
            }
        }

        @Override
        public void onMessage(String text) {
            if (!isCurrent()) {
                return;
            }
            markFrame();
            frames.incrementAndGet();
            try {
                listener.onFrame(lastFrameNanos, false);
                handleText(text);
            } catch (RuntimeException e) {
                LOG.error("ticker listener failed on a text message", e);
            }
        }

        @Override
        public void onClose(int code, String reason, boolean remote) {
            String why = describeClose(code, reason, remote);
            try {
                supervisor.execute(() -> dropped(generation, why));
            } catch (java.util.concurrent.RejectedExecutionException e) {
                LOG.debug("ticker closed: {}", why);
            }
        }

        @Override
        public void onError(Exception ex) {
            LOG.debug("ticker socket error: {}", Secrets.redact(String.valueOf(ex)));
        }

        void closeQuietly(String reason) {
            try {
                closeConnection(CloseFrame.ABNORMAL_CLOSE, "replaced: " + reason);
            } catch (RuntimeException e) {
                LOG.debug("closing a dead socket failed: {}", e.toString());
            }
        }
    }

    private void handleText(String text) {
        JsonNode root;
        try {
            root = KiteJson.MAPPER.readTree(text);
        } catch (Exception e) {
            LOG.warn("ticker text message is not JSON: {}", Secrets.redact(text.substring(0, Math.min(200, text.length()))));
            listener.onError("Kite sent a text message that is not JSON");
            return;
        }
        String type = KiteJson.text(root, "type");
        JsonNode data = root.path("data");
        try {
            switch (type) {
                case "order":
                    if (data.isObject() && data.size() > 0) {
                        listener.onOrderUpdate(KiteJson.order(data));
                    }
                    break;
                case "error":
                    String msg = Secrets.redact(data.isTextual() ? data.asText() : data.toString());
                    LOG.warn("Kite ticker error: {}", msg);
                    listener.onError("Kite ticker error: " + msg);
                    break;
                case "message":
                    String m = Secrets.redact(data.isTextual() ? data.asText() : data.toString());
                    LOG.info("Kite message: {}", m);
                    listener.onMessage(m);
                    break;
                default:
                    LOG.debug("ticker text message of unknown type '{}' ignored", type);
            }
        } catch (RuntimeException e) {
            LOG.error("ticker listener failed on a {} message", type, e);
        }
    }
}
