package io.niftyscanner.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every REST route with good and bad input, over real HTTP. The wall clock moves 1 s before each call (rate limits). */
class RestRoutesTest {
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

    private Rest.Response get(String path) {
        f.wall.advance(Duration.ofMillis(1100));
        return rest.get(path);
    }

    private Rest.Response post(String path, String form) {
        f.wall.advance(Duration.ofMillis(1100));
        return rest.postForm(path, form);
    }

    private static void assertError(Rest.Response r, int status, String type, String messagePart) {
        assertThat(r.status()).as(r.text()).isEqualTo(status);
        assertThat(r.contentType()).isEqualTo("application/json");
        JsonNode j = r.json();
        assertThat(j.path("status").asText()).isEqualTo("error");
        assertThat(j.path("error_type").asText()).isEqualTo(type);
        assertThat(j.path("message").asText()).contains(messagePart);
    }

    @Test
    void dataRoutesNeedAValidAuthorizationHeader() {
        assertError(new Rest(f.exchange.restUrl(), null, null).get("/quote?i=NSE:INFY"), 403, "TokenException", "Authorization");
        assertError(rest.withToken("sandbox", "nope").get("/orders"), 403, "TokenException", "access_token");
        assertError(rest.withToken("other", "sandbox").get("/orders"), 403, "TokenException", "api_key");
        assertThat(get("/user/profile").json().path("data").path("user_id").asText()).isEqualTo("SB0001");
    }

    @Test
    void unknownRoutesAndVersionsAreRefusedClearly() throws Exception {
        assertError(get("/nothing/here"), 404, "GeneralException", "Route not found");
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        java.net.http.HttpRequest.Builder b = java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(f.exchange.restUrl() + "/user/profile")).header("Authorization", "token sandbox:sandbox");
        f.wall.advance(Duration.ofSeconds(1));
        java.net.http.HttpResponse<String> noVersion = http.send(b.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(noVersion.statusCode()).as("X-Kite-Version is optional").isEqualTo(200);
        f.wall.advance(Duration.ofSeconds(1));
        java.net.http.HttpResponse<String> v2 = http.send(b.header("X-Kite-Version", "2").build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(v2.statusCode()).isEqualTo(400);
        assertThat(v2.body()).contains("X-Kite-Version: 3");
    }

    @Test
    void instrumentsAreAGzippedKiteCsvDump() {
        Rest.Response r = get("/instruments");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.contentType()).isEqualTo("text/csv");
        assertThat(r.contentEncoding()).isEqualTo("gzip");
        String[] lines = r.gunzipped().split("\n");
        assertThat(lines[0]).isEqualTo("instrument_token,exchange_token,tradingsymbol,name,last_price,expiry,strike,"
                + "tick_size,lot_size,instrument_type,segment,exchange");
        assertThat(lines.length).isGreaterThan(3000);
        assertThat(lines).contains("738561,2885,RELIANCE,\"RELIANCE INDUSTRIES\",0,,0,0.05,1,EQ,NSE,NSE");
        assertThat(lines).contains("256265,1001,NIFTY 50,\"NIFTY 50\",0,,0,0,0,EQ,INDICES,NSE");
        assertThat(List.of(lines)).anyMatch(l -> l.endsWith(",FUT,NFO-FUT,NFO") && l.contains(",NIFTY") && l.contains("FUT,"));
        assertThat(List.of(lines)).anyMatch(l -> l.endsWith(",CE,NFO-OPT,NFO"));
        assertThat(List.of(lines)).anyMatch(l -> l.endsWith(",EQ,BSE,BSE"));
        for (String l : lines) {
            assertThat(l.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)", -1)).as(l).hasSize(12);
        }

        String[] nfo = get("/instruments/NFO").gunzipped().split("\n");
        assertThat(nfo.length).isGreaterThan(1000);
        assertThat(List.of(nfo).subList(1, nfo.length)).allMatch(l -> l.endsWith(",NFO"));
        assertThat(get("/instruments/MCX").gunzipped().split("\n")).hasSize(1);
        assertError(get("/instruments/XYZ"), 400, "InputException", "Unknown exchange");
    }

