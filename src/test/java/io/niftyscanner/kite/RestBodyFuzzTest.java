package io.niftyscanner.kite;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.niftyscanner.market.Candle;
import io.niftyscanner.tools.ReliabilityFigures;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Random and mutated REST answers (envelopes, quotes, historical candles, order books, profiles, errors, any JSON, no
 * JSON) from a real HTTP server on loopback, read by the real client on an injected clock (its retries and rate limits
 * wait on that clock, not on the wall). Every call returns values that make sense or throws a {@link KiteException}
 * that says what was wrong; never another exception, never a candle with its high below its low, never a negative
 * volume or quantity.
 */
class RestBodyFuzzTest {
    private static final AtomicLong ANSWERS = new AtomicLong();
    private static final AtomicLong REFUSED = new AtomicLong();
    private static final AtomicReference<Answer> ANSWER = new AtomicReference<>();
    private static HttpServer server;
    private static KiteRestClient client;

    record Answer(int status, String contentType, String body) {}

    @BeforeContainer
    static void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", ex -> {
            try (ex) {
                ex.getRequestBody().readAllBytes();
                Answer a = ANSWER.get();
                byte[] body = a.body().getBytes(StandardCharsets.UTF_8);
                ex.getResponseHeaders().set("Content-Type", a.contentType());
                boolean bodyless = a.status() == 204 || a.status() == 304 || body.length == 0;
                ex.sendResponseHeaders(a.status(), bodyless ? -1 : body.length);
                if (!bodyless) {
                    ex.getResponseBody().write(body);
                }
            }
        });
        server.start();
        client = new KiteRestClient(KiteHttp.shared(), "http://127.0.0.1:" + server.getAddress().getPort(),
                new KiteSession("fuzz", "tok123456789"), new FakeTime().kiteTime(), RetryPolicy.DEFAULT);
    }

    @AfterContainer
    static void stop() {
        ReliabilityFigures.record("fuzz: REST JSON bodies", Map.of("answers", ANSWERS.get(), "refused_with_reason", REFUSED.get()));
        server.stop(0);
    }

    /** Calls one route with the answer in place; checks what comes back or what is thrown. */
    private static void call(Answer answer, Function<KiteRestClient, Object> route, java.util.function.Consumer<Object> sane) {
        ANSWER.set(answer);
        ANSWERS.incrementAndGet();
        Object result;
        try {
            result = route.apply(client);
        } catch (KiteException e) {
            REFUSED.incrementAndGet();
            assertThat(e.getMessage()).as("the reason for refusing %s", answer).isNotBlank();
            return;
        }
        sane.accept(result);
    }

    @Property(tries = 700)
    void quotes(@ForAll("quoteAnswers") Answer answer) {
        call(answer, c -> c.quote(List.of("NSE:INFY", "NSE:TCS")), r -> {
            @SuppressWarnings("unchecked")
            Map<String, Quote> quotes = (Map<String, Quote>) r;
            for (Quote q : quotes.values()) {
                assertThat(q.volume()).as("%s from %s", q, answer).isGreaterThanOrEqualTo(-1);
                for (long n : new long[] {q.lastQuantity(), q.buyQuantity(), q.sellQuantity()}) {
                    assertThat(n).as("%s from %s", q, answer).isGreaterThanOrEqualTo(0);
                }
            }
        });
    }

    /** Found by {@link #historicalCandles}: Jackson refuses this exponent with a NumberFormatException, not an IOException. */
    @net.jqwik.api.Example
    void aNumberWithAnExponentBeyondLongIsRefusedWithAReason() {
        call(new Answer(200, "application/json", "{\"status\":\"success\",\"data\":{\"candles\":[[\"2026-11-23T09:15:00+0530\","
                        + "-1.7976931348623157E3089223372036854775806,1,1,1,5]]}}"),
                c -> c.historical(408065, "5minute", Instant.parse("2026-11-23T03:45:00Z"), Instant.parse("2026-11-23T10:00:00Z")),
                r -> {
                    throw new AssertionError("accepted: " + r);
                });
    }

    @Property(tries = 700)
    void historicalCandles(@ForAll("historicalAnswers") Answer answer) {
        call(answer, c -> c.historical(408065, "5minute", Instant.parse("2026-11-23T03:45:00Z"), Instant.parse("2026-11-23T10:00:00Z")),
                r -> {
                    @SuppressWarnings("unchecked")
                    List<Candle> candles = (List<Candle>) r;
                    for (Candle k : candles) {
                        assertThat(k.low()).as("%s from %s", k, answer).isPositive();
                        assertThat(k.high()).as("%s from %s", k, answer).isGreaterThanOrEqualTo(Math.max(k.open(), k.close()));
                        assertThat(k.low()).as("%s from %s", k, answer).isLessThanOrEqualTo(Math.min(k.open(), k.close()));
                        assertThat(k.volume()).as("%s from %s", k, answer).isGreaterThanOrEqualTo(0);
                    }
                });
    }

    @Property(tries = 500)
    void orderBooks(@ForAll("orderAnswers") Answer answer) {
        call(answer, KiteRestClient::orders, r -> {
            @SuppressWarnings("unchecked")
            List<Order> orders = (List<Order>) r;
            for (Order o : orders) {
                for (long q : new long[] {o.quantity(), o.filledQuantity(), o.pendingQuantity(), o.cancelledQuantity()}) {
                    assertThat(q).as("%s from %s", o, answer).isGreaterThanOrEqualTo(0);
                }
                for (BigDecimal p : new BigDecimal[] {o.price(), o.triggerPrice(), o.averagePrice()}) {
                    assertThat(p == null || p.signum() >= 0).as("%s from %s", o, answer).isTrue();
                }
            }
        });
    }

    @Property(tries = 300)
    void profilesAndAnythingElse(@ForAll("anyAnswers") Answer answer) {
        call(answer, KiteRestClient::profile, r -> assertThat(r).isNotNull());
        call(answer, c -> c.ltp(List.of("NSE:INFY")), r -> assertThat(r).isNotNull());
        call(answer, c -> c.placeOrder(OrderRequest.market("NSE", "INFY", "BUY", 1, "MIS", "fuzz1")), r -> assertThat(r).asString().isNotBlank());
    }

    // ------------------------------------------------------------------------------------------------ answers

    private static final String[] STATUS_WORDS = {"success", "error", "", "SUCCESS", "ok"};
    private static final String[] ERROR_TYPES = {"TokenException", "InputException", "OrderException", "MarginException",
        "NetworkException", "DataException", "GeneralException", "PermissionException", "", "NoSuchException"};

    private static Arbitrary<Integer> statuses() {
        return Arbitraries.frequencyOf(Tuple.of(8, Arbitraries.just(200)),
                Tuple.of(3, Arbitraries.of(400, 403, 404, 429, 500, 502, 503, 504, 302, 201, 204, 418)));
    }

    private static Arbitrary<String> contentTypes() {
        return Arbitraries.of("application/json", "application/json; charset=utf-8", "text/csv", "text/html", "");
    }

    private static Arbitrary<Answer> answers(Arbitrary<String> data) {
        Arbitrary<String> envelope = Combinators.combine(Arbitraries.of(STATUS_WORDS), data)
                .as((status, d) -> "{\"status\":\"" + status + "\",\"data\":" + d + "}");
        Arbitrary<String> error = Combinators.combine(Arbitraries.strings().ofMaxLength(40), Arbitraries.of(ERROR_TYPES))
                .as((m, t) -> "{\"status\":\"error\",\"message\":" + com.fasterxml.jackson.databind.node.TextNode.valueOf(m)
                        + ",\"error_type\":\"" + t + "\"}");
        Arbitrary<String> mutated = Combinators.combine(envelope, Arbitraries.integers().greaterOrEqual(0), Arbitraries.chars().ascii(),
                Arbitraries.of(0, 1, 2)).as((b, at, c, how) -> {
                    int i = at % (b.length() + 1);
                    int j = Math.min(b.length(), i + 1);
                    return how == 0 ? b.substring(0, i) + b.substring(j) : how == 1 ? b.substring(0, i) + c + b.substring(i)
                            : b.substring(0, i) + c + b.substring(j);
                });
        Arbitrary<String> body = Arbitraries.frequencyOf(Tuple.of(6, envelope), Tuple.of(2, error), Tuple.of(3, mutated),
                Tuple.of(1, TickerWireFuzzTest.jsonValue(2)), Tuple.of(1, Arbitraries.strings().ofMaxLength(60)),
                Tuple.of(1, Arbitraries.just("")), Tuple.of(1, Arbitraries.just("[".repeat(5000))));
        return Combinators.combine(statuses(), contentTypes(), body).as(Answer::new);
    }

    private static Arbitrary<String> number() {
        return Arbitraries.oneOf(TickerWireFuzzTest.scalar(), Arbitraries.doubles().between(-10, 5000).map(d -> String.format("%.2f", d)),
                Arbitraries.longs().between(-5, 10_000_000).map(String::valueOf));
    }

    private static Arbitrary<String> fields(String... names) {
        List<Arbitrary<String>> parts = new ArrayList<>();
        for (String n : names) {
            parts.add(Arbitraries.frequencyOf(Tuple.of(5, number()), Tuple.of(1, TickerWireFuzzTest.jsonValue(1)),
                    Tuple.of(1, Arbitraries.just("\"2026-11-23 09:15:03\""))).map(v -> "\"" + n + "\":" + v).injectNull(0.2));
        }
        return Combinators.combine(parts).as(l -> "{" + String.join(",", l.stream().filter(java.util.Objects::nonNull).toList()) + "}");
    }

    @Provide
    Arbitrary<Answer> quoteAnswers() {
        Arbitrary<String> quote = Combinators.combine(fields("instrument_token", "last_price", "last_quantity", "volume",
                "average_price", "buy_quantity", "sell_quantity", "timestamp", "last_trade_time"), fields("open", "high", "low", "close"))
                .as((q, ohlc) -> q.substring(0, q.length() - 1) + (q.length() > 2 ? "," : "") + "\"ohlc\":" + ohlc + "}");
        Arbitrary<String> data = Combinators.combine(quote, quote).as((a, b) -> "{\"NSE:INFY\":" + a + ",\"NSE:TCS\":" + b + "}");
        return answers(Arbitraries.oneOf(data, TickerWireFuzzTest.jsonValue(2)));
    }

    @Provide
    Arbitrary<Answer> historicalAnswers() {
        Arbitrary<String> time = Arbitraries.of("\"2026-11-23T09:15:00+0530\"", "\"2026-11-23T09:20:00+05:30\"", "\"2026-11-23 09:25:00\"",
                "\"garbage\"", "1763869500", "null", "\"2026-11-23T09:30:00+0530\"");
        Arbitrary<String> candle = Combinators.combine(time, number(), number(), number(), number(), number())
                .as((t, o, h, l, c, v) -> "[" + t + "," + o + "," + h + "," + l + "," + c + "," + v + "]");
        Arbitrary<String> sane = Combinators.combine(Arbitraries.longs().between(100, 500_000), Arbitraries.longs().between(0, 500),
                Arbitraries.longs().between(0, 500), Arbitraries.longs().between(0, 1_000_000)).as((low, up, span, v) -> {
                    long high = low + span;
                    long open = low + Math.min(span, up);
                    return "[\"2026-11-23T09:15:00+0530\"," + open / 100.0 + "," + high / 100.0 + "," + low / 100.0 + "," + high / 100.0
                            + "," + v + "]";
                });
        Arbitrary<String> candles = Arbitraries.frequencyOf(Tuple.of(3, candle), Tuple.of(2, sane), Tuple.of(1, TickerWireFuzzTest.jsonValue(1)))
                .list().ofMaxSize(5).map(l -> "{\"candles\":[" + String.join(",", l) + "]}");
        return answers(Arbitraries.oneOf(candles, TickerWireFuzzTest.jsonValue(2)));
    }

    @Provide
    Arbitrary<Answer> orderAnswers() {
        Arbitrary<String> order = fields("order_id", "status", "instrument_token", "quantity", "filled_quantity", "pending_quantity",
                "cancelled_quantity", "price", "trigger_price", "average_price", "tag", "order_timestamp");
        return answers(Arbitraries.oneOf(order.list().ofMaxSize(4).map(l -> "[" + String.join(",", l) + "]"),
                TickerWireFuzzTest.jsonValue(2)));
    }

    @Provide
    Arbitrary<Answer> anyAnswers() {
        return answers(Arbitraries.oneOf(fields("user_id", "user_name", "email", "broker", "order_id"), TickerWireFuzzTest.jsonValue(3)));
    }
}
