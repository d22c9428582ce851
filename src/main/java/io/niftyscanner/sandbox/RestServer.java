package io.niftyscanner.sandbox;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kite's REST API as the sandbox serves it (kite-protocol.md 2): envelopes, error types and codes, the
 * Authorization check, rate limits, the login page, and the control endpoints under /__sandbox/.
 */
final class RestServer {
    private static final Logger LOG = LoggerFactory.getLogger(RestServer.class);
    private static final String JSON = "application/json";
    private static final Set<String> EXCHANGES = Set.of("NSE", "BSE", "NFO", "BFO", "CDS", "BCD", "MCX");
    static final int MAX_QUOTE = 500;
    static final int MAX_OHLC_LTP = 1000;

    static {
        // the JDK server writes headers and body separately: without TCP_NODELAY, Nagle plus the client's delayed ACK
        // add ~40 ms to every response. Read once, when the first JDK HttpServer is created.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    /** What the control endpoints reach. */
    interface Control {
        Map<String, Object> statsJson();

        void fault(FaultKind kind, Duration duration);

        /**
         * Brings the simulated market up to the market clock before a route reads it: after the clock jumps (a
         * process that stood still, a test moving time) the pump may lag, and history or a quote served from behind the
         * clock would be a forming candle passed off as a closed one.
         */
        default void catchUp() {
        }
    }

    private record Request(HttpExchange exchange, String method, String[] segments, Map<String, List<String>> query,
                           String apiKey, String accessToken) {
        Map<String, String> firstQuery() {
            return HttpExchangeIo.first(query);
        }

        @Override
        public String toString() {
            return "Request[" + method + " /" + String.join("/", segments) + ", apiKey=" + apiKey + ", accessToken=****]";
        }
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final Sessions sessions;
    private final SimMarket market;
    private final OrderBook orders;
    private final InstrumentDump dump;
    private final FaultState faults;
    private final RateLimits limits;
    private final SandboxStats stats;
    private final LongSupplier marketTime;
    private final java.time.Clock wallClock;
    private final LoginRoutes loginRoutes;
    private final Control control;
    private final ControlRoutes controlRoutes;
    private final Map<String, byte[]> gzippedDumps = new java.util.concurrent.ConcurrentHashMap<>();

    RestServer(int port, Sessions sessions, SimMarket market, OrderBook orders, InstrumentDump dump, FaultState faults,
               RateLimits limits, SandboxStats stats, LongSupplier marketTime, String defaultRedirectUrl, java.time.Clock wallClock,
               Control control)
            throws IOException {
        this.sessions = sessions;
        this.market = market;
        this.orders = orders;
        this.dump = dump;
        this.faults = faults;
        this.limits = limits;
        this.stats = stats;
        this.marketTime = marketTime;
        this.wallClock = wallClock;
        this.loginRoutes = new LoginRoutes(sessions, stats, defaultRedirectUrl);
        this.control = control;
        this.controlRoutes = new ControlRoutes(control, stats);
        try {
            this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        } catch (IOException e) {
            throw new IOException("cannot listen on 127.0.0.1:" + port + " for the sandbox REST API: " + e.getMessage()
                    + " (choose another --rest-port, or 0 for any free port)", e);
        }
        AtomicInteger n = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "sandbox-rest-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
    }

    void start() {
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    void stop() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange ex) throws IOException {
        try {
            String path = ex.getRequestURI().getPath();
            String hostProblem = RequestGuard.hostProblem(ex.getRequestHeaders().getFirst("Host"));
            if (hostProblem != null) {
                stats.refused.incrementAndGet();
                throw new SandboxError(403, "PermissionException", hostProblem);
            }
            if (path.startsWith("/__sandbox/")) {
                controlRoutes.handle(ex, path);
            } else if (path.startsWith("/connect/")) {
                loginRoutes.handle(ex, path);
            } else {
                apiRoute(ex, path);
            }
        } catch (SandboxError e) {
            Envelopes.error(ex, e.status, e.errorType, e.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("sandbox REST handler failed for {} {}", ex.getRequestMethod(), ex.getRequestURI().getPath(), e);
            Envelopes.error(ex, 500, "GeneralException", "Sandbox internal error: " + e);
        } finally {
            ex.close();
        }
    }

    // ---------------------------------------------------------------------------------------------- API routes

    private void apiRoute(HttpExchange ex, String path) throws IOException {
        String method = ex.getRequestMethod();
        String[] seg = path.replaceAll("^/+|/+$", "").split("/");
        String route = routeName(method, seg);
        stats.request(route);
        if (route.startsWith("? ")) {
            throw new SandboxError(404, "GeneralException", "Route not found: " + method + " " + path
                    + " is not part of the Kite API the sandbox serves.");
        }
        if (faults.active(FaultKind.SERVER_ERROR)) {
            stats.serverErrors.incrementAndGet();
            boolean get = method.equals("GET");
            throw new SandboxError(get ? 503 : 500, get ? "NetworkException" : "GeneralException",
                    "Sandbox fault server_error: the API is down, retry later.");
        }
        if (faults.active(FaultKind.RATE_LIMIT)) {
            stats.rateLimited.incrementAndGet();
            throw new SandboxError(429, "NetworkException", "Too many requests (sandbox fault rate_limit).");
        }
        String version = ex.getRequestHeaders().getFirst("X-Kite-Version");
        if (version != null && !version.trim().equals("3")) {
            throw SandboxError.input("Unsupported X-Kite-Version '" + version + "': send X-Kite-Version: 3.");
        }
        Map<String, List<String>> query = HttpExchangeIo.params(ex.getRequestURI().getRawQuery());
        if (route.equals("POST /session/token")) {
            rateLimit(RateLimits.Category.OTHER);
            Envelopes.ok(ex, generateSession(HttpExchangeIo.first(HttpExchangeIo.params(HttpExchangeIo.body(ex)))));
            return;
        }
        String[] auth = authorize(ex, route, query);
        Request r = new Request(ex, method, seg, query, auth[0], auth[1]);
        rateLimit(category(route));
        dispatch(route, r);
    }

    private static String routeName(String method, String[] s) {
        String p = String.join("/", s);
        int n = s.length;
        switch (method + " " + (n > 0 ? s[0] : "")) {
            case "POST session":
            case "DELETE session":
                return p.equals("session/token") ? method + " /session/token" : "? " + p;
            case "GET user":
                return p.equals("user/profile") ? "GET /user/profile" : "? " + p;
            case "GET instruments":
                if (n == 1) {
                    return "GET /instruments";
                }
                if (n == 2) {
                    return "GET /instruments/{exchange}";
                }
                return n == 4 && s[1].equals("historical") ? "GET /instruments/historical" : "? " + p;
            case "GET quote":
                if (n == 1) {
                    return "GET /quote";
                }
                return n == 2 && (s[1].equals("ohlc") || s[1].equals("ltp")) ? "GET /quote/" + s[1] : "? " + p;
            case "POST orders":
                return n == 2 ? "POST /orders" : "? " + p;
            case "PUT orders":
                return n == 3 ? "PUT /orders" : "? " + p;
            case "DELETE orders":
                return n == 3 ? "DELETE /orders" : "? " + p;
            case "GET orders":
                if (n == 1) {
                    return "GET /orders";
                }
                if (n == 2) {
                    return "GET /orders/{order_id}";
                }
                return n == 3 && s[2].equals("trades") ? "GET /orders/{order_id}/trades" : "? " + p;
            case "GET trades":
                return n == 1 ? "GET /trades" : "? " + p;
            case "GET portfolio":
                return p.equals("portfolio/positions") ? "GET /portfolio/positions" : "? " + p;
            default:
                return "? " + p;
        }
    }

    private static RateLimits.Category category(String route) {
        if (route.startsWith("GET /quote")) {
            return RateLimits.Category.QUOTE;
        }
        if (route.equals("GET /instruments/historical")) {
            return RateLimits.Category.HISTORICAL;
        }
        if (route.equals("POST /orders") || route.equals("PUT /orders") || route.equals("DELETE /orders")) {
            return RateLimits.Category.ORDERS;
        }
        return RateLimits.Category.OTHER;
    }

    private void rateLimit(RateLimits.Category c) {
        if (!limits.tryAcquire(c)) {
            stats.rateLimited.incrementAndGet();
            throw new SandboxError(429, "NetworkException", "Too many requests: Kite allows " + c.perSecond + "/s"
                    + (c.perMinute > 0 ? " and " + c.perMinute + "/min" : "") + " on this route; slow down.");
        }
    }

    /** Returns {api_key, access_token} or throws TokenException (403). DELETE /session/token takes them as query. */
    private String[] authorize(HttpExchange ex, String route, Map<String, List<String>> query) {
        String key;
        String token;
        String header = ex.getRequestHeaders().getFirst("Authorization");
        if (route.equals("DELETE /session/token") && header == null) {
            key = HttpExchangeIo.first(query).get("api_key");
            token = HttpExchangeIo.first(query).get("access_token");
        } else {
            if (header == null || !header.startsWith("token ") || header.indexOf(':') < 0) {
                throw SandboxError.token("Missing or malformed Authorization header: send `Authorization: token api_key:access_token`.");
            }
            String kt = header.substring("token ".length()).trim();
            key = kt.substring(0, kt.indexOf(':'));
            token = kt.substring(kt.indexOf(':') + 1);
        }
        if (!sessions.valid(key, token)) {
            throw SandboxError.token("Incorrect `api_key` or `access_token`: the session expired or is invalid; log in again.");
        }
        return new String[] {key, token};
    }

    private void dispatch(String route, Request r) throws IOException {
        switch (route) {
            case "DELETE /session/token":
                sessions.invalidate(r.accessToken());
                Envelopes.ok(r.exchange(), true);
                break;
            case "GET /user/profile":
                Envelopes.ok(r.exchange(), profile());
                break;
            case "GET /instruments":
                instruments(r.exchange(), null);
                break;
            case "GET /instruments/{exchange}":
                String exch = r.segments()[1].toUpperCase(Locale.ROOT);
                if (!EXCHANGES.contains(exch)) {
                    throw SandboxError.input("Unknown exchange '" + r.segments()[1] + "': use one of " + String.join(", ",
                            new java.util.TreeSet<>(EXCHANGES)) + ".");
                }
                instruments(r.exchange(), exch);
                break;
            case "GET /instruments/historical":
                control.catchUp();
                Envelopes.ok(r.exchange(), historical(r));
                break;
            case "GET /quote":
            case "GET /quote/ohlc":
            case "GET /quote/ltp":
                control.catchUp();
                Envelopes.ok(r.exchange(), quotes(route, r.query().getOrDefault("i", List.of())));
                break;
            case "POST /orders":
                Map<String, String> form = HttpExchangeIo.first(HttpExchangeIo.params(HttpExchangeIo.body(r.exchange())));
                String id = orders.place(r.apiKey(), r.segments()[1], form);
                if (faults.active(FaultKind.DROP_ORDER_RESPONSE)) {
                    stats.orderResponsesDropped.incrementAndGet();
                    LOG.info("sandbox fault drop_order_response: order {} placed, connection closed without an answer", id);
                    r.exchange().close(); // before any header was sent: the JDK server closes the connection
                    return;
                }
                Envelopes.ok(r.exchange(), Map.of("order_id", id));
                break;
            case "PUT /orders":
                Map<String, String> changes = HttpExchangeIo.first(HttpExchangeIo.params(HttpExchangeIo.body(r.exchange())));
                Envelopes.ok(r.exchange(), Map.of("order_id", orders.modify(r.segments()[1], r.segments()[2], changes)));
                break;
            case "DELETE /orders":
                Envelopes.ok(r.exchange(), Map.of("order_id", orders.cancel(r.segments()[1], r.segments()[2])));
                break;
            case "GET /orders":
                Envelopes.ok(r.exchange(), orders.list());
                break;
            case "GET /orders/{order_id}":
                Envelopes.ok(r.exchange(), orders.history(r.segments()[1]).orElseThrow(() -> noOrder(r.segments()[1])));
                break;
            case "GET /orders/{order_id}/trades":
                Envelopes.ok(r.exchange(), orders.tradesOf(r.segments()[1]).orElseThrow(() -> noOrder(r.segments()[1])));
                break;
            case "GET /trades":
                Envelopes.ok(r.exchange(), orders.trades());
                break;
            case "GET /portfolio/positions":
                Envelopes.ok(r.exchange(), orders.positions());
                break;
            default:
                throw new SandboxError(404, "GeneralException", "Route not found: " + route);
        }
    }

    private static SandboxError noOrder(String id) {
        return new SandboxError(400, "OrderException", "Couldn't find order " + id + ": list the day's orders with GET /orders.");
    }

    private Map<String, Object> generateSession(Map<String, String> form) {
        for (String f : List.of("api_key", "request_token", "checksum")) {
            if (form.get(f) == null || form.get(f).isBlank()) {
                throw SandboxError.input("Missing `" + f + "`: POST /session/token needs api_key, request_token and checksum"
                        + " (sha256 hex of api_key + request_token + api_secret).");
            }
        }
        String access = sessions.generateSession(form.get("api_key"), form.get("request_token"), form.get("checksum"));
        Map<String, Object> d = profile();
        d.put("api_key", form.get("api_key"));
        d.put("access_token", access);
        d.put("public_token", sessions.randomToken(32));
        d.put("enctoken", sessions.randomToken(32));
        d.put("refresh_token", "");
        d.put("silo", "");
        d.put("login_time", KiteTime.plain(wallClock.millis()));
        d.put("meta", Map.of("demat_consent", "physical"));
        return d;
    }

    private static Map<String, Object> profile() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("user_type", "individual");
        d.put("email", "sandbox@example.invalid");
        d.put("user_name", OrderBook.USER_NAME);
        d.put("user_shortname", "Sandbox");
        d.put("broker", "ZERODHA");
        d.put("exchanges", List.of("NSE", "BSE", "NFO"));
        d.put("products", List.of("CNC", "NRML", "MIS"));
        d.put("order_types", List.of("MARKET", "LIMIT", "SL", "SL-M"));
        d.put("avatar_url", null);
        d.put("user_id", OrderBook.USER_ID);
        return d;
    }

    private void instruments(HttpExchange ex, String exchange) throws IOException {
        byte[] body = gzippedDumps.computeIfAbsent(exchange == null ? "*" : exchange, e -> InstrumentDump.gzip(dump.csv(exchange)));
        ex.getResponseHeaders().set("Content-Encoding", "gzip");
        HttpExchangeIo.send(ex, 200, "text/csv", body);
    }

    private Map<String, Object> historical(Request r) {
        String tokenText = r.segments()[2];
        String intervalText = r.segments()[3];
        long token;
        try {
            token = Long.parseLong(tokenText);
        } catch (NumberFormatException e) {
            throw SandboxError.input("Invalid instrument token '" + tokenText + "': it is a number, e.g. 738561.");
        }
        if (market.byToken(token).isEmpty()) {
            throw SandboxError.input("No historical data for token " + token + ": the sandbox simulates the NIFTY 50"
                    + " equities and the NIFTY 50 index (256265).");
        }
        CandleInterval interval = CandleInterval.parse(intervalText).orElseThrow(() -> SandboxError.input(
                "Invalid interval '" + intervalText + "': use one of " + CandleInterval.names() + "."));
        Map<String, String> q = r.firstQuery();
        long from = KiteTime.parseIst(q.get("from")).orElseThrow(() -> SandboxError.input(
                "Missing or invalid `from` '" + q.get("from") + "': use yyyy-mm-dd hh:mm:ss (IST)."));
        long to = KiteTime.parseIst(q.get("to")).orElseThrow(() -> SandboxError.input(
                "Missing or invalid `to` '" + q.get("to") + "': use yyyy-mm-dd hh:mm:ss (IST)."));
        if (to < from) {
            throw SandboxError.input("`from` " + q.get("from") + " is after `to` " + q.get("to") + ".");
        }
        boolean withOi = "1".equals(q.get("oi"));
        List<List<Object>> candles = new ArrayList<>();
        for (SimMarket.Bar b : market.candles(token, interval, from, to)) {
            List<Object> c = new ArrayList<>(List.of(KiteTime.candle(b.startMillis()), QuoteJson.rupees(b.open()),
                    QuoteJson.rupees(b.high()), QuoteJson.rupees(b.low()), QuoteJson.rupees(b.close()), b.volume()));
            if (withOi) {
                c.add(0);
            }
            candles.add(c);
        }
        return Map.of("candles", candles);
    }

    private Map<String, Object> quotes(String route, List<String> keys) {
        int max = route.equals("GET /quote") ? MAX_QUOTE : MAX_OHLC_LTP;
        if (keys.isEmpty()) {
            throw SandboxError.input("No instruments: pass one or more i=EXCHANGE:TRADINGSYMBOL, e.g. i=NSE:INFY.");
        }
        if (keys.size() > max) {
            throw SandboxError.input("Too many instruments: " + keys.size() + " given, at most " + max + " per call on "
                    + route.substring(4) + ".");
        }
        long now = marketTime.getAsLong();
        Map<String, Object> out = new LinkedHashMap<>();
        for (String key : keys) {
            Optional<SimInstrument> s = resolve(key);
            if (s.isEmpty() || out.containsKey(key)) {
                continue;
            }
            QuoteSnapshot q = market.quote(s.get().token(), now);
            out.put(key, route.equals("GET /quote") ? QuoteJson.full(q)
                    : route.equals("GET /quote/ohlc") ? QuoteJson.ohlc(q) : QuoteJson.ltp(q));
        }
        return out;
    }

    private Optional<SimInstrument> resolve(String key) {
        String k = key.trim();
        if (k.matches("\\d{1,10}")) {
            return market.byToken(Long.parseLong(k));
        }
        int colon = k.indexOf(':');
        if (colon <= 0) {
            return Optional.empty();
        }
        return market.byKey(k.substring(0, colon).toUpperCase(Locale.ROOT) + ":" + k.substring(colon + 1).toUpperCase(Locale.ROOT));
    }
}
