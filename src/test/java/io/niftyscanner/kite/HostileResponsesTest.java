package io.niftyscanner.kite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A broken or hostile Kite-compatible server (a real HTTP server on loopback, answering what no Kite would) cannot
 * exhaust the client: oversized bodies, announced or streamed, decompression bombs (gzip as transport encoding and
 * as the body itself), and numbers that explode when scaled. Each is refused with a clear error, with the app's
 * real limits. The timeouts only stop a regression from hanging the build; nothing here measures speed.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class HostileResponsesTest {
    private static final long MIB = 1024 * 1024;
    /** 200 MiB of zeros, gzipped: about 200 KB on the wire. */
    private static byte[] bomb;

    @FunctionalInterface
    interface Answer {
        void send(HttpExchange ex) throws IOException;
    }

    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private HttpServer server;
    private KiteRestClient client;

    @BeforeAll
    static void makeBomb() throws IOException {
        ByteArrayOutputStream packed = new ByteArrayOutputStream();
        byte[] zeros = new byte[1 << 20];
        try (GZIPOutputStream gz = new GZIPOutputStream(packed, 1 << 16)) {
            for (int i = 0; i < 200; i++) {
                gz.write(zeros);
            }
        }
        bomb = packed.toByteArray();
        assertThat(bomb.length).as("small on the wire").isLessThan(1 << 20);
    }

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", ex -> {
            try (ex) {
                Answer a = answers.get(ex.getRequestURI().getPath());
                if (a == null) {
                    ex.sendResponseHeaders(404, -1);
                } else {
                    a.send(ex);
                }
            } catch (IOException e) {
                // the client hung up once it had seen enough: that is the point
            }
        });
        server.start();
        client = new KiteRestClient(KiteHttp.shared(), "http://127.0.0.1:" + server.getAddress().getPort(),
                new KiteSession("key1", "tok"), new FakeTime().kiteTime(), RetryPolicy.DEFAULT);
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private static void stream(OutputStream out, String head, long totalBytes) throws IOException {
        byte[] chunk = new byte[64 * 1024];
        java.util.Arrays.fill(chunk, (byte) ' ');
        out.write(head.getBytes(StandardCharsets.UTF_8));
        for (long sent = head.length(); sent < totalBytes; sent += chunk.length) {
            out.write(chunk, 0, (int) Math.min(chunk.length, totalBytes - sent));
        }
    }

    @Test
    void aBodyAnnouncedLargerThanTheLimitIsRefusedBeforeItIsRead() {
        long size = 17 * MIB;
        answers.put("/quote", ex -> {
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.sendResponseHeaders(200, size);
            stream(ex.getResponseBody(), "{\"status\":\"success\",\"data\":{", size);
        });
        assertThatThrownBy(() -> client.quote(List.of("NSE:INFY"))).isInstanceOf(DataException.class)
                .hasMessageContaining("announces 17 MiB").hasMessageContaining("more than the 16 MiB the app accepts");
    }

    @Test
    void aStreamedBodyIsCutAtTheLimit() {
        answers.put("/instruments/historical/408065/minute", ex -> {
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.sendResponseHeaders(200, 0); // chunked: no size announced
            stream(ex.getResponseBody(), "{\"status\":\"success\",\"data\":{\"candles\":[", 40 * MIB);
        });
        assertThatThrownBy(() -> client.historical(408065, "minute", Instant.parse("2026-11-20T03:45:00Z"),
                Instant.parse("2026-11-24T10:00:00Z"))).isInstanceOf(DataException.class)
                .hasMessageContaining("instruments/historical").hasMessageContaining("is larger than the 16 MiB");
    }

    @Test
    void aGzipBombAsTransportEncodingIsCutAtTheLimitOfWhatItUnpacksTo() {
        answers.put("/instruments/NSE", ex -> {
            ex.getResponseHeaders().set("Content-Type", "text/csv");
            ex.getResponseHeaders().set("Content-Encoding", "gzip");
            ex.sendResponseHeaders(200, bomb.length);
            ex.getResponseBody().write(bomb);
        });
        assertThatThrownBy(() -> client.instruments("NSE")).isInstanceOf(DataException.class)
                .hasMessageContaining("instruments/NSE").hasMessageContaining("is larger than the 64 MiB");
        answers.put("/quote/ltp", answers.get("/instruments/NSE"));
        assertThatThrownBy(() -> client.ltp(List.of("NSE:INFY"))).isInstanceOf(DataException.class)
                .hasMessageContaining("is larger than the 16 MiB");
    }

    @Test
    void aGzipFileAsTheBodyIsUnpackedWithinTheSameLimit() {
        answers.put("/instruments", ex -> {
            ex.getResponseHeaders().set("Content-Type", "application/gzip");
            ex.sendResponseHeaders(200, bomb.length);
            ex.getResponseBody().write(bomb);
        });
        assertThatThrownBy(() -> client.instruments()).isInstanceOf(DataException.class)
                .hasMessageContaining("the instrument dump unpacks to more than the 64 MiB");
    }

    @Test
    void smallerLimitsCanBeSetAndAnswersWithinThemStillWork() throws IOException {
        String csv = "instrument_token,exchange_token,tradingsymbol,name,last_price,expiry,strike,tick_size,lot_size,"
                + "instrument_type,segment,exchange\n408065,1594,INFY,INFOSYS,0,,0,0.05,1,EQ,NSE,NSE\n";
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(csv.getBytes(StandardCharsets.UTF_8));
        }
        answers.put("/instruments/NSE", ex -> {
            ex.getResponseHeaders().set("Content-Type", "text/csv");
            ex.getResponseHeaders().set("Content-Encoding", "gzip");
            ex.sendResponseHeaders(200, gz.size());
            ex.getResponseBody().write(gz.toByteArray());
        });
        assertThat(client.instruments("NSE")).singleElement().satisfies(r -> assertThat(r.tradingsymbol()).isEqualTo("INFY"));
        KiteRestClient tight = client.withResponseLimits(new ResponseLimits(1024, 1024 + 10));
        answers.put("/instruments/NSE", ex -> {
            ex.getResponseHeaders().set("Content-Type", "text/csv");
            ex.sendResponseHeaders(200, 0);
            stream(ex.getResponseBody(), csv, 1024 + 11);
        });
        assertThatThrownBy(() -> tight.instruments("NSE")).hasMessageContaining("is larger than the 1034 bytes");
    }

    @Test
    void numbersThatExplodeWhenScaledAreRefused() {
        for (String number : new String[] {"1e999999999", "-1E+999999999", "1e-999999999", "7.5e45"}) {
            answers.put("/quote", ex -> {
                byte[] body = ("{\"status\":\"success\",\"data\":{\"NSE:INFY\":{\"instrument_token\":408065,"
                        + "\"last_price\":1573.7,\"volume\":" + number + "}}}").getBytes(StandardCharsets.UTF_8);
                ex.getResponseHeaders().set("Content-Type", "application/json");
                ex.sendResponseHeaders(200, body.length);
                ex.getResponseBody().write(body);
            });
            assertThatThrownBy(() -> client.quote(List.of("NSE:INFY"))).as(number).isInstanceOf(DataException.class)
                    .hasMessageContaining("number out of range");
        }
        answers.put("/quote", ex -> {
            byte[] body = ("{\"status\":\"success\",\"data\":{\"NSE:INFY\":{\"instrument_token\":408065,"
                    + "\"last_price\":1e30,\"volume\":5}}}").getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
        });
        assertThatThrownBy(() -> client.quote(List.of("NSE:INFY"))).isInstanceOf(DataException.class)
                .hasMessageContaining("NSE:INFY").hasMessageContaining("out of range");
    }

    @Test
    void ordinaryDecimalsAndExponentsStillParseExactly() {
        answers.put("/quote", ex -> {
            byte[] body = ("{\"status\":\"success\",\"data\":{\"NSE:INFY\":{\"instrument_token\":408065,"
                    + "\"last_price\":1.57370E+3,\"volume\":6161122183,\"buy_quantity\":0e-999999999,\"ohlc\":{\"open\":1560,\"high\":1580.050000000000000001,"
                    + "\"low\":1555.5,\"close\":1550.1}}}}").getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
        });
        Quote q = client.quote(List.of("NSE:INFY")).get("NSE:INFY");
        assertThat(q.lastPrice()).isEqualTo(157370);
        assertThat(q.high()).isEqualTo(158005);
        assertThat(q.volume()).isEqualTo(6161122183L);
        assertThat(q.buyQuantity()).as("a zero with a huge exponent is just zero").isZero();
    }
}
