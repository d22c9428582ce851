package io.niftyscanner.sandbox;

import io.niftyscanner.market.SessionCalendar;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded Kite-compatible exchange: a REST server and a KiteTicker WebSocket server on 127.0.0.1 over one
 * simulated NIFTY 50 market (design.md 7). Start it with {@link #start(SandboxOptions)}, point a Kite client at
 * {@link #restUrl()} and {@link #wsUrl()} with api_key/access_token {@code sandbox}, and {@link #close()} it.
 *
 * <p>With {@link SandboxOptions#autoPump()} a background thread advances the market to the market clock every
 * 50 ms and sends heartbeats every second; tests may instead (or also) call {@link #pump()} and
 * {@link #sendHeartbeats()} after moving a {@link ManualMarketClock}.
 */
public final class SandboxExchange implements AutoCloseable {
    /** Hears of each order the moment it is in the book, before the REST answer goes out (tests, tools). */
    @FunctionalInterface
    public interface OrderListener {
        /** @param tag the order's tag, or null */
        void placed(String orderId, String tag);
    }

    private static final Logger LOG = LoggerFactory.getLogger(SandboxExchange.class);

    static {
        // The JDK's HTTP server leaves Nagle's algorithm on unless told otherwise: every small answer then waits for the
        // client's delayed ACK, about 40 ms a request. Read once, when the first server is made; a value given wins.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }
    private static final long PUMP_MILLIS = 50;
    private static final long HEARTBEAT_MILLIS = 1000;

    private final SandboxOptions options;
    private final MarketClock clock;
    private final SimMarket market;
    private final SandboxStats stats = new SandboxStats();
    private final FaultState faults;
    private final Sessions sessions;
    private final OrderBook orders;
    private final TickerServer ticker;
    private final RestServer rest;
    private final ScheduledExecutorService scheduler;
    private final Object pumpLock = new Object();
    private volatile boolean closed;

    private SandboxExchange(SandboxOptions o) throws IOException {
        this.options = o;
        this.clock = o.marketClock() != null ? o.marketClock() : MarketClock.scaled(o.wallClock(), startInstant(o), o.speed());
        LocalDate date = SessionCalendar.istDate(clock.nowMillis());
        List<SimInstrument> universe = Nifty50Universe.universe(o.instruments());
        this.market = new SimMarket(universe, o.seed(), o.ticksPerSecond(), o.calendar(), date);
        this.faults = new FaultState(o.wallClock());
        this.sessions = new Sessions(o.apiKey(), o.accessToken(), o.apiSecret(), o.wallClock());
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sandbox-pump");
            t.setDaemon(true);
            return t;
        });
        this.ticker = new TickerServer(o.wsPort(), sessions, market, faults, stats, clock::nowMillis, scheduler,
                this::restPortOrNone);
        this.orders = new OrderBook(market, clock::nowMillis, ticker::sendOrderUpdate, stats, o.apiSecret());
        this.rest = new RestServer(o.restPort(), sessions, market, orders, new InstrumentDump(universe, date), faults,
                new RateLimits(o.wallClock()), stats, clock::nowMillis, o.redirectUrl(), o.wallClock(), new RestServer.Control() {
                    @Override
                    public Map<String, Object> statsJson() {
                        return SandboxExchange.this.statsJson();
                    }

                    @Override
                    public void fault(FaultKind kind, Duration duration) {
                        SandboxExchange.this.fault(kind, duration);
                    }

                    @Override
                    public void catchUp() {
                        if (o.autoPump()) {
                            pumpSafely(); // without the background pump, tests move the market themselves
                        }
                    }
                });
    }

    /** Starts both servers (and the market pump unless disabled) and returns once they listen. */
    public static SandboxExchange start(SandboxOptions options) throws IOException {
        SandboxExchange x = new SandboxExchange(options);
        try {
            x.ticker.startAndWait();
            x.rest.start();
        } catch (IOException | RuntimeException e) {
            x.close();
            throw e;
        }
        x.pump();
        if (options.autoPump()) {
            x.scheduler.scheduleWithFixedDelay(x::pumpSafely, PUMP_MILLIS, PUMP_MILLIS, TimeUnit.MILLISECONDS);
            x.scheduler.scheduleAtFixedRate(x::heartbeatSafely, HEARTBEAT_MILLIS, HEARTBEAT_MILLIS, TimeUnit.MILLISECONDS);
        }
        LOG.info("sandbox exchange listening: rest={} ws={} session {} market time {}", x.restUrl(), x.wsUrl(),
                x.sessionDate(), KiteTime.plain(x.marketTimeMillis()));
        return x;
    }

    /** Where the simulated session starts: the configured date/time, else today (or the last trading day) now or 09:15. */
    static Instant startInstant(SandboxOptions o) {
        ZonedDateTime now = Instant.ofEpochMilli(o.wallClock().millis()).atZone(SessionCalendar.IST);
        LocalDate today = now.toLocalDate();
        LocalDate date = o.date() != null ? o.date()
                : o.calendar().isTradingDay(today) ? today : o.calendar().previousTradingDay(today);
        LocalTime time = o.start();
        if (time == null) {
            boolean liveHours = date.equals(today) && SessionCalendar.inSessionHours(now.toInstant().toEpochMilli());
            time = liveHours ? now.toLocalTime().withNano(0) : SessionCalendar.OPEN;
        }
        return date.atTime(time).atZone(SessionCalendar.IST).toInstant();
    }

    /** The REST port once the server exists (the ticker asks during handshakes, after start); -1 before. */
    private int restPortOrNone() {
        RestServer r = rest;
        return r == null ? -1 : r.port();
    }

    public String restUrl() {
        return "http://127.0.0.1:" + rest.port();
    }

    public String wsUrl() {
        return "ws://127.0.0.1:" + ticker.getPort();
    }

    public int restPort() {
        return rest.port();
    }

    public int wsPort() {
        return ticker.getPort();
    }

    public String apiKey() {
        return options.apiKey();
    }

    /** The static access token the sandbox accepts (until an expire_token fault). */
    public String accessToken() {
        return options.accessToken();
    }

    public String apiSecret() {
        return options.apiSecret();
    }

    public LocalDate sessionDate() {
        return market.liveDate();
    }

    public long marketTimeMillis() {
        return clock.nowMillis();
    }

    public long seed() {
        return options.seed();
    }

    /** Identifies the simulated market (model version, seed, tick rate): same id, same candles. Also in /__sandbox/stats. */
    public String marketId() {
        return market.marketId();
    }

    /** A fresh request token, as the login page's Approve button would issue (for tests and tools). */
    public String issueRequestToken() {
        return sessions.issueRequestToken();
    }

    /** Advances the market to the market clock and sends every step's changed instruments to the subscribed sockets. */
    public void pump() {
        synchronized (pumpLock) {
            if (closed) {
                return;
            }
            market.advanceTo(clock.nowMillis(), (day, time, slots, count) -> {
                for (int j = 0; j < count; j++) {
                    int slot = slots[j];
                    orders.onTick(day.universe.get(slot).token(), day.last[slot], time);
                }
                ticker.broadcastStep(day, time, slots, count);
            });
            orders.squareOffMisIfDue(clock.nowMillis());
        }
    }

    /** Calls the listener for every order placed from now on, on the REST thread, before the answer is sent. */
    public void addOrderListener(OrderListener listener) {
        orders.addListener(listener);
    }

    /** Sends one heartbeat (a 1-byte binary frame) to every open socket, unless a stall fault is active. */
    public void sendHeartbeats() {
        ticker.sendHeartbeats();
    }

    /** Injects a fault (design.md 7). Timed kinds last {@code duration} on the wall clock; drop and expire_token act now. */
    public void fault(FaultKind kind, Duration duration) {
        LOG.info("sandbox fault {} for {} s", kind.wireName(), duration.toMillis() / 1000.0);
        switch (kind) {
            case DROP:
                ticker.dropAll();
                break;
            case EXPIRE_TOKEN:
                sessions.expireAll();
                break;
            case CLEAR:
                faults.clear();
                break;
            case FUTURE_TIMESTAMP:
            case ZERO_PRICE:
                faults.arm(kind);
                break;
            default:
                faults.start(kind, duration);
        }
    }

    public void clearFaults() {
        faults.clear();
    }

    /** The numbers behind GET /__sandbox/stats. */
    public Map<String, Object> statsJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("requests", stats.requestsByRoute());
        m.put("rate_limited", stats.rateLimited.get());
        m.put("server_errors", stats.serverErrors.get());
        m.put("refused", stats.refused.get());
        Map<String, Object> ws = new LinkedHashMap<>();
        ws.put("open", stats.wsOpen.get());
        ws.put("total", stats.wsTotal.get());
        ws.put("rejected", stats.wsRejected.get());
        ws.put("dropped", stats.wsDropped.get());
        m.put("websocket", ws);
        m.put("ticks_sent", stats.ticksSent.get());
        m.put("frames_sent", stats.framesSent.get());
        m.put("heartbeats_sent", stats.heartbeatsSent.get());
        m.put("malformed_frames_sent", stats.malformedSent.get());
        m.put("orders", stats.ordersPlaced.get());
        m.put("order_updates_sent", stats.orderUpdatesSent.get());
        m.put("order_responses_dropped", stats.orderResponsesDropped.get());
        long now = clock.nowMillis();
        m.put("market_time", KiteTime.plain(now));
        m.put("market_time_millis", now);
        m.put("session_date", market.liveDate().toString());
        m.put("market_open", market.inSession(now));
        m.put("seed", options.seed());
        m.put("market_id", market.marketId());
        m.put("faults", faults.remaining());
        return m;
    }

    private void pumpSafely() {
        try {
            pump();
        } catch (RuntimeException e) {
            LOG.error("sandbox market pump failed", e);
        }
    }

    private void heartbeatSafely() {
        try {
            sendHeartbeats();
        } catch (RuntimeException e) {
            LOG.error("sandbox heartbeat failed", e);
        }
    }

    @Override
    public void close() {
        synchronized (pumpLock) {
            if (closed) {
                return;
            }
            closed = true;
        }
        scheduler.shutdownNow();
        try {
            rest.stop();
        } catch (RuntimeException e) {
            LOG.debug("REST stop: {}", e.toString());
        }
        try {
            ticker.stop(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.info("sandbox exchange closed");
    }
}
