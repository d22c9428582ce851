package io.niftyscanner.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

/** The upgrade answer as raw HTTP, the way every Kite client library sees it. */
class HandshakeStatusTest {

    private static String statusLine(int port, String query) throws Exception {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(5000);
            OutputStream out = s.getOutputStream();
            out.write(("GET /?" + query + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\n"
                    + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII)).readLine();
        }
    }

    @Test
    void badTokenIsRefusedWith403AndGoodOneSwitchesProtocols() throws Exception {
        try (Fixture f = new Fixture(1, LocalTime.of(10, 0))) {
            assertThat(statusLine(f.exchange.wsPort(), "api_key=sandbox&access_token=nope")).isEqualTo("HTTP/1.1 403 Forbidden");
            assertThat(statusLine(f.exchange.wsPort(), "api_key=sandbox")).isEqualTo("HTTP/1.1 403 Forbidden");
            assertThat(statusLine(f.exchange.wsPort(), "api_key=sandbox&access_token=sandbox")).startsWith("HTTP/1.1 101");
        }
    }
}
