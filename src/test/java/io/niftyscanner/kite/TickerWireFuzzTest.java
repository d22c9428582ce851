package io.niftyscanner.kite;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.niftyscanner.market.Tick;
import io.niftyscanner.tools.ReliabilityFigures;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.java_websocket.WebSocket;

/**
 * The ticker client on a real socket, fed random and mutated text messages (order updates, errors, broker messages,
 * anything else) and random binary frames. After each one the server sends a marker tick; its arrival proves the message
 * was handled and the connection lives on. Each text message has the outcome kite-protocol.md 1.5 gives it, judged here
 * with a plain Jackson parser: an order update carries the order's id and sane numbers (or is refused with the reason),
 * an error and a broker message are passed on with their text, anything that is not JSON is said to be so, and nothing
 * else happens. The ticker never reconnects, never stops, and never delivers a tick from a frame it refused.
 */
class TickerWireFuzzTest {
    private static final ObjectMapper PLAIN = new ObjectMapper();
    private static final long MARKER_TOKEN = 408065;
    private static final AtomicLong TEXTS = new AtomicLong();
    private static final AtomicLong FRAMES = new AtomicLong();
    private static final AtomicLong REFUSED = new AtomicLong();
    private static TestTickerServer server;
    private static KiteTicker ticker;
    private static WebSocket connection;
    private static final Events EVENTS = new Events();
    private static final AtomicInteger MARKER = new AtomicInteger(1);

    /** What the ticker told its listener, in order. */
    static final class Events implements KiteTickerListener {
        final BlockingQueue<Object> seen = new LinkedBlockingQueue<>();
        final AtomicInteger connects = new AtomicInteger();
        final AtomicInteger badFrames = new AtomicInteger();

        @Override
        public void onTick(Tick tick) {
            seen.add(tick);
        }

        @Override
        public void onConnected() {
            connects.incrementAndGet();
        }

        @Override
        public void onDisconnected(String reason) {
            seen.add("disconnected: " + reason);
        }

        @Override
        public void onOrderUpdate(Order order) {
            seen.add(order);
        }

        @Override
        public void onError(String message) {
            seen.add("error: " + message);
        }

        @Override
        public void onMessage(String message) {
            seen.add("message: " + message);
        }

        @Override
        public void onBadFrame(String reason) {
            badFrames.incrementAndGet();
            seen.add("bad frame: " + reason);
        }
    }

    @BeforeContainer
    static void connect() throws Exception {
        server = TestTickerServer.startServer();
        ticker = new KiteTicker(KiteTicker.Options.defaults(server.url(), new KiteSession("fuzz", "tok123456789"))
                .withWatchdogMillis(120_000).withBackoff(50, 200, 0), EVENTS, KiteTime.system());
        ticker.subscribe(List.of(MARKER_TOKEN), KiteTicker.Mode.FULL);
        ticker.connect();
        connection = server.awaitConnection();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (EVENTS.connects.get() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(EVENTS.connects.get()).as("connected").isEqualTo(1);
    }

    @AfterContainer
    static void close() {
        ReliabilityFigures.record("fuzz: ticker text messages and frames on a real socket", Map.of("text_messages", TEXTS.get(),
                "binary_frames", FRAMES.get(), "frames_refused", REFUSED.get(), "reconnects", ticker.stats().reconnects()));
        ticker.close();
        server.stopQuietly();
    }

    /** Everything the ticker reported for the last message, up to (not including) the marker tick that follows it. */
    private static List<Object> sendThenMarker(Runnable send) throws InterruptedException {
        int marker = MARKER.getAndIncrement();
        send.run();
        connection.send(Frames.frame(Frames.ltp((int) MARKER_TOKEN, marker)));
        List<Object> out = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            Object e = EVENTS.seen.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            assertThat(e).as("the marker tick %d arrives: the ticker handled the message and lives on", marker).isNotNull();
            if (e instanceof Tick t && t.token() == MARKER_TOKEN && t.lastPrice() == marker) {
                break;
            }
            out.add(e);
        }
        assertThat(ticker.state()).isEqualTo(KiteTicker.State.CONNECTED);
        assertThat(EVENTS.connects.get()).as("never reconnected").isEqualTo(1);
        return out;
    }

