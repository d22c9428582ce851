package io.niftyscanner.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The sandbox as an order venue, as the order executor uses it (kite-protocol.md 2.7, 2.8): modify, cancel, SL and
 * SL-M triggers, positions with realised P&L, the risk system's MIS square-off, order updates as text messages, and
 * the fault that drops the answer to an accepted order.
 */
class OrderVenueTest {
    private Fixture f;
    private Rest rest;

    @BeforeEach
    void start() throws Exception {
        f = new Fixture(42, LocalTime.of(10, 30));
        rest = f.rest();
    }

    @AfterEach
    void stop() {
        f.close();
    }

    private Rest.Response call(java.util.function.Supplier<Rest.Response> r) {
        f.wall.advance(Duration.ofMillis(1100)); // keep inside the sandbox's rate limits on its hand-moved wall clock
        return r.get();
    }

    private String place(String form) {
        Rest.Response r = call(() -> rest.postForm("/orders/regular", form));
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        return r.json().path("data").path("order_id").asText();
    }

    private JsonNode order(String id) {
        List<JsonNode> h = history(id);
        return h.get(h.size() - 1);
    }

    private List<JsonNode> history(String id) {
        List<JsonNode> out = new ArrayList<>();
        call(() -> rest.get("/orders/" + id)).json().path("data").forEach(out::add);
        return out;
    }

    private double ltp(String symbol) {
        return call(() -> rest.get("/quote/ltp?i=NSE:" + symbol)).json().path("data").path("NSE:" + symbol).path("last_price").asDouble();
    }

    private static String price(double rupees) {
        return String.format(Locale.ROOT, "%.2f", Math.round(rupees * 20) / 20.0);
    }

    /** Moves market time minute by minute (pumping ticks) until the condition holds, at most until the close. */
    private void runUntil(java.util.function.BooleanSupplier condition) {
        for (int i = 0; i < 300 && !condition.getAsBoolean(); i++) {
            f.market.advance(Duration.ofMinutes(1));
            f.exchange.pump();
        }
        assertThat(condition.getAsBoolean()).as("condition reached before the close").isTrue();
    }

    @Test
    void aRestingLimitIsModifiedAndFillsWhenItBecomesMarketable() throws Exception {
        WsTestClient ws = f.ws();
        double ltp = ltp("INFY");
        String id = place("tradingsymbol=INFY&exchange=NSE&transaction_type=BUY&order_type=LIMIT&quantity=2&product=MIS"
                + "&price=" + price(ltp * 0.9) + "&tag=mod1");
        assertThat(order(id).path("status").asText()).isEqualTo("OPEN");

        Rest.Response lower = call(() -> rest.putForm("/orders/regular/" + id, "quantity=4&price=" + price(ltp * 0.8)));
        assertThat(lower.status()).as(lower.text()).isEqualTo(200);
        assertThat(lower.json().path("data").path("order_id").asText()).isEqualTo(id);
        JsonNode resting = order(id);
        assertThat(resting.path("status").asText()).isEqualTo("OPEN");
        assertThat(resting.path("modified").asBoolean()).isTrue();
        assertThat(resting.path("quantity").asLong()).isEqualTo(4);
        assertThat(resting.path("price").asDouble()).isEqualTo(Double.parseDouble(price(ltp * 0.8)));
        assertThat(history(id)).extracting(n -> n.path("status").asText()).containsSubsequence("OPEN",
                "MODIFY VALIDATION PENDING", "MODIFY PENDING", "MODIFIED", "OPEN");

        call(() -> rest.putForm("/orders/regular/" + id, "price=" + price(ltp * 1.1)));
        JsonNode done = order(id);
        assertThat(done.path("status").asText()).isEqualTo("COMPLETE");
        assertThat(done.path("filled_quantity").asLong()).isEqualTo(4);
        assertThat(done.path("average_price").asDouble()).isLessThanOrEqualTo(Double.parseDouble(price(ltp * 1.1)));
        assertThat(done.path("tag").asText()).isEqualTo("mod1");

        WsTestClient.await(() -> ws.texts.stream().anyMatch(t -> t.contains("\"COMPLETE\"") && t.contains("mod1")),
                Duration.ofSeconds(5), "the COMPLETE order update");
        JsonNode update = Rest.JSON.readTree(ws.texts.stream().filter(t -> t.contains("\"COMPLETE\"")).findFirst().orElseThrow());
        assertThat(update.path("type").asText()).isEqualTo("order");
        assertThat(update.path("data").path("order_id").asText()).isEqualTo(id);
        assertThat(update.path("data").path("unfilled_quantity").asLong()).isZero();
        assertThat(ws.texts).anyMatch(t -> t.contains("\"modified\":true"));
        ws.close();

        Rest.Response again = call(() -> rest.putForm("/orders/regular/" + id, "price=1.00"));
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.json().path("message").asText()).contains("already COMPLETE");
        Rest.Response unknown = call(() -> rest.putForm("/orders/regular/999", "price=1.00"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().path("error_type").asText()).isEqualTo("OrderException");
    }

