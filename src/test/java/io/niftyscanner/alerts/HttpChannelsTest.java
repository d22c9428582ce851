package io.niftyscanner.alerts;

import static io.niftyscanner.alerts.Signals.signal;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.niftyscanner.market.Side;
import io.niftyscanner.testing.MutableClock;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Telegram and the webhook against real HTTP servers on 127.0.0.1: paths, bodies, retries on 429 and 5xx with the
 * backoff the policy computes (seen through the timer seam, not waited for), failures logged with the reason, and the
 * bot token in no log line.
 */
class HttpChannelsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "7312345678:AAHsecretBotTokenValue_x9";
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T05:00:02Z"));
    private final LocalHttpServer server;
    private final List<Duration> waits = new CopyOnWriteArrayList<>();
    /** Records each backoff and runs the retry at once, on the channel's thread. */
    private final ChannelRunner.Timer timer = (delay, task) -> {
        waits.add(delay);
        task.run();
    };
    private AlertService service;

    HttpChannelsTest() throws Exception {
        server = new LocalHttpServer();
    }

    @AfterEach
    void close() {
        if (service != null) {
            service.close();
        }
        server.close();
    }

    private TelegramChannel telegram() {
        return new TelegramChannel(server.url(), TOKEN, "-1001234567890", Duration.ofSeconds(10));
    }

    @Test
    void telegramPostsTheMessageToTheBotsSendMessageRoute() throws Exception {
        service = new AlertService(clock, Duration.ZERO).addChannel(telegram(), RetryPolicy.http(4), timer);
        assertThat(service.onSignal(signal("RELIANCE", Side.BUY, 0)).channels()).containsExactly("telegram");
        Await.until("delivered", () -> service.stats("telegram").delivered() == 1);
        LocalHttpServer.Request r = server.requests.get(0);
        assertThat(r.method()).isEqualTo("POST");
        assertThat(r.path()).isEqualTo("/bot" + TOKEN + "/sendMessage");
        assertThat(r.contentType()).startsWith("application/json");
        JsonNode body = JSON.readTree(r.body());
        assertThat(body.get("chat_id").asText()).isEqualTo("-1001234567890");
        assertThat(body.get("text").asText()).isEqualTo("\uD83D\uDFE2 BUY RELIANCE at 2456.10\n"
                + "EMA9 crossed above EMA21, RSI14 in [50,70]\nRSI 56.3 · stop 2441.10 · target 2486.10\ncandle 10:25 IST");
        assertThat(waits).isEmpty();
    }

    @Test
    void serverErrorsAreRetriedWithDoublingBackoff() {
        server.answer(LocalHttpServer.Response.of(502, "<html>Bad Gateway</html>"),
                LocalHttpServer.Response.of(503, ""), LocalHttpServer.Response.of(500, "{\"ok\":false,\"description\":\"Internal\"}"));
        service = new AlertService(clock, Duration.ZERO).addChannel(telegram(), RetryPolicy.http(4), timer);
        try (LogCapture log = new LogCapture()) {
            service.onSignal(signal("RELIANCE", Side.BUY, 0));
            Await.until("delivered on the 4th attempt", () -> service.stats("telegram").delivered() == 1);
            assertThat(server.requests).hasSize(4);
            assertThat(waits).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4));
            assertThat(log.all()).contains("telegram attempt 1 of 4 failed: HTTP 502: <html>Bad Gateway</html>; trying again in 1000 ms")
                    .contains("attempt 3 of 4 failed: HTTP 500: Internal").doesNotContain(TOKEN).doesNotContain("AAHsecret");
        }
    }

    @Test
    void tooManyRequestsWaitsAsLongAsTelegramAsks() {
        server.answer(new LocalHttpServer.Response(429, Map.of(),
                "{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests: retry after 7\",\"parameters\":{\"retry_after\":7}}"),
                new LocalHttpServer.Response(429, Map.of("Retry-After", "1"), "{}"));
        service = new AlertService(clock, Duration.ZERO).addChannel(telegram(), RetryPolicy.http(4), timer);
        service.onSignal(signal("RELIANCE", Side.BUY, 0));
        Await.until("delivered", () -> service.stats("telegram").delivered() == 1);
        // retry_after 7 beats the first backoff (1 s); the second backoff (2 s) beats Retry-After: 1
        assertThat(waits).containsExactly(Duration.ofSeconds(7), Duration.ofSeconds(2));
    }

    @Test
    void aRefusedTokenIsNotRetriedAndIsReportedWithoutTheToken() {
        server.answer(LocalHttpServer.Response.of(401, "{\"ok\":false,\"error_code\":401,\"description\":\"Unauthorized\"}"));
        service = new AlertService(clock, Duration.ZERO).addChannel(telegram(), RetryPolicy.http(4), timer);
        try (LogCapture log = new LogCapture()) {
            service.onSignal(signal("RELIANCE", Side.BUY, 0));
            Await.until("failed", () -> service.stats("telegram").failed() == 1);
            assertThat(server.requests).hasSize(1);
            assertThat(waits).isEmpty();
            assertThat(service.notices()).containsExactly("telegram alerts are failing: HTTP 401: Unauthorized");
            assertThat(log.all()).contains("telegram failed: HTTP 401: Unauthorized").doesNotContain(TOKEN).doesNotContain("AAHsecret");
        }
    }

    @Test
    void anUnreachableServerIsRetriedThenGivenUpWithTheReasonAndNoToken() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        TelegramChannel nowhere = new TelegramChannel("http://127.0.0.1:" + closedPort, TOKEN, "42", Duration.ofSeconds(5));
        service = new AlertService(clock, Duration.ZERO).addChannel(nowhere, RetryPolicy.http(3), timer);
        try (LogCapture log = new LogCapture()) {
            service.onSignal(signal("RELIANCE", Side.BUY, 0));
            Await.until("failed", () -> service.stats("telegram").failed() == 1);
            assertThat(service.stats("telegram").attempts()).isEqualTo(3);
            assertThat(waits).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
            assertThat(log.all()).contains("ConnectException").contains("(gave up after 3 attempts)").doesNotContain(TOKEN);
        }
    }

    @Test
    void theWebhookPostsTheAlertAsJson() throws Exception {
        String hook = server.url() + "/hooks/T0001/s3cr3tpath";
        service = new AlertService(clock, Duration.ZERO).addChannel(new WebhookChannel(hook, Duration.ofSeconds(10)),
                RetryPolicy.http(4), timer);
        service.onSignal(signal("INFY", Side.SELL, 0));
        Await.until("delivered", () -> service.stats("webhook").delivered() == 1);
        LocalHttpServer.Request r = server.requests.get(0);
        assertThat(r.path()).isEqualTo("/hooks/T0001/s3cr3tpath");
        JsonNode b = JSON.readTree(r.body());
        assertThat(b.get("type").asText()).isEqualTo("alert");
        assertThat(b.get("symbol").asText()).isEqualTo("INFY");
        assertThat(b.get("side").asText()).isEqualTo("SELL");
        assertThat(b.get("price").asDouble()).isEqualTo(2456.10);
        assertThat(b.get("stop").asDouble()).isEqualTo(2471.10);
        assertThat(b.get("target").asDouble()).isEqualTo(2426.10);
        assertThat(b.get("time").asText()).isEqualTo("2026-11-23T10:30:02+05:30");
        assertThat(b.get("signal_time").asText()).isEqualTo("2026-11-23T10:30:00+05:30");
        assertThat(b.get("candle_start").asText()).isEqualTo("2026-11-23T10:25:00+05:30");
        assertThat(b.get("signal_to_alert_ms").asLong()).isEqualTo(2000);
        assertThat(b.get("rule").asText()).isEqualTo("EMA9 crossed below EMA21, RSI14 in [30,50]");
        assertThat(b.get("text").asText()).startsWith("SELL INFY at 2456.10 · EMA9 crossed below");
    }

    @Test
    void aWebhookRefusalIsLoggedWithItsOriginNotItsSecretPath() {
        server.answer(LocalHttpServer.Response.of(404, "no such hook"));
        String hook = server.url() + "/hooks/T0001/s3cr3tpath";
        service = new AlertService(clock, Duration.ZERO).addChannel(new WebhookChannel(hook, Duration.ofSeconds(10)),
                RetryPolicy.http(4), timer);
        try (LogCapture log = new LogCapture()) {
            service.onSignal(signal("INFY", Side.SELL, 0));
            Await.until("failed", () -> service.stats("webhook").failed() == 1);
            assertThat(log.all()).contains("webhook failed: HTTP 404: no such hook (" + server.url() + ")")
                    .doesNotContain("s3cr3tpath");
        }
    }

    @Test
    void aRetryingChannelHoldsUpNoOtherChannel() {
        // the real timer: the retry waits a second on the webhook's scheduler while the window gets everything
        server.answer(LocalHttpServer.Response.of(503, ""));
        RecordingChannel window = new RecordingChannel("window");
        service = new AlertService(clock, Duration.ZERO)
                .addChannel(new WebhookChannel(server.url() + "/h", Duration.ofSeconds(10)), new RetryPolicy(2,
                        Duration.ofSeconds(1), Duration.ofSeconds(1)))
                .addChannel(window);
        service.onSignal(signal("RELIANCE", Side.BUY, 0));
        service.onSignal(signal("RELIANCE", Side.BUY, 1));
        Await.until("the window got both", () -> window.received.size() == 2);
        Await.until("the webhook delivered both, the first after its retry", () -> service.stats("webhook").delivered() == 2);
        assertThat(server.requests).hasSize(3);
    }
}