    @Property(tries = 1500)
    void textMessagesHaveTheirDocumentedOutcome(@ForAll("texts") String text) throws Exception {
        TEXTS.incrementAndGet();
        List<Object> events = sendThenMarker(() -> connection.send(text));
        assertThat(events).as("one outcome at most for %s", text).hasSizeLessThanOrEqualTo(1);
        if (events.size() == 1 && events.get(0).toString().startsWith("error: Kite sent a text message that cannot be used")) {
            assertThat(events.get(0).toString()).as("refused by the bounded parser: %s", text).contains("number out of range");
            return;
        }
        JsonNode root;
        try {
            root = PLAIN.readTree(text);
        } catch (Exception notJson) {
            assertThat(events).as("not JSON: %s", text).singleElement().asString().startsWith("error: ").contains("not JSON");
            return;
        }
        String type = root == null || root.get("type") == null || root.get("type").isNull() ? "" : root.get("type").asText();
        JsonNode data = root == null ? null : root.path("data");
        switch (type) {
            case "order":
                if (data == null || !data.isObject() || data.size() == 0) {
                    assertThat(events).as("an empty order update: %s", text).isEmpty();
                } else if (events.size() == 1 && events.get(0) instanceof Order o) {
                    assertSane(o, data, text);
                } else {
                    assertThat(events).as("an order update is delivered or refused with the reason: %s", text).singleElement()
                            .asString().startsWith("error: ").contains("order update");
                }
                break;
            case "error":
            case "message":
                assertThat(events).as("%s: %s", type, text).singleElement().asString().startsWith(type + ": ");
                break;
            default:
                if (events.size() == 1) {
                    // JSON that the bounded parser refuses (a number with a huge exponent): said, not passed on
                    assertThat(events.get(0)).asString().startsWith("error: ");
                }
        }
    }

    /** The delivered order holds the values that were sent, and none is out of range for money or quantities. */
    private static void assertSane(Order o, JsonNode data, String text) {
        JsonNode id = data.get("order_id");
        if (id == null || id.isNull() || id.isTextual()) {
            assertThat(o.orderId()).as(text).isEqualTo(id == null || id.isNull() ? "" : id.asText());
        }
        for (long q : new long[] {o.quantity(), o.filledQuantity(), o.pendingQuantity(), o.cancelledQuantity()}) {
            assertThat(q).as("a quantity in %s", text).isGreaterThanOrEqualTo(0);
        }
        assertThat(o.quantity()).as(text).isEqualTo(expectedCount(data.get("quantity")));
        assertThat(o.filledQuantity()).as(text).isEqualTo(expectedCount(data.get("filled_quantity")));
        for (BigDecimal p : new BigDecimal[] {o.price(), o.triggerPrice(), o.averagePrice()}) {
            if (p != null) {
                assertThat(p.signum()).as("a price in %s", text).isGreaterThanOrEqualTo(0);
                assertThat(p.precision() - p.scale()).as("a price in %s", text).isLessThanOrEqualTo(15);
            }
        }
    }

    /** A count as kite-protocol.md 2.7 has it: a whole number of shares, 0 or more (text of digits accepted); else refused. */
    private static long expectedCount(JsonNode n) {
        if (n == null || n.isNull()) {
            return 0;
        }
        BigDecimal v;
        if (n.isNumber()) {
            v = n.decimalValue();
        } else if (n.isTextual() && n.asText().trim().matches("[0-9]{1,18}")) {
            v = new BigDecimal(n.asText().trim());
        } else {
            throw new AssertionError("an order update with quantity " + n + " should have been refused");
        }
        if (v.signum() < 0 || v.stripTrailingZeros().scale() > 0 || v.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
            throw new AssertionError("an order update with quantity " + n + " should have been refused");
        }
        return v.longValueExact();
    }

    @Property(tries = 800)
    void binaryFramesNeverStopTheTicker(@ForAll("frames") byte[] frame) throws Exception {
        FRAMES.incrementAndGet();
        int badBefore = EVENTS.badFrames.get();
        boolean wellFormed = TickFrameFuzzTest.wellFormed(frame);
        List<Object> events = sendThenMarker(() -> connection.send(frame));
        if (frame.length < 2) {
            assertThat(events).as("a heartbeat").isEmpty();
        } else if (wellFormed) {
            assertThat(events).as("every packet of a well-formed frame").hasSize(u16(frame)).allMatch(e -> e instanceof Tick);
        } else {
            REFUSED.incrementAndGet();
            assertThat(events).as("a refused frame delivers nothing and says why").singleElement().asString()
                    .startsWith("bad frame: ");
            assertThat(EVENTS.badFrames.get()).isEqualTo(badBefore + 1);
        }
    }

    private static int u16(byte[] f) {
        return ((f[0] & 0xFF) << 8) | (f[1] & 0xFF);
    }