    @Test
    void aStopLossMarketSellWaitsForItsTriggerThenFillsAtTheMarket() {
        double ltp = ltp("SBIN");
        double trigger = Double.parseDouble(price(ltp * 0.999));
        String id = place("tradingsymbol=SBIN&exchange=NSE&transaction_type=SELL&order_type=SL-M&quantity=1&product=MIS"
                + "&trigger_price=" + price(trigger) + "&market_protection=-1&tag=stop1");
        assertThat(order(id).path("status").asText()).isEqualTo("TRIGGER PENDING");
        assertThat(order(id).path("market_protection").asInt()).isEqualTo(-1);
        runUntil(() -> order(id).path("status").asText().equals("COMPLETE"));
        JsonNode done = order(id);
        // triggered by the first tick at or below the trigger, filled a little below that tick (slippage)
        assertThat(done.path("average_price").asDouble()).isLessThanOrEqualTo(trigger);
        assertThat(history(id)).extracting(n -> n.path("status").asText()).containsSubsequence("TRIGGER PENDING", "OPEN",
                "COMPLETE");
    }

    @Test
    void aStopLossWithALimitAndAPendingStopCanBeCancelledOrConvertedToMarket() {
        double ltp = ltp("TCS");
        String sl = place("tradingsymbol=TCS&exchange=NSE&transaction_type=BUY&order_type=SL&quantity=1&product=MIS"
                + "&trigger_price=" + price(ltp * 1.2) + "&price=" + price(ltp * 1.21));
        assertThat(order(sl).path("status").asText()).isEqualTo("TRIGGER PENDING");
        Rest.Response cancelled = call(() -> rest.delete("/orders/regular/" + sl));
        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(order(sl).path("status").asText()).isEqualTo("CANCELLED");
        assertThat(order(sl).path("cancelled_quantity").asLong()).isEqualTo(1);

        // an SL already past its trigger at placement fills at once, at the market, not at its limit
        String through = place("tradingsymbol=TCS&exchange=NSE&transaction_type=BUY&order_type=SL&quantity=1&product=MIS"
                + "&trigger_price=" + price(ltp * 0.95) + "&price=" + price(ltp * 1.05));
        assertThat(order(through).path("status").asText()).isEqualTo("COMPLETE");
        assertThat(order(through).path("average_price").asDouble()).isCloseTo(ltp, org.assertj.core.data.Offset.offset(ltp * 0.002));

        // the exit a trader makes when the target is hit: the resting stop becomes a MARKET order
        String stop = place("tradingsymbol=TCS&exchange=NSE&transaction_type=SELL&order_type=SL-M&quantity=1&product=MIS"
                + "&trigger_price=" + price(ltp * 0.8));
        call(() -> rest.putForm("/orders/regular/" + stop, "order_type=MARKET"));
        JsonNode exit = order(stop);
        assertThat(exit.path("status").asText()).isEqualTo("COMPLETE");
        assertThat(exit.path("order_type").asText()).isEqualTo("MARKET");
    }

