package io.niftyscanner.kite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.niftyscanner.market.Candle;
import io.niftyscanner.market.CandleQuality;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.zip.GZIPOutputStream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class KiteRestClientTest {
    private static final OkHttpClient HTTP = KiteHttp.shared();
    private final MockWebServer server = new MockWebServer();
    private final FakeTime fake = new FakeTime();
    private KiteRestClient client;

    @BeforeEach
    void start() throws IOException {
        server.start(InetAddress.getLoopbackAddress(), 0);
        client = new KiteRestClient(HTTP, server.url("/").toString(), new KiteSession("key1", "secrettoken99"),
                fake.kiteTime(), RetryPolicy.DEFAULT);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json").body(body).build();
    }

    static String error(String type, String message) {
        return "{\"status\":\"error\",\"message\":\"" + message + "\",\"error_type\":\"" + type + "\"}";
    }

    @Test
    void checksumIsSha256OfKeyTokenSecret() throws Exception {
        byte[] d = MessageDigest.getInstance("SHA-256").digest("abcreqXYZsec".getBytes(StandardCharsets.UTF_8));
        assertThat(KiteRestClient.checksum("abc", "reqXYZ", "sec")).isEqualTo(HexFormat.of().formatHex(d));
        // `echo -n abcreqXYZsec | sha256sum`, computed outside Java:
        assertThat(KiteRestClient.checksum("abc", "reqXYZ", "sec"))
                .isEqualTo("a07d92e2fccc84c4b228accb22065e753bc3357c8d0bcfd4dfb3a3029acd226f");
    }

    @Test
    void sendsKiteHeadersAndParsesQuotes() throws Exception {
        server.enqueue(json(200, "{\"status\":\"success\",\"data\":{\"NSE:INFY\":{\"instrument_token\":408065,"
                + "\"timestamp\":\"2021-07-05 10:41:27\",\"last_price\":1573.7,\"last_quantity\":3,\"volume\":6161122183,"
                + "\"average_price\":1572.01,\"buy_quantity\":10,\"sell_quantity\":20,"
                + "\"ohlc\":{\"open\":1560,\"high\":1580.05,\"low\":1555.5,\"close\":1550.1}}}}"));
        Map<String, Quote> q = client.quote(List.of("NSE:INFY"));
        RecordedRequest req = server.takeRequest();
        assertThat(req.getHeaders().get("X-Kite-Version")).isEqualTo("3");
        assertThat(req.getHeaders().get("Authorization")).isEqualTo("token key1:secrettoken99");
        assertThat(req.getUrl().encodedPath()).isEqualTo("/quote");
        assertThat(req.getUrl().queryParameterValues("i")).containsExactly("NSE:INFY");
        Quote infy = q.get("NSE:INFY");
        assertThat(infy.lastPrice()).isEqualTo(157370);
        assertThat(infy.volume()).isEqualTo(6_161_122_183L);
        assertThat(infy.high()).isEqualTo(158005);
        assertThat(infy.close()).isEqualTo(155010);
        assertThat(infy.averagePrice()).isEqualTo(157201);
        assertThat(infy.timestampMillis()).isEqualTo(1_625_461_887_000L);
    }

    @Test
    void quotesAreBatched500AndLtp1000PerCall() throws Exception {
        List<String> keys = IntStream.range(0, 1200).mapToObj(i -> "NSE:S" + i).toList();
        for (int i = 0; i < 5; i++) {
            server.enqueue(json(200, "{\"status\":\"success\",\"data\":{}}"));
        }
        client.quote(keys);
        assertThat(server.takeRequest().getUrl().queryParameterValues("i")).hasSize(500);
        assertThat(server.takeRequest().getUrl().queryParameterValues("i")).hasSize(500);
        assertThat(server.takeRequest().getUrl().queryParameterValues("i")).hasSize(200);
        client.ltp(keys);
        RecordedRequest ltp = server.takeRequest();
        assertThat(ltp.getUrl().encodedPath()).isEqualTo("/quote/ltp");
        assertThat(ltp.getUrl().queryParameterValues("i")).hasSize(1000);
        assertThat(server.takeRequest().getUrl().queryParameterValues("i")).hasSize(200);
        // quote routes are limited to 1 request/s, kept with a 100 ms safety margin: 5 calls made the client wait
        // 4 x 1.1 s on its (fake) clock
        assertThat(fake.sleeps.stream().mapToLong(Long::longValue).sum()).isEqualTo(TimeUnit.MILLISECONDS.toNanos(4 * 1100));
    }

    @Test
    void errorTypesBecomeTypedExceptionsWithoutSecrets() {
        server.enqueue(json(403, error("TokenException", "Incorrect `api_key` or `access_token`.")));
        assertThatThrownBy(() -> client.orders()).isInstanceOf(TokenException.class)
                .hasMessage("Kite session expired or invalid: run ./scanner login");
        server.enqueue(json(400, error("InputException", "Invalid `quantity`")));
        assertThatThrownBy(() -> client.orders()).isInstanceOf(InputException.class).hasMessageContaining("Invalid `quantity`");
        server.enqueue(json(400, error("MarginException", "Insufficient funds")));
        assertThatThrownBy(() -> client.orders()).isInstanceOf(MarginException.class).hasMessageContaining("Insufficient funds");
        server.enqueue(json(403, error("PermissionException", "no access")));
        assertThatThrownBy(() -> client.orders()).isInstanceOf(PermissionException.class);
        server.enqueue(json(400, error("OrderException", "bad order access_token=secrettoken99")));
        assertThatThrownBy(() -> client.orders()).isInstanceOf(OrderException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("secrettoken99"));
        server.enqueue(new MockResponse.Builder().code(200).body("<html>").build());
        assertThatThrownBy(() -> client.orders()).isInstanceOf(DataException.class);
    }

    @Test
    void aBurstOf429OnAReadIsSurvivedWithBackoff() throws Exception {
        server.enqueue(json(429, error("NetworkException", "Too many requests")));
        server.enqueue(json(429, error("NetworkException", "Too many requests")));
        server.enqueue(json(429, error("NetworkException", "Too many requests")));
        server.enqueue(json(200, "{\"status\":\"success\",\"data\":[{\"order_id\":\"1\",\"status\":\"OPEN\"}]}"));
        List<Order> orders = client.orders();
        assertThat(orders).extracting(Order::orderId).containsExactly("1");
        assertThat(server.getRequestCount()).isEqualTo(4);
        long slept = fake.sleeps.stream().mapToLong(Long::longValue).sum();
        assertThat(slept).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(250 + 500 + 1000));
    }

    @Test
    void readsGiveUpAfterBoundedAttempts() {
        for (int i = 0; i < 5; i++) {
            server.enqueue(json(503, error("NetworkException", "down")));
        }
        assertThatThrownBy(() -> client.orders()).isInstanceOf(NetworkException.class);
        assertThat(server.getRequestCount()).isEqualTo(5);
    }

    @Test
    void anOrderIsNotResentAfterA500() throws Exception {
        server.enqueue(json(500, error("GeneralException", "oops")));
        server.enqueue(json(200, "{\"status\":\"success\",\"data\":{\"order_id\":\"2\"}}"));
        assertThatThrownBy(() -> client.placeOrder(OrderRequest.market("NSE", "INFY", "BUY", 1, "MIS", "tag1")))
                .isInstanceOf(OutcomeUnknownException.class).hasMessageContaining("check the order book")
                .satisfies(e -> assertThat(((KiteException) e).isTransient()).as("never retried like a read").isFalse());
        assertThat(server.getRequestCount()).isEqualTo(1);
        RecordedRequest req = server.takeRequest();
        assertThat(req.getMethod()).isEqualTo("POST");
        assertThat(req.getUrl().encodedPath()).isEqualTo("/orders/regular");
        assertThat(req.getBody().utf8()).isEqualTo("exchange=NSE&tradingsymbol=INFY&transaction_type=BUY&order_type=MARKET"
                + "&quantity=1&product=MIS&validity=DAY&tag=tag1&market_protection=-1");
    }

    @Test
    void anOrderIsNotResentAfterAReadTimeout() throws Exception {
        OkHttpClient impatient = HTTP.newBuilder().readTimeout(Duration.ofMillis(300)).build();
        KiteRestClient c = new KiteRestClient(impatient, server.url("/").toString(), new KiteSession("k", "t"),
                fake.kiteTime(), RetryPolicy.DEFAULT);
        server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json")
                .body("{\"status\":\"success\",\"data\":{\"order_id\":\"3\"}}").headersDelay(2, TimeUnit.SECONDS).build());
        server.enqueue(json(200, "{\"status\":\"success\",\"data\":{\"order_id\":\"4\"}}"));
        assertThatThrownBy(() -> c.placeOrder(OrderRequest.limit("NSE", "INFY", "SELL", 2, "CNC", new BigDecimal("1573.70"), null)))
                .isInstanceOf(OutcomeUnknownException.class).hasMessageContaining("check the order book")
                .satisfies(e -> assertThat(((KiteException) e).isTransient()).isFalse());
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(server.takeRequest().getBody().utf8()).contains("price=1573.70");
    }

    @Test
    void anOrderThatCouldNotConnectIsRetriedBecauseNothingWasSent() throws Exception {
        int port;
        try (ServerSocket ss = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = ss.getLocalPort();
        }
        KiteRestClient c = new KiteRestClient(HTTP, "http://127.0.0.1:" + port, new KiteSession("k", "t"), fake.kiteTime(),
                new RetryPolicy(3, 100, 100));
        assertThatThrownBy(() -> c.placeOrder(OrderRequest.market("NSE", "INFY", "BUY", 1, "MIS", null)))
                .isInstanceOf(RequestNotSentException.class).hasMessageContaining("Nothing was sent")
                .satisfies(e -> assertThat(((KiteException) e).isTransient()).as("safe to send again").isTrue());
        assertThat(fake.sleeps).hasSize(2);
    }

    @Test
    void aRefusalByTheOrderSystemKeepsItsTypeAndOthers5xxAreUnknown() {
        server.enqueue(json(400, error("InputException", "Invalid price")));
        assertThatThrownBy(() -> client.placeOrder(OrderRequest.market("NSE", "INFY", "BUY", 1, "MIS", "t1")))
                .isInstanceOf(InputException.class);
        server.enqueue(json(500, error("MarginException", "Insufficient funds")));
        assertThatThrownBy(() -> client.placeOrder(OrderRequest.market("NSE", "INFY", "BUY", 1, "MIS", "t2")))
                .isInstanceOf(MarginException.class);
        server.enqueue(json(503, error("NetworkException", "OMS unreachable")));
        assertThatThrownBy(() -> client.placeOrder(OrderRequest.market("NSE", "INFY", "BUY", 1, "MIS", "t3")))
                .isInstanceOf(OutcomeUnknownException.class);
        server.enqueue(json(502, error("DataException", "bad OMS answer")));
        assertThatThrownBy(() -> client.placeOrder(OrderRequest.market("NSE", "INFY", "BUY", 1, "MIS", "t4")))
                .isInstanceOf(OutcomeUnknownException.class);
        server.enqueue(json(200, "{\"status\":\"success\",\"data\":{}}"));
        assertThatThrownBy(() -> client.placeOrder(OrderRequest.market("NSE", "INFY", "BUY", 1, "MIS", "t5")))
                .isInstanceOf(OutcomeUnknownException.class).hasMessageContaining("t5");
        assertThat(server.getRequestCount()).isEqualTo(5);
    }

    @Test
    void anUnreadableAnswerToAnOrderWriteIsAnUnknownOutcomeNeverARetryableDataError() {
        // Kite took the request and answered 200 with something that is not its envelope: the order may exist
        server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "text/html").body("<html>gateway</html>").build());
        assertThatThrownBy(() -> client.placeOrder(OrderRequest.market("NSE", "INFY", "BUY", 1, "MIS", "u1")))
                .isInstanceOf(OutcomeUnknownException.class).hasMessageContaining("not JSON").hasMessageContaining("check the order book")
                .satisfies(e -> assertThat(((KiteException) e).isTransient()).isFalse());
        server.enqueue(json(200, "{\"status\":\"success\"}"));
        assertThatThrownBy(() -> client.modifyOrder("regular", "77", new OrderModification(2, null, null, null)))
                .isInstanceOf(OutcomeUnknownException.class).hasMessageContaining("no data")
                .satisfies(e -> assertThat(((KiteException) e).isTransient()).isFalse());
        server.enqueue(json(200, "not json at all"));
        assertThatThrownBy(() -> client.cancelOrder("regular", "77"))
                .isInstanceOf(OutcomeUnknownException.class)
                .satisfies(e -> assertThat(((KiteException) e).isTransient()).isFalse());
        assertThat(server.getRequestCount()).as("each write sent once").isEqualTo(3);
    }

    @Test
    void cancelAndModifyAreOneShotWritesOnTheirRoutes() throws Exception {
        server.enqueue(json(200, "{\"status\":\"success\",\"data\":{\"order_id\":\"77\"}}"));
        server.enqueue(json(200, "{\"status\":\"success\",\"data\":{\"order_id\":\"77\"}}"));
        server.enqueue(json(504, error("GeneralException", "gateway timeout")));
        assertThat(client.modifyOrder("regular", "77", new OrderModification(5, null, new BigDecimal("99.95"), "SL-M")))
                .isEqualTo("77");
        assertThat(client.cancelOrder("regular", "77")).isEqualTo("77");
        assertThatThrownBy(() -> client.cancelOrder("regular", "77")).isInstanceOf(OutcomeUnknownException.class);
        RecordedRequest put = server.takeRequest();
        assertThat(put.getMethod()).isEqualTo("PUT");
        assertThat(put.getUrl().encodedPath()).isEqualTo("/orders/regular/77");
        assertThat(put.getBody().utf8()).isEqualTo("order_type=SL-M&quantity=5&trigger_price=99.95");
        RecordedRequest del = server.takeRequest();
        assertThat(del.getMethod()).isEqualTo("DELETE");
        assertThat(del.getUrl().encodedPath()).isEqualTo("/orders/regular/77");
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void placeOrderReturnsTheOrderId() {
        server.enqueue(json(200, "{\"status\":\"success\",\"data\":{\"order_id\":\"151220000000000\"}}"));
        assertThat(client.placeOrder(OrderRequest.market("NSE", "INFY", "BUY", 1, "MIS", "abc"))).isEqualTo("151220000000000");
    }

    @Test
    void ordersLimitedTo10PerSecond() {
        for (int i = 0; i < 12; i++) {
            server.enqueue(json(200, "{\"status\":\"success\",\"data\":{\"order_id\":\"" + i + "\"}}"));
        }
        for (int i = 0; i < 12; i++) {
            client.placeOrder(OrderRequest.market("NSE", "INFY", "BUY", 1, "MIS", null));
        }
        // the fake clock moves only when the client sleeps: the 11th order waited a full window (1 s plus the 100 ms
        // safety margin), after which the 12th found a free slot
        assertThat(fake.sleeps).containsExactly(TimeUnit.MILLISECONDS.toNanos(1100));
    }

    @Test
    void historicalCandlesParsePlus0530AndSendIstRange() throws Exception {
        server.enqueue(json(200, "{\"status\":\"success\",\"data\":{\"candles\":["
                + "[\"2017-12-15T09:15:00+0530\",1704.5,1705,1699.25,1702.8,2499],"
                + "[\"2017-12-15T09:20:00+0530\",1702.8,1710.05,1701,1709.95,6161122183]]}}"));
        List<Candle> candles = client.historical(408065, "5minute", Instant.parse("2017-12-15T03:45:00Z"),
                Instant.parse("2017-12-15T04:29:59Z"));
        RecordedRequest req = server.takeRequest();
        assertThat(req.getUrl().encodedPath()).isEqualTo("/instruments/historical/408065/5minute");
        assertThat(req.getUrl().queryParameter("from")).isEqualTo("2017-12-15 09:15:00");
        assertThat(req.getUrl().queryParameter("to")).isEqualTo("2017-12-15 09:59:59");
        assertThat(candles).hasSize(2);
        Candle c = candles.get(0);
        assertThat(c.start()).isEqualTo(Instant.parse("2017-12-15T03:45:00Z"));
        assertThat(new long[] {c.open(), c.high(), c.low(), c.close(), c.volume()})
                .containsExactly(170450, 170500, 169925, 170280, 2499);
        assertThat(c.quality()).isEqualTo(CandleQuality.HISTORICAL);
        assertThat(candles.get(1).high()).isEqualTo(171005);
        assertThat(candles.get(1).volume()).isEqualTo(6_161_122_183L);
    }

    @Test
    void historicalRejectsAnUnknownInterval() {
        assertThatThrownBy(() -> client.historical(1, "7minute", Instant.EPOCH, Instant.EPOCH))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("7minute");
    }

    static final String CSV = "instrument_token,exchange_token,tradingsymbol,name,last_price,expiry,strike,tick_size,lot_size,"
            + "instrument_type,segment,exchange\n"
            + "408065,1594,INFY,\"INFOSYS, LTD\",0,,0,0.05,1,EQ,NSE,NSE\n"
            + "738561,2885,RELIANCE,RELIANCE INDUSTRIES,0,,0,0.05,1,EQ,NSE,NSE\n";

    static byte[] gzip(String s) throws IOException {
        ByteArrayOutputStream bo = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bo)) {
            gz.write(s.getBytes(StandardCharsets.UTF_8));
        }
        return bo.toByteArray();
    }

    @Test
    void instrumentsWithContentEncodingGzip() throws Exception {
        server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "text/csv")
                .setHeader("Content-Encoding", "gzip").body(new Buffer().write(gzip(CSV))).build());
        List<InstrumentRow> rows = client.instruments("NSE");
        assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/instruments/NSE");
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).name()).isEqualTo("INFOSYS, LTD");
        assertThat(rows.get(0).instrumentToken()).isEqualTo(408065);
        assertThat(rows.get(1).tradingsymbol()).isEqualTo("RELIANCE");
        assertThat(rows.get(1).instrumentType()).isEqualTo("EQ");
    }

    @Test
    void instrumentsAsARawGzipBody() throws Exception {
        server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "application/gzip")
                .body(new Buffer().write(gzip(CSV))).build());
        assertThat(client.instruments("NSE")).extracting(InstrumentRow::tradingsymbol).containsExactly("INFY", "RELIANCE");
    }

    @Test
    void sessionTokenExchangePostsTheChecksum() throws Exception {
        KiteRestClient login = new KiteRestClient(HTTP, server.url("/").toString(), new KiteSession("abc", ""),
                fake.kiteTime(), RetryPolicy.DEFAULT);
        server.enqueue(json(200, "{\"status\":\"success\",\"data\":{\"user_id\":\"XX0000\",\"user_name\":\"Kite Connect\","
                + "\"access_token\":\"newtoken123\",\"login_time\":\"2021-01-01 16:15:14\"}}"));
        SessionInfo s = login.generateSession("reqXYZ", "sec");
        RecordedRequest req = server.takeRequest();
        assertThat(req.getUrl().encodedPath()).isEqualTo("/session/token");
        assertThat(req.getHeaders().get("Authorization")).isNull();
        String expected = HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest("abcreqXYZsec".getBytes(StandardCharsets.UTF_8)));
        assertThat(req.getBody().utf8()).isEqualTo("api_key=abc&request_token=reqXYZ&checksum=" + expected);
        assertThat(s.accessToken()).isEqualTo("newtoken123");
        assertThat(s.toString()).doesNotContain("newtoken123");
    }

    @Test
    void profileChecksTheToken() throws Exception {
        server.enqueue(json(200, "{\"status\":\"success\",\"data\":{\"user_id\":\"AB1234\",\"user_name\":\"Asha\"}}"));
        assertThat(client.profile()).isEqualTo(new UserProfile("AB1234", "Asha", "", ""));
        assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/user/profile");
        server.enqueue(json(403, error("TokenException", "Token is invalid or has expired.")));
        assertThatThrownBy(() -> client.profile()).isInstanceOf(TokenException.class);
        assertThat(server.getRequestCount()).isEqualTo(2);
    }
}