    @Provide
    Arbitrary<byte[]> frames() {
        Arbitrary<byte[]> valid = new TickFrameFuzzTest().frames();
        Arbitrary<byte[]> mutated = Combinators.combine(valid, new TickFrameFuzzTest().mutations()).as((f, ms) -> {
            byte[] g = f;
            for (TickFrameFuzzTest.Mutation m : ms) {
                g = m.apply(g);
            }
            return g;
        });
        Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(400);
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(2, valid), net.jqwik.api.Tuple.of(5, mutated),
                net.jqwik.api.Tuple.of(3, random));
    }

    // ------------------------------------------------------------------------------------------------ text messages

    private static final String[] ORDER_FIELDS = {"order_id", "exchange_order_id", "status", "status_message", "variety",
        "exchange", "tradingsymbol", "instrument_token", "transaction_type", "order_type", "product", "validity", "quantity",
        "filled_quantity", "pending_quantity", "cancelled_quantity", "price", "trigger_price", "average_price", "tag",
        "order_timestamp", "exchange_timestamp"};
    private static final String VALID_ORDER = "{\"type\":\"order\",\"data\":{\"order_id\":\"151220000000000\","
            + "\"status\":\"COMPLETE\",\"tradingsymbol\":\"INFY\",\"instrument_token\":408065,\"transaction_type\":\"BUY\","
            + "\"quantity\":5,\"filled_quantity\":5,\"pending_quantity\":0,\"cancelled_quantity\":0,\"price\":0,"
            + "\"average_price\":1573.7,\"tag\":\"sig1\",\"order_timestamp\":\"2021-07-05 10:41:27\"}}";

    @Provide
    Arbitrary<String> texts() {
        Arbitrary<String> anyText = Arbitraries.strings().ofMaxLength(200);
        Arbitrary<String> value = jsonValue(3);
        Arbitrary<String> order = Arbitraries.subsetOf(ORDER_FIELDS).flatMap(fields -> {
            List<Arbitrary<String>> parts = new ArrayList<>();
            for (String f : fields) {
                parts.add(Arbitraries.oneOf(value, scalar()).map(v -> "\"" + f + "\":" + v));
            }
            return parts.isEmpty() ? Arbitraries.just("{}") : Combinators.combine(parts).as(l -> "{" + String.join(",", l) + "}");
        });
        Arbitrary<String> typed = Combinators.combine(Arbitraries.of("order", "error", "message", "ORDER", "", "tick", "postback"),
                Arbitraries.oneOf(order, value)).as((t, d) -> "{\"type\":\"" + t + "\",\"data\":" + d + "}");
        Arbitrary<String> mutated = Combinators.combine(Arbitraries.integers().between(0, VALID_ORDER.length() - 1),
                Arbitraries.chars().ascii(), Arbitraries.of(0, 1, 2)).as((at, c, how) -> how == 0
                ? VALID_ORDER.substring(0, at) + VALID_ORDER.substring(at + 1)
                : how == 1 ? VALID_ORDER.substring(0, at) + c + VALID_ORDER.substring(at)
                : VALID_ORDER.substring(0, at) + c + VALID_ORDER.substring(at + 1));
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(2, anyText), net.jqwik.api.Tuple.of(6, typed),
                net.jqwik.api.Tuple.of(3, mutated), net.jqwik.api.Tuple.of(1, value));
    }

    static Arbitrary<String> scalar() {
        return Arbitraries.oneOf(
                Arbitraries.longs().map(String::valueOf),
                Arbitraries.of("0", "-1", "1.5", "-0.05", "1e3", "1E-7", "1e999999999", "-1e400", "123456789012345678901234567890",
                        "9223372036854775808", "1573.70", "0.0000000000000000000000000000000000000000000001", "true", "null",
                        "\"2021-07-05 10:41:27\"", "\"not a date\"", "\"12\"", "\" 7 \"", "\"-3\"", "\"\"", "\"COMPLETE\""),
                Arbitraries.strings().ofMaxLength(20).map(s -> PLAIN.valueToTree(s).toString()),
                Arbitraries.doubles().map(d -> Double.isFinite(d) ? String.valueOf(d) : "0"));
    }

    static Arbitrary<String> jsonValue(int depth) {
        if (depth == 0) {
            return scalar();
        }
        Arbitrary<String> inner = Arbitraries.lazy(() -> jsonValue(depth - 1));
        Arbitrary<String> array = inner.list().ofMaxSize(3).map(l -> "[" + String.join(",", l) + "]");
        Arbitrary<String> object = Combinators.combine(Arbitraries.strings().alpha().ofMaxLength(8), inner).as((k, v) -> "\"" + k + "\":" + v)
                .list().ofMaxSize(3).map(l -> "{" + String.join(",", l) + "}");
        return Arbitraries.oneOf(scalar(), array, object);
    }

}
