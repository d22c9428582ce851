package io.niftyscanner.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalTime;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.handshake.ServerHandshake;
import org.junit.jupiter.api.Test;

/**
 * What a web page in a browser on the same machine can send the sandbox (it listens on 127.0.0.1, which the browser
 * reaches too), and that it is refused: a text/plain control POST (no preflight needed), a request under a foreign
 * Host (DNS rebinding), a ticker handshake from a foreign Origin, a login redirect to a URL of its choosing.
 */
class SandboxGuardTest {

    /** One raw HTTP/1.1 request, so the Host header is exactly what a rebinding browser would send. */
    private static String raw(int port, String request) throws Exception {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            in.transferTo(got);
            return got.toString(StandardCharsets.UTF_8);
        }
    }

    private static String faultPost(int port, String host, String contentType) throws Exception {
        String body = "{\"kind\":\"server_error\",\"seconds\":60}";
        return raw(port, "POST /__sandbox/fault HTTP/1.1\r\nHost: " + host + "\r\nContent-Type: " + contentType
                + "\r\nContent-Length: " + body.length() + "\r\nConnection: close\r\n\r\n" + body);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> faults(Fixture f) {
        return (Map<String, Object>) f.exchange.statsJson().get("faults");
    }

    @Test
    void aTextPlainControlPostIsRefusedAndChangesNothing() throws Exception {
        try (Fixture f = new Fixture(1, LocalTime.of(10, 0))) {
            Rest anon = new Rest(f.exchange.restUrl(), null, null);
            Rest.Response plain = anon.post("/__sandbox/fault", "text/plain;charset=UTF-8", "{\"kind\":\"server_error\",\"seconds\":60}");
            assertThat(plain.status()).isEqualTo(415);
            assertThat(plain.json().path("message").asText()).contains("application/json");
            Rest.Response form = anon.post("/__sandbox/fault", "application/x-www-form-urlencoded", "{\"kind\":\"drop\"}");
            assertThat(form.status()).isEqualTo(415);
            assertThat(faults(f)).isEmpty();
            assertThat(f.rest().get("/quote/ltp?i=NSE:INFY").status()).as("no fault was injected").isEqualTo(200);
            assertThat(f.exchange.statsJson().get("refused")).isEqualTo(2L);

            assertThat(anon.post("/__sandbox/fault", "application/json; charset=utf-8", "{\"kind\":\"server_error\",\"seconds\":60}")
                    .status()).as("the same request as JSON works").isEqualTo(200);
            assertThat(faults(f)).containsKey("server_error");
        }
    }

    @Test
    void aForeignHostIsRefusedOnEveryRoute() throws Exception {
        try (Fixture f = new Fixture(1, LocalTime.of(10, 0))) {
            int port = f.exchange.restPort();
            String rebound = faultPost(port, "attacker.example:" + port, "application/json");
            assertThat(rebound).startsWith("HTTP/1.1 403").contains("PermissionException").contains("attacker.example");
            assertThat(faults(f)).isEmpty();
            assertThat(raw(port, "GET /__sandbox/stats HTTP/1.1\r\nHost: attacker.example\r\nConnection: close\r\n\r\n"))
                    .startsWith("HTTP/1.1 403");
            assertThat(raw(port, "GET /quote/ltp?i=NSE:INFY HTTP/1.1\r\nHost: 10.0.0.7:" + port
                    + "\r\nAuthorization: token sandbox:sandbox\r\nConnection: close\r\n\r\n")).startsWith("HTTP/1.1 403");
            assertThat(raw(port, "GET /connect/approve?api_key=sandbox HTTP/1.1\r\nHost: attacker.example\r\nConnection: close\r\n\r\n"))
                    .startsWith("HTTP/1.1 403");
            assertThat(f.exchange.statsJson().get("refused")).isEqualTo(4L);

            for (String host : new String[] {"127.0.0.1:" + port, "localhost:" + port, "[::1]:" + port, "127.0.0.1"}) {
                assertThat(raw(port, "GET /__sandbox/stats HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n"))
                        .as(host).startsWith("HTTP/1.1 200");
            }
            assertThat(faultPost(port, "127.0.0.1:" + port, "application/json")).startsWith("HTTP/1.1 200");
            assertThat(faults(f)).containsKey("server_error");
        }
    }

    /** A ticker client that sends the headers a browser page would. */
    private static final class BrowserLikeSocket extends WebSocketClient {
        volatile boolean opened;
        volatile String closeReason = "";

        BrowserLikeSocket(String wsUrl, Map<String, String> headers) {
            super(URI.create(wsUrl + "/?api_key=sandbox&access_token=sandbox"), headers);
        }

        @Override
        public void onOpen(ServerHandshake h) {
            opened = true;
        }

        @Override
        public void onMessage(String message) {}

        @Override
        public void onClose(int code, String reason, boolean remote) {
            closeReason = reason == null ? "" : reason;
        }

        @Override
        public void onError(Exception ex) {}
    }

    private static BrowserLikeSocket connect(Fixture f, Map<String, String> headers) throws Exception {
        BrowserLikeSocket s = new BrowserLikeSocket(f.exchange.wsUrl(), headers);
        s.connectBlocking(5, TimeUnit.SECONDS);
        return s;
    }

    @Test
    void theTickerRefusesAForeignOriginAndAcceptsAppsAndItsOwnPages() throws Exception {
        try (Fixture f = new Fixture(1, LocalTime.of(10, 0))) {
            BrowserLikeSocket page = connect(f, Map.of("Origin", "http://attacker.example"));
            assertThat(page.opened).isFalse();
            assertThat(page.closeReason).contains("403");
            BrowserLikeSocket otherLocalPage = connect(f, Map.of("Origin", "http://127.0.0.1:1"));
            assertThat(otherLocalPage.opened).as("a page of another local server").isFalse();
            BrowserLikeSocket nullOrigin = connect(f, Map.of("Origin", "null"));
            assertThat(nullOrigin.opened).as("a sandboxed iframe or file:// page").isFalse();
            assertThat(f.exchange.statsJson().get("refused")).isEqualTo(3L);

            assertThat(connect(f, Map.of()).opened).as("an app sends no Origin").isTrue();
            assertThat(connect(f, Map.of("Origin", f.exchange.restUrl())).opened).as("the sandbox's own page").isTrue();
        }
    }

    @Test
    void theHandshakeRefusesAForeignOriginWith403() throws Exception {
        try (Fixture f = new Fixture(1, LocalTime.of(10, 0))) {
            int port = f.exchange.wsPort();
            String answer = raw(port, "GET /?api_key=sandbox&access_token=sandbox HTTP/1.1\r\nHost: 127.0.0.1:" + port
                    + "\r\nOrigin: https://attacker.example\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n");
            assertThat(answer).startsWith("HTTP/1.1 403").contains("PermissionException").contains("attacker.example");
        }
    }

    @Test
    void approveRedirectsOnlyToTheConfiguredUrlAndPassesRedirectParamsBack() throws Exception {
        try (SandboxExchange x = SandboxExchange.start(SandboxOptions.defaults().withAutoPump(false)
                .withRedirectUrl("http://127.0.0.1:5123/cb"))) {
            Rest anon = new Rest(x.restUrl(), null, null);
            Rest.Response elsewhere = anon.get("/connect/approve?api_key=sandbox&redirect_url=https%3A%2F%2Fattacker.example%2F");
            assertThat(elsewhere.status()).isEqualTo(400);
            assertThat(elsewhere.headers().firstValue("Location")).isEmpty();
            assertThat(elsewhere.text()).contains("http://127.0.0.1:5123/cb").contains("--redirect-url");

            Rest.Response ok = anon.get("/connect/approve?api_key=sandbox&redirect_params=state%3Dab%2Bc%26x%3D%253Cs%253E");
            assertThat(ok.status()).isEqualTo(302);
            String location = ok.headers().firstValue("Location").orElseThrow();
            assertThat(location).matches("http://127\\.0\\.0\\.1:5123/cb\\?action=login&type=login&status=success"
                    + "&request_token=[A-Za-z0-9]{32}&state=ab\\+c&x=%3Cs%3E");
        }
    }
}