    @Test
    void positionsCarryRealisedAndUnrealisedPnl() {
        place("tradingsymbol=INFY&exchange=NSE&transaction_type=BUY&order_type=MARKET&quantity=10&product=MIS");
        place("tradingsymbol=INFY&exchange=NSE&transaction_type=SELL&order_type=MARKET&quantity=4&product=MIS");
        JsonNode trades = call(() -> rest.get("/trades")).json().path("data");
        double buy = trades.get(0).path("average_price").asDouble();
        double sell = trades.get(1).path("average_price").asDouble();
        JsonNode p = call(() -> rest.get("/portfolio/positions")).json().path("data").path("net").get(0);
        double last = p.path("last_price").asDouble();
        assertThat(p.path("quantity").asLong()).isEqualTo(6);
        assertThat(p.path("realised").asDouble()).isCloseTo(4 * (sell - buy), org.assertj.core.data.Offset.offset(0.001));
        assertThat(p.path("unrealised").asDouble()).isCloseTo(6 * (last - buy), org.assertj.core.data.Offset.offset(0.011));
        assertThat(p.path("pnl").asDouble()).isCloseTo(4 * sell - 10 * buy + 6 * last, org.assertj.core.data.Offset.offset(0.001));
    }

    @Test
    void theRiskSystemSquaresOffMisAt1525AndCancelsPendingMisOrders() {
        place("tradingsymbol=RELIANCE&exchange=NSE&transaction_type=SELL&order_type=MARKET&quantity=3&product=MIS");
        place("tradingsymbol=INFY&exchange=NSE&transaction_type=BUY&order_type=MARKET&quantity=2&product=CNC");
        String pending = place("tradingsymbol=RELIANCE&exchange=NSE&transaction_type=BUY&order_type=SL-M&quantity=3"
                + "&product=MIS&trigger_price=" + price(ltp("RELIANCE") * 1.3));
        f.market.set(Fixture.MONDAY.atTime(15, 24, 59).atZone(io.niftyscanner.market.SessionCalendar.IST).toInstant());
        f.exchange.pump();
        assertThat(order(pending).path("status").asText()).isEqualTo("TRIGGER PENDING");
        f.market.advance(Duration.ofSeconds(2));
        f.exchange.pump();
        f.exchange.pump();
        JsonNode cancelled = order(pending);
        assertThat(cancelled.path("status").asText()).isEqualTo("CANCELLED");
        assertThat(cancelled.path("status_message").asText()).contains("RMS");
        JsonNode orders = call(() -> rest.get("/orders")).json().path("data");
        List<JsonNode> rms = new ArrayList<>();
        orders.forEach(o -> {
            if (o.path("placed_by").asText().equals("ADMINSQF")) {
                rms.add(o);
            }
        });
        assertThat(rms).hasSize(1).allSatisfy(o -> {
            assertThat(o.path("tradingsymbol").asText()).isEqualTo("RELIANCE");
            assertThat(o.path("transaction_type").asText()).isEqualTo("BUY");
            assertThat(o.path("quantity").asLong()).isEqualTo(3);
            assertThat(o.path("status").asText()).isEqualTo("COMPLETE");
        });
        JsonNode net = call(() -> rest.get("/portfolio/positions")).json().path("data").path("net");
        List<String> open = new ArrayList<>();
        net.forEach(p -> {
            if (p.path("quantity").asLong() != 0) {
                open.add(p.path("tradingsymbol").asText() + "/" + p.path("product").asText());
            }
        });
        assertThat(open).containsExactly("INFY/CNC");
    }

    @Test
    void droppedAnswerLeavesTheOrderInTheBookWithItsTag() {
        List<String> heard = new CopyOnWriteArrayList<>();
        f.exchange.addOrderListener((id, tag) -> heard.add(id + "/" + tag));
        f.exchange.fault(FaultKind.DROP_ORDER_RESPONSE, Duration.ofSeconds(30));
        assertThatThrownBy(() -> call(() -> rest.postForm("/orders/regular", "tradingsymbol=INFY&exchange=NSE"
                + "&transaction_type=BUY&order_type=MARKET&quantity=1&product=MIS&tag=lost1")))
                .isInstanceOf(UncheckedIOException.class);
        f.exchange.clearFaults();
        JsonNode orders = call(() -> rest.get("/orders")).json().path("data");
        assertThat(orders).hasSize(1);
        assertThat(orders.get(0).path("tag").asText()).isEqualTo("lost1");
        assertThat(orders.get(0).path("status").asText()).isEqualTo("COMPLETE");
        assertThat(heard).containsExactly(orders.get(0).path("order_id").asText() + "/lost1");
        assertThat(((Number) f.exchange.statsJson().get("order_responses_dropped")).longValue()).isEqualTo(1);
    }
}