    @Test
    void quoteShapesByRoute() {
        Rest.Response r = get("/quote?i=NSE:INFY&i=738561&i=NSE:NIFTY%2050&i=NSE:NOSUCH");
        assertThat(r.status()).isEqualTo(200);
        JsonNode d = r.json().path("data");
        assertThat(d.has("NSE:NOSUCH")).isFalse();
        JsonNode infy = d.path("NSE:INFY");
        assertThat(infy.path("instrument_token").asLong()).isEqualTo(408065);
        assertThat(infy.path("timestamp").asText()).isEqualTo("2026-11-23 10:30:00");
        assertThat(infy.path("last_trade_time").asText()).matches("2026-11-23 10:(29:5\\d|30:00)");
        assertThat(infy.path("last_price").asDouble()).isBetween(1200.0, 1900.0);
        assertThat(infy.path("volume").asLong()).isPositive();
        assertThat(infy.path("depth").path("buy")).hasSize(5);
        assertThat(infy.path("depth").path("sell").get(0).path("price").asDouble())
                .isGreaterThan(infy.path("depth").path("buy").get(0).path("price").asDouble());
        assertThat(infy.path("ohlc").path("high").asDouble()).isGreaterThanOrEqualTo(infy.path("ohlc").path("low").asDouble());
        for (String field : List.of("last_quantity", "buy_quantity", "sell_quantity", "average_price", "oi", "oi_day_high",
                "oi_day_low", "net_change", "lower_circuit_limit", "upper_circuit_limit")) {
            assertThat(infy.has(field)).as(field).isTrue();
        }
        assertThat(d.path("738561").path("instrument_token").asLong()).isEqualTo(738561);
        assertThat(d.path("NSE:NIFTY 50").path("last_price").asDouble()).isBetween(20_000.0, 32_000.0);

        JsonNode ohlc = get("/quote/ohlc?i=NSE:INFY").json().path("data").path("NSE:INFY");
        assertThat(ohlc.has("ohlc")).isTrue();
        assertThat(ohlc.has("depth")).isFalse();
        JsonNode ltp = get("/quote/ltp?i=NSE:INFY").json().path("data").path("NSE:INFY");
        assertThat(ltp.size()).isEqualTo(2);
        assertThat(ltp.path("last_price").asDouble()).isEqualTo(infy.path("last_price").asDouble());
    }

    @Test
    void quoteLimitsAndMissingInstruments() {
        assertError(get("/quote"), 400, "InputException", "i=EXCHANGE:TRADINGSYMBOL");
        assertError(get("/quote?" + many(501)), 400, "InputException", "at most 500");
        assertThat(get("/quote?" + many(500)).status()).isEqualTo(200);
        assertThat(get("/quote/ltp?" + many(1000)).status()).isEqualTo(200);
        assertError(get("/quote/ltp?" + many(1001)), 400, "InputException", "at most 1000");
        assertError(get("/quote/ohlc?" + many(1001)), 400, "InputException", "at most 1000");
    }

