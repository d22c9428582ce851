package io.niftyscanner.kite;

import com.fasterxml.jackson.databind.JsonNode;
import io.niftyscanner.config.ScannerConfig;
import io.niftyscanner.market.Candle;
import io.niftyscanner.market.CandleQuality;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.GZIPInputStream;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.BufferedSink;
import okio.BufferedSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kite Connect v3 REST client (kite-protocol.md 2). Thread-safe. Client-side rate limits keep the app under
 * Kite's limits; reads retry on 429/5xx/network errors with backoff; an order is never sent twice.
 */
public final class KiteRestClient {
    private static final Logger LOG = LoggerFactory.getLogger(KiteRestClient.class);
    public static final int QUOTE_BATCH = 500;
    public static final int OHLC_BATCH = 1000;
    public static final int LTP_BATCH = 1000;
    public static final Set<String> INTERVALS = Set.of("minute", "day", "3minute", "5minute", "10minute", "15minute",
            "30minute", "60minute");
    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    private final OkHttpClient http;
    private final HttpUrl base;
    /** Shared by the copies made with other limits or retries, so that a renewed session reaches them all. */
    private final AtomicReference<KiteSession> session;
    private final KiteTime time;
    private final RetryPolicy retry;
    private final Limits limits;
    private final ResponseLimits sizes;

    /** Kite's published limits (kite-protocol.md 2.9), shared by every client made from one another. */
    private static final class Limits {
        static final long MARGIN_NANOS = 100_000_000L;
        final RateLimiter quote;
        final RateLimiter historical;
        final RateLimiter ordersPerSecond;
        final RateLimiter ordersPerMinute;
        final RateLimiter other;

        /**
         * Windows are widened by {@link #MARGIN_NANOS}: the server measures arrival times, and a request that waited
         * on a connection can arrive late while the next one arrives on time, putting both in one server window.
         */
        Limits(KiteTime t) {
            quote = new RateLimiter("quote", 1, SECOND + MARGIN_NANOS, t.nanos(), t.sleeper());
            historical = new RateLimiter("historical", 3, SECOND + MARGIN_NANOS, t.nanos(), t.sleeper());
            ordersPerSecond = new RateLimiter("orders", 10, SECOND + MARGIN_NANOS, t.nanos(), t.sleeper());
            ordersPerMinute = new RateLimiter("orders per minute", 200, 60 * SECOND + MARGIN_NANOS, t.nanos(), t.sleeper());
            other = new RateLimiter("other", 10, SECOND + MARGIN_NANOS, t.nanos(), t.sleeper());
        }
    }

    public KiteRestClient(OkHttpClient http, String baseUrl, KiteSession session) {
        this(http, baseUrl, session, KiteTime.system(), RetryPolicy.DEFAULT);
    }

    /**
     * @param baseUrl Kite's REST base (e.g. {@code https://api.kite.trade} or a sandbox URL); empty means real Kite
     */
    public KiteRestClient(OkHttpClient http, String baseUrl, KiteSession session, KiteTime time, RetryPolicy retry) {
        this(http, parseBase(baseUrl), new AtomicReference<>(session), time, retry, new Limits(time), ResponseLimits.DEFAULT);
    }

    private KiteRestClient(OkHttpClient http, HttpUrl base, AtomicReference<KiteSession> session, KiteTime time, RetryPolicy retry,
                           Limits limits, ResponseLimits sizes) {
        this.http = http;
        this.base = base;
        this.session = session;
        this.time = time;
        this.retry = retry;
        this.limits = limits;
        this.sizes = sizes;
    }

    /** The same client (same HTTP client and rate limits) with another session, e.g. after the daily login. */
    public KiteRestClient withSession(KiteSession newSession) {
        return new KiteRestClient(http, base, new AtomicReference<>(newSession), time, retry, limits, sizes);
    }

