package io.niftyscanner.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Each fault kind as a client observes it, through the control endpoint and the Java API. */
class FaultTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    private static Rest.Response fault(Fixture f, String kind, double seconds) {
        return new Rest(f.exchange.restUrl(), null, null).postJson("/__sandbox/fault",
                "{\"kind\":\"" + kind + "\",\"seconds\":" + seconds + "}");
    }

    private static WsTestClient subscribed(Fixture f) throws Exception {
        WsTestClient c = f.ws();
        c.send("{\"a\":\"subscribe\",\"v\":[408065,738561]}");
        WsTestClient.await(() -> c.tickFrames().size() >= 1, WAIT, "the snapshot");
        return c;
    }

    @Test
    void dropClosesEverySocketAbruptly() throws Exception {
        try (Fixture f = new Fixture(1, LocalTime.of(10, 0))) {
            WsTestClient a = subscribed(f);
            WsTestClient b = f.ws();
            assertThat(fault(f, "drop", 0).status()).isEqualTo(200);
            assertThat(a.closed.await(30, TimeUnit.SECONDS)).isTrue();
            assertThat(b.closed.await(30, TimeUnit.SECONDS)).isTrue();
            assertThat(a.closeCode).as("abnormal closure, no close frame").isEqualTo(1006);
            assertThat(f.ws().opened).as("reconnecting works").isTrue();
        }
    }

    @Test
    void stallSendsNothingThenResumes() throws Exception {
        try (Fixture f = new Fixture(1, LocalTime.of(10, 0))) {
            WsTestClient c = subscribed(f);
            f.exchange.sendHeartbeats();
            WsTestClient.await(() -> c.heartbeats() == 1, WAIT, "a heartbeat");
            assertThat(fault(f, "stall", 30).status()).isEqualTo(200);
            long framesBefore = sent(f, "frames_sent");
            f.market.advance(Duration.ofSeconds(20));
            f.exchange.pump();
            f.exchange.sendHeartbeats();
            assertThat(sent(f, "frames_sent")).as("no tick frame sent during the stall").isEqualTo(framesBefore);
            assertThat(sent(f, "heartbeats_sent")).as("no heartbeat sent during the stall").isEqualTo(1);

            f.wall.advance(Duration.ofSeconds(31));
            f.market.advance(Duration.ofSeconds(5));
            f.exchange.pump();
            f.exchange.sendHeartbeats();
            assertThat(sent(f, "frames_sent")).as("ticks again after the stall").isGreaterThan(framesBefore);
            // everything sent has arrived, so nothing arrived during the stall: it was never sent (no sleeping and looking)
            WsTestClient.await(() -> c.tickFrames().size() == sent(f, "frames_sent") && c.heartbeats() == sent(f, "heartbeats_sent"),
                    WAIT, "every frame sent");
            assertThat(c.heartbeats()).isEqualTo(2);
            assertThat(c.isOpen()).as("a stall keeps the socket open").isTrue();
        }
    }

    @Test
    void malformedFramesForTheDuration() throws Exception {
        try (Fixture f = new Fixture(1, LocalTime.of(10, 0))) {
            WsTestClient c = subscribed(f);
            int before = c.tickFrames().size();
            f.exchange.fault(FaultKind.MALFORMED, Duration.ofSeconds(10));
            f.market.advance(Duration.ofSeconds(10));
            f.exchange.pump();
            WsTestClient.await(() -> c.tickFrames().size() >= before + 6, WAIT, "frames during the fault");
            // every frame the pump sent must have arrived before the fault ends, or a late one is counted as "after"
            long sent = ((Number) f.exchange.statsJson().get("frames_sent")).longValue();
            WsTestClient.await(() -> c.tickFrames().size() >= sent, WAIT, "all frames sent during the fault");
            List<byte[]> framesNow = c.tickFrames(); // one copy: frames go on arriving while this reads them
            List<byte[]> bad = framesNow.subList(before, framesNow.size());
            for (byte[] frame : bad) {
                assertThat(decodes(frame)).as("frame of %d bytes is malformed", frame.length).isFalse();
            }
            f.wall.advance(Duration.ofSeconds(11));
            int after = c.tickFrames().size();
            f.market.advance(Duration.ofSeconds(10));
            f.exchange.pump();
            WsTestClient.await(() -> c.tickFrames().size() >= after + 6, WAIT, "frames after the fault");
            List<byte[]> framesAfter = c.tickFrames();
            for (byte[] frame : framesAfter.subList(after, framesAfter.size())) {
                assertThat(decodes(frame)).isTrue();
            }
        }
    }

    private static long sent(Fixture f, String stat) {
        return ((Number) f.exchange.statsJson().get(stat)).longValue();
    }

    private static boolean decodes(byte[] frame) {
        try {
            KiteWire.decode(frame);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Test
    void rateLimitAndServerErrorFaultsHitEveryRestRoute() throws Exception {
        try (Fixture f = new Fixture(1, LocalTime.of(10, 0))) {
            Rest rest = f.rest();
            assertThat(fault(f, "rate_limit", 5).status()).isEqualTo(200);
            assertThat(rest.get("/orders").status()).isEqualTo(429);
            assertThat(rest.get("/instruments").status()).isEqualTo(429);
            f.wall.advance(Duration.ofSeconds(6));
            assertThat(rest.get("/orders").status()).isEqualTo(200);

            f.exchange.fault(FaultKind.SERVER_ERROR, Duration.ofSeconds(5));
            Rest.Response get = rest.get("/quote?i=NSE:INFY");
            assertThat(get.status()).isEqualTo(503);
            assertThat(get.json().path("error_type").asText()).isEqualTo("NetworkException");
            assertThat(rest.postForm("/orders/regular", "tradingsymbol=INFY").status()).isEqualTo(500);
            assertThat(new Rest(f.exchange.restUrl(), null, null).get("/__sandbox/stats").status())
                    .as("control endpoints are never faulted").isEqualTo(200);
            assertThat(((Map<?, ?>) f.exchange.statsJson().get("faults")).keySet()).extracting(Object::toString).contains("server_error");
            fault(f, "clear", 0);
            assertThat(rest.get("/orders").status()).isEqualTo(200);
        }
    }

    @Test
    void expireTokenInvalidatesRestAndNewHandshakesButNotOpenSockets() throws Exception {
        try (Fixture f = new Fixture(1, LocalTime.of(10, 0))) {
            WsTestClient open = subscribed(f);
            assertThat(fault(f, "expire_token", 0).status()).isEqualTo(200);
            Rest.Response r = f.rest().get("/orders");
            assertThat(r.status()).isEqualTo(403);
            assertThat(r.json().path("error_type").asText()).isEqualTo("TokenException");
            WsTestClient again = f.ws();
            assertThat(again.opened).isFalse();
            assertThat(again.closed.await(30, TimeUnit.SECONDS)).isTrue();
            assertThat(again.closeReason).contains("403");
            assertThat(open.isOpen()).as("Kite does not kill open sockets on expiry").isTrue();
        }
    }

    @Test
    void badFaultRequestsAreExplained() throws Exception {
        try (Fixture f = new Fixture(1, LocalTime.of(10, 0))) {
            Rest.Response unknown = fault(f, "meteor", 1);
            assertThat(unknown.status()).isEqualTo(400);
            assertThat(unknown.json().path("message").asText()).contains("drop|stall|malformed|rate_limit|server_error|expire_token");
            assertThat(fault(f, "stall", 0).json().path("message").asText()).contains("seconds");
            Rest.Response notJson = new Rest(f.exchange.restUrl(), null, null).postJson("/__sandbox/fault", "kind=drop");
            assertThat(notJson.status()).isEqualTo(400);
        }
    }
}