    private static String many(int n) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            parts.add("i=NSE:SYM" + i);
        }
        return String.join("&", parts);
    }

    @Test
    void historicalRejectsBadInput() {
        assertError(get("/instruments/historical/abc/5minute?from=2026-11-23+09:15:00&to=2026-11-23+10:00:00"), 400,
                "InputException", "token");
        assertError(get("/instruments/historical/999/5minute?from=2026-11-23+09:15:00&to=2026-11-23+10:00:00"), 400,
                "InputException", "No historical data");
        assertError(get("/instruments/historical/738561/7minute?from=2026-11-23+09:15:00&to=2026-11-23+10:00:00"), 400,
                "InputException", "5minute");
        assertError(get("/instruments/historical/738561/5minute?to=2026-11-23+10:00:00"), 400, "InputException", "`from`");
        assertError(get("/instruments/historical/738561/5minute?from=yesterday&to=2026-11-23+10:00:00"), 400,
                "InputException", "yyyy-mm-dd");
        assertError(get("/instruments/historical/738561/5minute?from=2026-11-23+10:00:00&to=2026-11-23+09:00:00"), 400,
                "InputException", "after");
        JsonNode today = get("/instruments/historical/738561/minute?from=2026-11-23+09:15:00&to=2026-11-23+15:30:00").json();
        assertThat(today.path("data").path("candles")).as("minutes up to the market time 10:30, the running one included")
                .hasSize(76);
        JsonNode oi = get("/instruments/historical/738561/15minute?from=2026-11-23+09:15:00&to=2026-11-23+09:15:00&oi=1").json();
        assertThat(oi.path("data").path("candles").get(0)).hasSize(7);
    }

    @Test
    void marketOrderFillsAndKeepsItsHistoryAndTag() {
        Rest.Response placed = post("/orders/regular", "tradingsymbol=INFY&exchange=NSE&transaction_type=BUY&order_type=MARKET"
                + "&quantity=3&product=MIS&validity=DAY&tag=scan123");
        assertThat(placed.status()).as(placed.text()).isEqualTo(200);
        String id = placed.json().path("data").path("order_id").asText();
        assertThat(id).matches("261123\\d{9}");

        JsonNode history = get("/orders/" + id).json().path("data");
        List<String> states = new ArrayList<>();
        history.forEach(h -> states.add(h.path("status").asText()));
        assertThat(states).containsExactly("PUT ORDER REQ RECEIVED", "VALIDATION PENDING", "OPEN PENDING", "OPEN", "COMPLETE");
        JsonNode done = history.get(4);
        assertThat(done.path("tag").asText()).isEqualTo("scan123");
        assertThat(done.path("filled_quantity").asLong()).isEqualTo(3);
        assertThat(done.path("order_timestamp").asText()).isEqualTo("2026-11-23 10:30:00");

        double ltp = get("/quote/ltp?i=NSE:INFY").json().path("data").path("NSE:INFY").path("last_price").asDouble();
        double fill = done.path("average_price").asDouble();
        assertThat(fill).isGreaterThan(ltp).isLessThan(ltp * 1.001);
        assertThat(Math.round(fill * 100) % 5).isZero();

        JsonNode orders = get("/orders").json().path("data");
        assertThat(orders).hasSize(1);
        assertThat(orders.get(0).path("status").asText()).isEqualTo("COMPLETE");
        JsonNode trades = get("/trades").json().path("data");
        assertThat(trades).hasSize(1);
        assertThat(trades.get(0).path("order_id").asText()).isEqualTo(id);
        assertThat(get("/orders/" + id + "/trades").json().path("data")).hasSize(1);
        JsonNode net = get("/portfolio/positions").json().path("data").path("net");
        assertThat(net).hasSize(1);
        assertThat(net.get(0).path("quantity").asLong()).isEqualTo(3);
        assertThat(net.get(0).path("buy_price").asDouble()).isEqualTo(fill);
        assertThat(net.get(0).path("pnl").asDouble()).isEqualTo(Math.round((ltp - fill) * 3 * 100) / 100.0);
        assertError(get("/orders/123"), 400, "OrderException", "Couldn't find order");
    }

    @Test
    void limitOrderRestsUntilThePriceReachesItAndCanBeCancelled() {
        double ltp = get("/quote/ltp?i=NSE:RELIANCE").json().path("data").path("NSE:RELIANCE").path("last_price").asDouble();
        // the simulator is deterministic: find a price RELIANCE will trade at during the next hour, away from now
        SessionDay future = new SessionDay(Fixture.MONDAY, Nifty50Universe.universe(java.util.List.of()), 42, 1.5, null);
        future.finish();
        int slot = 36;
        assertThat(future.universe.get(slot).symbol()).isEqualTo("RELIANCE");
        long low = Long.MAX_VALUE;
        long high = 0;
        for (int m = 80; m < 140; m++) {
            low = Math.min(low, future.barLow[slot][m]);
            high = Math.max(high, future.barHigh[slot][m]);
        }
        boolean buy = low < Math.round(ltp * 100) - 50;
        String side = buy ? "BUY" : "SELL";
        String near = String.format(java.util.Locale.ROOT, "%.2f", (buy ? low : high) / 100.0);
        String far = String.format(java.util.Locale.ROOT, "%.2f", Math.round(ltp * (buy ? 0.5 : 1.5) * 20) / 20.0);
        String farId = post("/orders/regular", "tradingsymbol=RELIANCE&exchange=NSE&transaction_type=" + side
                + "&order_type=LIMIT&quantity=1&product=CNC&price=" + far).json().path("data").path("order_id").asText();
        String nearId = post("/orders/regular", "tradingsymbol=RELIANCE&exchange=NSE&transaction_type=" + side
                + "&order_type=LIMIT&quantity=1&product=CNC&price=" + near).json().path("data").path("order_id").asText();
        assertThat(status(nearId)).isEqualTo("OPEN");
        assertThat(status(farId)).isEqualTo("OPEN");

        for (int i = 0; i < 120 && status(nearId).equals("OPEN"); i++) {
            f.market.advance(Duration.ofMinutes(1));
            f.exchange.pump();
        }
        assertThat(status(nearId)).isEqualTo("COMPLETE");
        assertThat(history(nearId).get(history(nearId).size() - 1).path("average_price").asDouble())
                .isEqualTo(Double.parseDouble(near));
        assertThat(status(farId)).isEqualTo("OPEN");

        f.wall.advance(Duration.ofSeconds(1));
        Rest.Response cancelled = rest.delete("/orders/regular/" + farId);
        assertThat(cancelled.status()).as(cancelled.text()).isEqualTo(200);
        assertThat(status(farId)).isEqualTo("CANCELLED");
        f.wall.advance(Duration.ofSeconds(1));
        assertError(rest.delete("/orders/regular/" + farId), 400, "InputException", "already CANCELLED");
    }

    private String status(String id) {
        List<JsonNode> h = history(id);
        return h.get(h.size() - 1).path("status").asText();
    }

    private List<JsonNode> history(String id) {
        List<JsonNode> out = new ArrayList<>();
        get("/orders/" + id).json().path("data").forEach(out::add);
        return out;
    }

    @Test
    void orderValidationExplainsEachMistake() {
        String ok = "tradingsymbol=INFY&exchange=NSE&transaction_type=BUY&order_type=MARKET&quantity=1&product=MIS";
        assertError(post("/orders/regular", ok.replace("tradingsymbol=INFY&", "")), 400, "InputException", "`tradingsymbol`");
        assertError(post("/orders/regular", ok.replace("exchange=NSE", "exchange=XXX")), 400, "InputException", "XXX:INFY");
        assertError(post("/orders/regular", ok.replace("BUY", "HOLD")), 400, "InputException", "`transaction_type`");
        assertError(post("/orders/regular", ok.replace("MARKET", "STOP")), 400, "InputException", "`order_type`");
        assertError(post("/orders/regular", ok.replace("quantity=1", "quantity=0")), 400, "InputException", "`quantity`");
        assertError(post("/orders/regular", ok.replace("quantity=1", "quantity=x")), 400, "InputException", "`quantity`");
        assertError(post("/orders/regular", ok.replace("product=MIS", "product=ABC")), 400, "InputException", "`product`");
        assertError(post("/orders/regular", ok.replace("MARKET", "LIMIT")), 400, "InputException", "`price`");
        assertError(post("/orders/regular", ok.replace("MARKET", "LIMIT") + "&price=1500.03"), 400, "InputException", "0.05");
        assertError(post("/orders/regular", ok.replace("MARKET", "SL-M")), 400, "InputException", "`trigger_price`");
        assertError(post("/orders/regular", ok + "&tag=" + "x".repeat(21)), 400, "InputException", "`tag`");
        assertError(post("/orders/regular", ok + "&tag=bad-tag"), 400, "InputException", "`tag`");
        assertError(post("/orders/regular", ok + "&validity=GTC"), 400, "InputException", "`validity`");
        assertError(post("/orders/weekly", ok), 400, "InputException", "variety");
        assertError(post("/orders/regular", ok.replace("INFY", "NIFTY 50")), 400, "InputException", "index");
        assertThat(post("/orders/regular", ok + "&tag=" + "x".repeat(20)).status()).isEqualTo(200);
        assertError(rest.postForm("/orders/regular/1", ok), 404, "GeneralException", "Route not found");
    }

    @Test
    void ordersOutsideTheSessionAreRejected() {
        f.market.advance(Duration.ofHours(6));
        String id = post("/orders/regular", "tradingsymbol=INFY&exchange=NSE&transaction_type=SELL&order_type=MARKET"
                + "&quantity=1&product=MIS").json().path("data").path("order_id").asText();
        List<JsonNode> h = history(id);
        assertThat(h.get(h.size() - 1).path("status").asText()).isEqualTo("REJECTED");
        assertThat(h.get(h.size() - 1).path("status_message").asText()).contains("Markets are closed");
    }

    @Test
    void stopLossMarketWaitsForItsTrigger() {
        double ltp = get("/quote/ltp?i=NSE:SBIN").json().path("data").path("NSE:SBIN").path("last_price").asDouble();
        String trigger = String.format(java.util.Locale.ROOT, "%.2f", Math.round(ltp * 2 * 20) / 20.0);
        String id = post("/orders/regular", "tradingsymbol=SBIN&exchange=NSE&transaction_type=BUY&order_type=SL-M"
                + "&quantity=1&product=MIS&trigger_price=" + trigger).json().path("data").path("order_id").asText();
        assertThat(status(id)).isEqualTo("TRIGGER PENDING");
        f.market.advance(Duration.ofMinutes(5));
        f.exchange.pump();
        assertThat(status(id)).isEqualTo("TRIGGER PENDING");
    }
}