    /**
     * Uses another session from the next request on, in this client and every copy made from it with other limits or
     * retries (not those made {@link #withSession}): the morning's new access token reaches every part of a running
     * scanner that holds this client.
     */
    public void renewSession(KiteSession newSession) {
        session.set(java.util.Objects.requireNonNull(newSession, "session"));
    }

    /** The same client with other bounds on response sizes. */
    public KiteRestClient withResponseLimits(ResponseLimits newSizes) {
        return new KiteRestClient(http, base, session, time, retry, limits, newSizes);
    }

    /** The same client (same HTTP client and rate limits) with another retry policy for reads. */
    public KiteRestClient withRetryPolicy(RetryPolicy policy) {
        return new KiteRestClient(http, base, session, time, policy, limits, sizes);
    }

    public KiteSession session() {
        return session.get();
    }

    public String baseUrl() {
        String s = base.toString();
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    private static HttpUrl parseBase(String baseUrl) {
        String b = baseUrl == null || baseUrl.isBlank() ? ScannerConfig.Kite.REAL_REST_URL : baseUrl.trim();
        HttpUrl url = HttpUrl.parse(b.endsWith("/") ? b : b + "/");
        if (url == null) {
            throw new IllegalArgumentException("Kite REST URL '" + b + "' is not an http(s) URL");
        }
        return url;
    }

    // ------------------------------------------------------------------ session

    /** Lower-case hex SHA-256 of api_key + request_token + api_secret (kite-protocol.md 2.2). */
    public static String checksum(String apiKey, String requestToken, String apiSecret) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] digest = sha.digest((apiKey + requestToken + apiSecret).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JVM", e);
        }
    }

    /** Exchanges the request token of the login redirect for the day's access token ({@code POST /session/token}). */
    public SessionInfo generateSession(String requestToken, String apiSecret) {
        RequestBody form = new FormBody.Builder()
                .add("api_key", session.get().apiKey())
                .add("request_token", requestToken)
                .add("checksum", checksum(session.get().apiKey(), requestToken, apiSecret))
                .build();
        Request req = new Request.Builder().url(url("session/token")).header("X-Kite-Version", "3").post(form).build();
        JsonNode d = data(sendOnce(req, "session/token", limits.other, sizes.jsonBytes()));
        return new SessionInfo(KiteJson.text(d, "user_id"), KiteJson.text(d, "user_name"), KiteJson.text(d, "email"),
                KiteJson.text(d, "broker"), KiteJson.text(d, "api_key"), KiteJson.text(d, "access_token"),
                KiteJson.text(d, "login_time"));
    }

    /**
     * The logged-in user ({@code GET /user/profile}). Throws {@link TokenException} when the token no longer works,
     * which makes it the check to run before 09:15.
     */
    public UserProfile profile() {
        JsonNode d = data(read(get(url("user/profile")), "user/profile", limits.other, sizes.jsonBytes()));
        return new UserProfile(KiteJson.text(d, "user_id"), KiteJson.text(d, "user_name"), KiteJson.text(d, "email"),
                KiteJson.text(d, "broker"));
    }

    /**
     * The market a simulated Kite-compatible server says it simulates: {@code market_id} (or, from an older sandbox, its
     * {@code seed}) in {@code GET /__sandbox/stats}, the sandbox's own route. Empty when the server does not say (real
     * Kite has no such route) or cannot be asked.
     */
    public Optional<String> simulatedMarketId() {
        try {
            JsonNode d = data(read(get(url("__sandbox/stats")), "__sandbox/stats", limits.other, sizes.jsonBytes()));
            String id = KiteJson.text(d, "market_id");
            if (id.isEmpty() && d.hasNonNull("seed")) {
                id = "seed" + d.get("seed").asText();
            }
            return id.isEmpty() ? Optional.empty() : Optional.of(id);
        } catch (KiteException e) {
            LOG.debug("no simulated market id from {}: {}", base.host(), e.getMessage());
            return Optional.empty();
        }
    }

    // ------------------------------------------------------------------ instruments

    /** The instrument dump of one exchange ({@code GET /instruments/NSE}). */
    public List<InstrumentRow> instruments(String exchange) {
        return parseInstruments(read(get(url("instruments/" + exchange)), "instruments/" + exchange, limits.other,
                sizes.instrumentBytes()), sizes.instrumentBytes());
    }

    /** The instrument dump of every exchange ({@code GET /instruments}). */
    public List<InstrumentRow> instruments() {
        return parseInstruments(read(get(url("instruments")), "instruments", limits.other, sizes.instrumentBytes()),
                sizes.instrumentBytes());
    }

    private static List<InstrumentRow> parseInstruments(Raw raw, long maxBytes) {
        byte[] body = raw.body;
        if (body.length >= 2 && (body[0] & 0xFF) == 0x1f && (body[1] & 0xFF) == 0x8b) {
            // a gzip file as the body itself (no Content-Encoding): unpacked here, within the same bound
            try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
                body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
                if (body.length > maxBytes) {
                    throw tooLarge("the instrument dump", "unpacks to more than", maxBytes, raw.code);
                }
            } catch (IOException e) {
                throw new DataException("Kite's instrument dump is a broken gzip file: " + e.getMessage(), raw.code, "");
            }
        }
        String text = new String(body, StandardCharsets.UTF_8);
        if (text.stripLeading().startsWith("{")) {
            throw new DataException("Kite sent JSON where the instrument CSV was expected", raw.code, "");
        }
        return InstrumentCsv.parse(text);
    }

    // ------------------------------------------------------------------ quotes

    /** Full quotes, keyed by the {@code i} value (e.g. {@code NSE:INFY}); batched 500 per call. */
    public Map<String, Quote> quote(Collection<String> instruments) {
        return quotes("quote", instruments, QUOTE_BATCH);
    }

    /** OHLC + last price; batched 1000 per call. */
    public Map<String, Quote> ohlc(Collection<String> instruments) {
        return quotes("quote/ohlc", instruments, OHLC_BATCH);
    }

    /** Last price only; batched 1000 per call. */
    public Map<String, Quote> ltp(Collection<String> instruments) {
        return quotes("quote/ltp", instruments, LTP_BATCH);
    }

    private Map<String, Quote> quotes(String route, Collection<String> instruments, int batch) {
        List<String> all = new ArrayList<>(instruments);
        Map<String, Quote> out = new LinkedHashMap<>();
        for (int from = 0; from < all.size(); from += batch) {
            HttpUrl.Builder u = url(route).newBuilder();
            for (String key : all.subList(from, Math.min(all.size(), from + batch))) {
                u.addQueryParameter("i", key);
            }
            JsonNode d = data(read(get(u.build()), route, limits.quote, sizes.jsonBytes()));
            d.fields().forEachRemaining(e -> out.put(e.getKey(), parseQuote(e.getKey(), e.getValue())));
        }
        return out;
    }

    private static Quote parseQuote(String key, JsonNode q) {
        long token = q.path("instrument_token").asLong(0);
        JsonNode ohlc = q.path("ohlc");
        try {
            return new Quote(key, token, KiteJson.minor(q.get("last_price"), token), q.path("last_quantity").asLong(0),
                    q.has("volume") ? q.path("volume").asLong(0) : -1, KiteJson.minor(q.get("average_price"), token),
                    q.path("buy_quantity").asLong(0), q.path("sell_quantity").asLong(0),
                    KiteJson.minor(ohlc.get("open"), token), KiteJson.minor(ohlc.get("high"), token),
                    KiteJson.minor(ohlc.get("low"), token), KiteJson.minor(ohlc.get("close"), token),
                    KiteJson.istMillis(q.get("timestamp")), KiteJson.istMillis(q.get("last_trade_time")));
        } catch (RuntimeException e) {
            throw new DataException("Kite's quote for " + key + " could not be read: " + e.getMessage(), 200, "");
        }
    }

    /** The touch (best bid and ask) with the last price, from {@code /quote}'s depth; batched 500 per call. */
    public Map<String, TopOfBook> topOfBook(Collection<String> instruments) {
        List<String> all = new ArrayList<>(instruments);
        Map<String, TopOfBook> out = new LinkedHashMap<>();
        for (int from = 0; from < all.size(); from += QUOTE_BATCH) {
            HttpUrl.Builder u = url("quote").newBuilder();
            for (String key : all.subList(from, Math.min(all.size(), from + QUOTE_BATCH))) {
                u.addQueryParameter("i", key);
            }
            JsonNode d = data(read(get(u.build()), "quote", limits.quote, sizes.jsonBytes()));
            d.fields().forEachRemaining(e -> {
                JsonNode q = e.getValue();
                long token = q.path("instrument_token").asLong(0);
                JsonNode bid = q.path("depth").path("buy").path(0);
                JsonNode ask = q.path("depth").path("sell").path(0);
                try {
                    out.put(e.getKey(), new TopOfBook(e.getKey(), token, KiteJson.minor(bid.get("price"), token),
                            bid.path("quantity").asLong(0), KiteJson.minor(ask.get("price"), token), ask.path("quantity").asLong(0),
                            KiteJson.minor(q.get("last_price"), token), KiteJson.istMillis(q.get("timestamp"))));
                } catch (RuntimeException bad) {
                    throw new DataException("Kite's depth for " + e.getKey() + " could not be read: " + bad.getMessage(), 200, "");
                }
            });
        }
        return out;
    }

    // ------------------------------------------------------------------ historical

    public List<Candle> historical(long token, String interval, Instant from, Instant to) {
        return historical(token, interval, from, to, false, false);
    }

    /**
     * Historical candles ({@code GET /instruments/historical/{token}/{interval}}). {@code from}/{@code to} are sent as
     * IST wall time; the result is in Kite's order with exact minor-unit prices and {@link CandleQuality#HISTORICAL}.
     */
    public List<Candle> historical(long token, String interval, Instant from, Instant to, boolean continuous, boolean oi) {
        if (!INTERVALS.contains(interval)) {
            throw new IllegalArgumentException("unknown candle interval '" + interval + "'; one of " + INTERVALS);
        }
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("historical range ends (" + to + ") before it starts (" + from + ")");
        }
        String route = "instruments/historical/" + token + "/" + interval;
        HttpUrl u = url(route).newBuilder()
                .addQueryParameter("from", KiteJson.IST_WALL.format(from.atZone(KiteJson.IST)))
                .addQueryParameter("to", KiteJson.IST_WALL.format(to.atZone(KiteJson.IST)))
                .addQueryParameter("continuous", continuous ? "1" : "0")
                .addQueryParameter("oi", oi ? "1" : "0")
                .build();
        JsonNode candles = data(read(get(u), "instruments/historical", limits.historical, sizes.jsonBytes())).path("candles");
        List<Candle> out = new ArrayList<>(candles.size());
        for (JsonNode c : candles) {
            try {
                out.add(new Candle(token, KiteJson.candleMillis(c.get(0).asText()), KiteJson.minor(c.get(1), token),
                        KiteJson.minor(c.get(2), token), KiteJson.minor(c.get(3), token), KiteJson.minor(c.get(4), token),
                        c.get(5).asLong(), 0, CandleQuality.HISTORICAL));
            } catch (RuntimeException e) {
                throw new DataException("Kite sent a historical candle for token " + token + " that cannot be read: " + c
                        + " (" + (e instanceof DateTimeParseException ? "bad timestamp" : e.getMessage()) + ")", 200, "");
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ orders

    /**
     * Places an order and returns Kite's order_id. Sent at most once: only a failure before the request left this
     * machine (connection refused, unknown host) is retried, and then raises {@link RequestNotSentException}. When the
     * request may have reached Kite without a clear answer, {@link OutcomeUnknownException} says so (never transient):
     * read the day's orders (by tag) before trying again. A refusal by Kite (input, margin, token) keeps its own type.
     */
    public String placeOrder(OrderRequest order) {
        String route = "orders/" + order.variety();
        JsonNode d = writeData(write(authed(url(route)).post(form(order.form())).build(), route), route);
        String id = KiteJson.text(d, "order_id");
        if (id.isEmpty()) {
            throw new OutcomeUnknownException("Kite accepted the " + order.tradingsymbol() + " order but sent no order_id;"
                    + " check the order book" + (order.tag() == null ? "" : " for tag " + order.tag()), 200, "", null);
        }
        return id;
    }

    /** Modifies an open order ({@code PUT /orders/{variety}/{order_id}}), once, like {@link #placeOrder}. */
    public String modifyOrder(String variety, String orderId, OrderModification change) {
        String route = "orders/" + variety + "/" + orderId;
        return KiteJson.text(writeData(write(authed(url(route)).put(form(change.form())).build(), "orders/{variety}/{id} PUT"),
                route), "order_id");
    }

    /**
     * Cancels an open order ({@code DELETE /orders/{variety}/{order_id}}), once. An order that is already complete or
     * cancelled is refused by Kite with an {@link InputException} or {@link OrderException}.
     */
    public String cancelOrder(String variety, String orderId) {
        String route = "orders/" + variety + "/" + orderId;
        return KiteJson.text(writeData(write(authed(url(route)).delete().build(), "orders/{variety}/{id} DELETE"), route),
                "order_id");
    }

    private static RequestBody form(Map<String, String> fields) {
        FormBody.Builder fb = new FormBody.Builder();
        fields.forEach(fb::add);
        return new OneShotBody(fb.build());
    }

    private Raw write(Request req, String route) {
        acquire(limits.ordersPerSecond);
        acquire(limits.ordersPerMinute);
        return sendOnce(req, route, null, sizes.jsonBytes());
    }

    /** The day's orders ({@code GET /orders}). */
    public List<Order> orders() {
        return orderList(data(read(get(url("orders")), "orders", limits.other, sizes.jsonBytes())));
    }

    /** The day's net positions ({@code GET /portfolio/positions}, its {@code net} list). */
    public List<Position> positions() {
        JsonNode net = data(read(get(url("portfolio/positions")), "portfolio/positions", limits.other, sizes.jsonBytes()))
                .path("net");
        List<Position> out = new ArrayList<>();
        for (JsonNode n : net) {
            out.add(new Position(KiteJson.text(n, "tradingsymbol"), KiteJson.text(n, "exchange"),
                    n.path("instrument_token").asLong(0), KiteJson.text(n, "product"), n.path("quantity").asLong(0),
                    KiteJson.decimal(n.get("average_price")), KiteJson.decimal(n.get("last_price")), KiteJson.decimal(n.get("pnl")),
                    KiteJson.decimal(n.get("realised")), KiteJson.decimal(n.get("unrealised"))));
        }
        return out;
    }

    /** Every state an order went through ({@code GET /orders/{order_id}}). */
    public List<Order> orderHistory(String orderId) {
        return orderList(data(read(get(url("orders/" + orderId)), "orders/{id}", limits.other, sizes.jsonBytes())));
    }

    private static List<Order> orderList(JsonNode arr) {
        List<Order> out = new ArrayList<>();
        for (JsonNode n : arr) {
            out.add(KiteJson.order(n));
        }
        return out;
    }

    // ------------------------------------------------------------------ plumbing

    private HttpUrl url(String path) {
        HttpUrl u = base.resolve(path);
        if (u == null) {
            throw new IllegalArgumentException("bad Kite route " + path);
        }
        return u;
    }

    private Request.Builder authed(HttpUrl url) {
        return new Request.Builder().url(url).header("X-Kite-Version", "3").header("Authorization", session.get().authorization());
    }

    private Request get(HttpUrl url) {
        return authed(url).get().build();
    }

    private record Raw(int code, byte[] body) {}

    private RateLimiter.Permit acquire(RateLimiter limiter) {
        try {
            return limiter.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NetworkException("Interrupted while waiting for Kite's rate limit", 0, "", e);
        }
    }

    private void sleepMillis(long millis) {
        try {
            time.sleeper().sleep(TimeUnit.MILLISECONDS.toNanos(millis));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NetworkException("Interrupted while waiting to retry Kite", 0, "", e);
        }
    }

    /** A read: retried on 429, 5xx and I/O errors with backoff and jitter, at most {@code retry.maxAttempts()} times. */
    private Raw read(Request req, String route, RateLimiter limiter, long maxBytes) {
        for (int attempt = 1; ; attempt++) {
            RateLimiter.Permit permit = acquire(limiter);
            KiteException failure;
            long retryAfterMillis = 0;
            try (Response r = http.newCall(req).execute()) {
                byte[] body = boundedBody(r, route, maxBytes);
                permit.done();
                if (r.isSuccessful()) {
                    return new Raw(r.code(), body);
                }
                failure = KiteErrors.map(r.code(), tryJson(body), route);
                retryAfterMillis = retryAfter(r.header("Retry-After"));
            } catch (IOException e) {
                failure = new NetworkException("Cannot reach Kite at " + base.host() + " (" + route + "): "
                        + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()), 0, "", e);
            }
            if (!failure.isTransient() || attempt >= retry.maxAttempts()) {
                throw failure;
            }
            long delay = Math.max(retryAfterMillis, retry.delayMillis(attempt, time.random().nextDouble()));
            if (failure instanceof RateLimitException) {
                limiter.blockUntil(time.nanos().getAsLong() + TimeUnit.MILLISECONDS.toNanos(delay));
            }
            LOG.warn("{}: attempt {} of {} failed ({}); retrying in {} ms", route, attempt, retry.maxAttempts(),
                    failure.getMessage(), delay);
            sleepMillis(delay);
        }
    }

    /**
     * A request that must not be repeated once it may have reached the server. Only connection failures (nothing was
     * sent) are retried; they end in {@link RequestNotSentException}. An I/O failure after that, or a 5xx that does not
     * say the order system refused the request, ends in {@link OutcomeUnknownException}.
     */
    private Raw sendOnce(Request req, String route, RateLimiter limiter, long maxBytes) {
        for (int attempt = 1; ; attempt++) {
            RateLimiter.Permit permit = limiter == null ? null : acquire(limiter);
            try (Response r = http.newCall(req).execute()) {
                byte[] body;
                try {
                    body = boundedBody(r, route, maxBytes);
                } catch (DataException tooLarge) {
                    // the request reached Kite and something answered: its fate is not known
                    throw new OutcomeUnknownException(tooLarge.getMessage() + " " + unknownHint(route), r.code(), "", tooLarge);
                }
                if (permit != null) {
                    permit.done();
                }
                if (r.isSuccessful()) {
                    return new Raw(r.code(), body);
                }
                KiteException e = KiteErrors.map(r.code(), tryJson(body), route);
                if (mayHaveExecuted(r.code(), e)) {
                    throw new OutcomeUnknownException(e.getMessage() + " " + unknownHint(route), r.code(), e.errorType(), e);
                }
                throw e;
            } catch (ConnectException | UnknownHostException | NoRouteToHostException e) {
                if (attempt >= retry.maxAttempts()) {
                    throw new RequestNotSentException("Cannot connect to Kite at " + base.host() + " (" + route + "): "
                            + e.getMessage() + ". Nothing was sent.", e);
                }
                long delay = retry.delayMillis(attempt, time.random().nextDouble());
                LOG.warn("{}: could not connect (nothing sent), attempt {} of {}; retrying in {} ms", route, attempt,
                        retry.maxAttempts(), delay);
                sleepMillis(delay);
            } catch (IOException e) {
                throw new OutcomeUnknownException("No answer from Kite for " + route + " (" + e.getClass().getSimpleName()
                        + "). " + unknownHint(route), 0, "", e);
            }
        }
    }

    /**
     * The body, at most {@code maxBytes}: refused at once when the server announces more (Content-Length, the size
     * on the wire), and refused as soon as more arrives after gzip is undone. The connection is dropped unread.
     */
    private static byte[] boundedBody(Response r, String route, long maxBytes) throws IOException {
        String announced = r.header("Content-Length");
        if (announced != null) {
            try {
                if (Long.parseLong(announced.trim()) > maxBytes) {
                    throw tooLarge("Kite's answer to " + route, "announces " + ResponseLimits.shown(Long.parseLong(announced.trim()))
                            + ", more than", maxBytes, r.code());
                }
            } catch (NumberFormatException e) {
                // not a number: the streamed bound below still holds
            }
        }
        BufferedSource source = r.body().source();
        if (source.request(maxBytes + 1)) {
            throw tooLarge("Kite's answer to " + route, "is larger than", maxBytes, r.code());
        }
        return source.readByteArray();
    }

    private static DataException tooLarge(String what, String how, long maxBytes, int code) {
        return new DataException(what + " " + how + " the " + ResponseLimits.shown(maxBytes) + " the app accepts;"
                + " it was not read. Kite itself never sends this much: check KITE_REST_URL.", code, "");
    }

    private static String unknownHint(String route) {
        return route.startsWith("orders") ? "The request may have been executed: check the order book before sending it again."
                : "The request may have been executed.";
    }

    /**
     * A 5xx whose error type is not a refusal by the order system (input, order, margin, holding, token, permission)
     * does not say the request was refused: the OMS may have executed it. 429 and 4xx were refused before execution.
     */
    private static boolean mayHaveExecuted(int status, KiteException e) {
        if (status < 500) {
            return false;
        }
        return !(e instanceof InputException || e instanceof OrderException || e instanceof MarginException
                || e instanceof TokenException || e instanceof PermissionException);
    }

    private static long retryAfter(String header) {
        if (header == null) {
            return 0;
        }
        try {
            return Math.min(60_000, Math.max(0, Long.parseLong(header.trim()) * 1000));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static JsonNode tryJson(byte[] body) {
        try {
            return body.length == 0 ? null : KiteJson.MAPPER.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * The data of a successful answer to an order write. An answer that cannot be read (not JSON, no data) came after
     * Kite took the request, so the order's fate is unknown: never a plain (retryable) {@link DataException}.
     */
    private JsonNode writeData(Raw raw, String route) {
        try {
            return data(raw);
        } catch (DataException unreadable) {
            throw new OutcomeUnknownException(unreadable.getMessage() + " " + unknownHint(route), raw.code, "", unreadable);
        }
    }

    private static JsonNode data(Raw raw) {
        JsonNode root = tryJson(raw.body);
        if (root == null || !root.isObject()) {
            String start = new String(raw.body, 0, Math.min(raw.body.length, 80), StandardCharsets.UTF_8);
            throw new DataException("Kite sent a response that is not JSON: '" + io.niftyscanner.config.Secrets.redact(start)
                    + "'", raw.code, "");
        }
        if (!"success".equals(KiteJson.text(root, "status"))) {
            throw KiteErrors.map(raw.code == 200 ? 500 : raw.code, root, "response");
        }
        JsonNode d = root.get("data");
        if (d == null || d.isNull()) {
            throw new DataException("Kite's answer has no data", raw.code, "");
        }
        return d;
    }

    /** Marks a body as one-shot so OkHttp itself never re-sends it on a connection failure. */
    private static final class OneShotBody extends RequestBody {
        private final RequestBody delegate;

        OneShotBody(RequestBody delegate) {
            this.delegate = delegate;
        }

        @Override
        public MediaType contentType() {
            return delegate.contentType();
        }

        @Override
        public long contentLength() throws IOException {
            return delegate.contentLength();
        }

        @Override
        public void writeTo(BufferedSink sink) throws IOException {
            delegate.writeTo(sink);
        }

        @Override
        public boolean isOneShot() {
            return true;
        }
    }
}
