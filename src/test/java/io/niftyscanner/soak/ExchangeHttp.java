package io.niftyscanner.soak;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.niftyscanner.market.SessionCalendar;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The soak's own line to the sandbox exchange, over plain HTTP and independent of the scanner's Kite client: it
 * injects faults through the control route, logs in through the login routes as a browser would, and reads the
 * exchange's history, order book and positions to check the scanner against.
 */
final class ExchangeHttp {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter KITE_QUERY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);
    private static final DateTimeFormatter KITE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssZ", Locale.ROOT);

    /** A candle as the exchange's /instruments/historical gives it, prices in paise. */
    record HistoryCandle(long startMillis, long open, long high, long low, long close, long volume) {}

    /** One order of the exchange's book (GET /orders). */
    record BookOrder(String orderId, String tag, String status, String transactionType, String symbol, long quantity,
                     String statusMessage) {}

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final String rest;
    private final String apiKey;
    private final String accessToken;

    ExchangeHttp(String restUrl, String apiKey, String accessToken) {
        this.rest = restUrl.endsWith("/") ? restUrl.substring(0, restUrl.length() - 1) : restUrl;
        this.apiKey = apiKey;
        this.accessToken = accessToken;
    }

    /** POST /__sandbox/fault (design.md 7). */
    void fault(String kind, double seconds) throws IOException, InterruptedException {
        String body = String.format(Locale.ROOT, "{\"kind\":\"%s\",\"seconds\":%.3f}", kind, seconds);
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(rest + "/__sandbox/fault"))
                .timeout(Duration.ofSeconds(20)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IOException("fault " + kind + " refused: HTTP " + r.statusCode() + " " + r.body());
        }
    }

    /** What a trader's browser does on the login page: approve, and take the request token from the redirect. */
    String approveLogin() throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(rest + "/connect/approve?v=3&api_key="
                + URLEncoder.encode(apiKey, StandardCharsets.UTF_8))).timeout(Duration.ofSeconds(20)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        String location = r.headers().firstValue("Location").orElseThrow(() -> new IOException(
                "the login page did not redirect: HTTP " + r.statusCode()));
        for (String part : URI.create(location).getRawQuery().split("&")) {
            if (part.startsWith("request_token=")) {
                return java.net.URLDecoder.decode(part.substring("request_token=".length()), StandardCharsets.UTF_8);
            }
        }
        throw new IOException("no request_token in the login redirect");
    }

    /** GET /instruments/historical/{token}/5minute over [from, to] (epoch millis, shown in IST as Kite wants). */
    List<HistoryCandle> fiveMinuteHistory(long token, long fromMillis, long toMillis) throws IOException, InterruptedException {
        String q = "from=" + enc(SessionCalendar.ist(fromMillis).format(KITE_QUERY)) + "&to=" + enc(SessionCalendar.ist(toMillis).format(KITE_QUERY));
        JsonNode data = get("/instruments/historical/" + token + "/5minute?" + q);
        List<HistoryCandle> out = new ArrayList<>();
        for (JsonNode c : data.path("candles")) {
            long start = OffsetDateTime.parse(c.get(0).asText(), KITE_TIME).toInstant().toEpochMilli();
            out.add(new HistoryCandle(start, paise(c.get(1)), paise(c.get(2)), paise(c.get(3)), paise(c.get(4)), c.get(5).asLong()));
        }
        return out;
    }

    /** GET /orders: the day's orders, each in its latest state. */
    List<BookOrder> orders() throws IOException, InterruptedException {
        List<BookOrder> out = new ArrayList<>();
        for (JsonNode o : get("/orders")) {
            out.add(new BookOrder(o.path("order_id").asText(), o.path("tag").isNull() ? "" : o.path("tag").asText(""),
                    o.path("status").asText(), o.path("transaction_type").asText(), o.path("tradingsymbol").asText(),
                    o.path("quantity").asLong(), o.path("status_message").isNull() ? "" : o.path("status_message").asText("")));
        }
        return out;
    }

    /** GET /portfolio/positions: net quantity by trading symbol. */
    java.util.Map<String, Long> netPositions() throws IOException, InterruptedException {
        java.util.Map<String, Long> out = new java.util.TreeMap<>();
        for (JsonNode p : get("/portfolio/positions").path("net")) {
            out.merge(p.path("tradingsymbol").asText(), p.path("quantity").asLong(), Long::sum);
        }
        return out;
    }

    private JsonNode get(String pathAndQuery) throws IOException, InterruptedException {
        IOException last = null;
        for (int attempt = 0; attempt < 20; attempt++) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(rest + pathAndQuery)).timeout(Duration.ofSeconds(20))
                    .header("X-Kite-Version", "3").header("Authorization", "token " + apiKey + ":" + accessToken).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 200) {
                return JSON.readTree(r.body()).path("data");
            }
            last = new IOException("GET " + pathAndQuery + ": HTTP " + r.statusCode() + " " + r.body());
            if (r.statusCode() != 429) {
                throw last;
            }
            Thread.sleep(400); // Kite's historical route allows 3 requests a second
        }
        throw last;
    }

    private static long paise(JsonNode price) {
        return Math.round(price.asDouble() * 100);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
