package io.niftyscanner.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Duration;
import java.time.LocalTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The login page, the request-token exchange, and the stats endpoint. */
class LoginAndStatsTest {

    private static String sha256(String s) throws Exception {
        byte[] d = java.security.MessageDigest.getInstance("SHA-256").digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return java.util.HexFormat.of().formatHex(d);
    }

    @Test
    void loginPageApprovesAndRedirectsWithARequestTokenThatBuysASession() throws Exception {
        try (Fixture f = new Fixture(1, LocalTime.of(10, 0))) {
            Rest anon = new Rest(f.exchange.restUrl(), null, null);
            Rest.Response page = anon.get("/connect/login?v=3&api_key=sandbox&redirect_params=state%3Dabc");
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.text()).contains("Approve");
            Matcher link = Pattern.compile("href=\"([^\"]+)\"").matcher(page.text());
            assertThat(link.find()).isTrue();
            Rest.Response approved = anon.get(link.group(1).replace("&amp;", "&"));
            assertThat(approved.status()).isEqualTo(302);
            URI location = URI.create(approved.headers().firstValue("Location").orElseThrow());
            assertThat(location.getHost()).isEqualTo("127.0.0.1");
            assertThat(location.getPort()).as("the configured redirect URL").isEqualTo(5000);
            assertThat(location.getPath()).isEqualTo("/");
            assertThat(location.getQuery()).contains("action=login").contains("status=success").contains("state=abc");
            String requestToken = location.getQuery().replaceAll(".*request_token=([A-Za-z0-9]+).*", "$1");

            Rest.Response badSum = anon.postForm("/session/token", "api_key=sandbox&request_token=" + requestToken
                    + "&checksum=" + sha256("sandbox" + requestToken + "wrong-secret"));
            assertThat(badSum.status()).isEqualTo(403);
            assertThat(badSum.json().path("message").asText()).contains("checksum");
            assertThat(anon.postForm("/session/token", "api_key=sandbox").status()).isEqualTo(400);

            f.wall.advance(Duration.ofSeconds(1));
            Rest.Response session = anon.postForm("/session/token", "api_key=sandbox&request_token=" + requestToken
                    + "&checksum=" + sha256("sandbox" + requestToken + "sandbox-secret"));
            assertThat(session.status()).as(session.text()).isEqualTo(200);
            JsonNode d = session.json().path("data");
            String access = d.path("access_token").asText();
            assertThat(access).hasSize(32);
            assertThat(d.path("user_id").asText()).isEqualTo("SB0001");
            assertThat(d.path("user_name").asText()).isNotBlank();
            assertThat(d.path("login_time").asText()).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d");

            f.wall.advance(Duration.ofSeconds(1));
            Rest.Response reused = anon.postForm("/session/token", "api_key=sandbox&request_token=" + requestToken
                    + "&checksum=" + sha256("sandbox" + requestToken + "sandbox-secret"));
            assertThat(reused.status()).as("request tokens are single use").isEqualTo(403);

            f.exchange.fault(FaultKind.EXPIRE_TOKEN, Duration.ZERO);
            Rest user = anon.withToken("sandbox", access);
            assertThat(user.get("/user/profile").status()).isEqualTo(403);
            String fresh = f.exchange.issueRequestToken();
            f.wall.advance(Duration.ofSeconds(1));
            String newAccess = anon.postForm("/session/token", "api_key=sandbox&request_token=" + fresh + "&checksum="
                    + sha256("sandbox" + fresh + "sandbox-secret")).json().path("data").path("access_token").asText();
            assertThat(anon.withToken("sandbox", newAccess).get("/user/profile").status()).isEqualTo(200);
            assertThat(WsTestClient.connect(f.exchange.wsUrl(), "sandbox", newAccess).opened).isTrue();
        }
    }

    @Test
    void loginPageRedirectsToTheDefaultCallbackAndRefusesUnknownKeys() throws Exception {
        try (Fixture f = new Fixture(1, LocalTime.of(10, 0))) {
            Rest anon = new Rest(f.exchange.restUrl(), null, null);
            assertThat(anon.get("/connect/login?v=3&api_key=nope").status()).isEqualTo(400);
            Rest.Response approved = anon.get("/connect/approve?api_key=sandbox");
            assertThat(approved.status()).isEqualTo(302);
            assertThat(approved.headers().firstValue("Location").orElseThrow())
                    .startsWith(SandboxOptions.DEFAULT_REDIRECT_URL + "?action=login");
        }
    }

    @Test
    void withoutARedirectUrlTheTokenIsShown() throws Exception {
        try (SandboxExchange x = SandboxExchange.start(SandboxOptions.defaults().withRedirectUrl(null).withAutoPump(false))) {
            Rest.Response shown = new Rest(x.restUrl(), null, null).get("/connect/approve?api_key=sandbox");
            assertThat(shown.status()).isEqualTo(200);
            assertThat(shown.text()).containsPattern("id=\"request_token\">[A-Za-z0-9]{32}<");
        }
    }

    @Test
    void statsCountRequestsSocketsTicksAndOrders() throws Exception {
        try (Fixture f = new Fixture(1, LocalTime.of(10, 0))) {
            Rest rest = f.rest();
            rest.get("/quote?i=NSE:INFY");
            rest.get("/quote?i=NSE:INFY");
            rest.postForm("/orders/regular", "tradingsymbol=INFY&exchange=NSE&transaction_type=BUY&order_type=MARKET&quantity=1&product=MIS");
            WsTestClient c = f.ws();
            c.send("{\"a\":\"subscribe\",\"v\":[408065]}");
            WsTestClient.await(() -> c.tickFrames().size() >= 1, Duration.ofSeconds(10), "the snapshot");

            JsonNode s = new Rest(f.exchange.restUrl(), null, null).get("/__sandbox/stats").json().path("data");
            assertThat(s.path("requests").path("GET /quote").asLong()).isEqualTo(2);
            assertThat(s.path("requests").path("POST /orders").asLong()).isEqualTo(1);
            assertThat(s.path("rate_limited").asLong()).isEqualTo(1);
            assertThat(s.path("websocket").path("open").asLong()).isEqualTo(1);
            assertThat(s.path("ticks_sent").asLong()).isEqualTo(1);
            assertThat(s.path("orders").asLong()).isEqualTo(1);
            assertThat(s.path("market_time").asText()).isEqualTo("2026-11-23 10:00:00");
            assertThat(s.path("session_date").asText()).isEqualTo("2026-11-23");
            assertThat(f.exchange.statsJson()).containsKeys("heartbeats_sent", "faults", "frames_sent");
        }
    }

    @Test
    void orderUpdatesArePushedOnTheSocket() throws Exception {
        try (Fixture f = new Fixture(1, LocalTime.of(10, 0))) {
            WsTestClient c = f.ws();
            f.rest().postForm("/orders/regular", "tradingsymbol=TCS&exchange=NSE&transaction_type=SELL&order_type=MARKET"
                    + "&quantity=2&product=MIS&tag=t1");
            WsTestClient.await(() -> c.texts.size() >= 2, Duration.ofSeconds(10), "OPEN and COMPLETE updates");
            JsonNode open = Rest.JSON.readTree(c.texts.get(0));
            JsonNode done = Rest.JSON.readTree(c.texts.get(1));
            assertThat(open.path("type").asText()).isEqualTo("order");
            assertThat(open.path("data").path("status").asText()).isEqualTo("OPEN");
            assertThat(done.path("data").path("status").asText()).isEqualTo("COMPLETE");
            assertThat(done.path("data").path("tag").asText()).isEqualTo("t1");
            assertThat(done.path("data").path("filled_quantity").asLong()).isEqualTo(2);
            assertThat(done.path("data").path("unfilled_quantity").asLong()).isZero();
            String id = done.path("data").path("order_id").asText();
            assertThat(done.path("data").path("checksum").asText())
                    .isEqualTo(sha256(id + done.path("data").path("order_timestamp").asText() + "sandbox-secret"));
        }
    }
}
