package io.niftyscanner.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.niftyscanner.market.SessionCalendar;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** A real Java-WebSocket client against the sandbox's KiteTicker server, frames decoded by the test's own reader. */
class TickerEndToEndTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    private static String allTokens() {
        return Nifty50Universe.universe(List.of()).stream().map(s -> String.valueOf(s.token())).collect(Collectors.joining(","));
    }

    @Test
    void fullModeTicksForEveryInstrumentAreSaneAndInMarketTime() throws Exception {
        try (Fixture f = new Fixture(42, LocalTime.of(9, 15))) {
            WsTestClient c = f.ws();
            assertThat(c.opened).isTrue();
            c.send("{\"a\":\"subscribe\",\"v\":[" + allTokens() + "]}");
            c.send("{\"a\":\"mode\",\"v\":[\"full\",[" + allTokens() + "]]}");
            c.awaitFullSnapshot();
            int before = c.firstFullFrame() + 1;

            f.market.advance(Duration.ofMinutes(2));
            f.exchange.pump();
            WsTestClient.await(() -> c.tickFrames().size() >= before + 200, WAIT, "two minutes of ticks");

            long from = Fixture.ist(LocalTime.of(9, 15)) / 1000;
            long to = Fixture.ist(LocalTime.of(9, 17)) / 1000;
            Map<Long, Long> volume = new HashMap<>();
            Set<Long> seen = new HashSet<>();
            List<byte[]> frames = c.tickFrames(); // one copy: frames go on arriving while this reads them
            for (byte[] frame : frames.subList(before, frames.size())) {
                List<KiteWire.Packet> packets = KiteWire.decode(frame);
                assertThat(packets).isNotEmpty();
                Set<Long> inFrame = new HashSet<>();
                for (KiteWire.Packet p : packets) {
                    assertThat(inFrame.add(p.token())).as("one packet per instrument per frame").isTrue();
                    seen.add(p.token());
                    assertThat(p.exchangeTimestamp()).isBetween(from, to);
                    assertThat(p.lastPrice() % 5).isZero();
                    assertThat(p.low()).isLessThanOrEqualTo(p.lastPrice());
                    assertThat(p.high()).isGreaterThanOrEqualTo(p.lastPrice());
                    if (p.token() == Nifty50Universe.NIFTY_50_TOKEN) {
                        assertThat(p.length()).isEqualTo(32);
                        assertThat(p.lastPrice()).isBetween(2_000_000L, 3_200_000L);
                        continue;
                    }
                    assertThat(p.length()).isEqualTo(184);
                    assertThat(p.lastTradeTime()).isEqualTo(p.exchangeTimestamp());
                    assertThat(p.lastQuantity()).isPositive();
                    assertThat(p.close()).isPositive();
                    assertThat(p.averagePrice()).isBetween(p.low(), p.high());
                    KiteWire.Depth bid = p.bids().get(0);
                    KiteWire.Depth ask = p.asks().get(0);
                    assertThat(bid.price()).isLessThan(ask.price());
                    assertThat(bid.price()).isLessThanOrEqualTo(p.lastPrice());
                    assertThat(ask.price()).isGreaterThanOrEqualTo(p.lastPrice());
                    assertThat(p.bids().get(4).price()).isLessThan(bid.price());
                    assertThat(bid.quantity()).isPositive();
                    assertThat(bid.orders()).isPositive();
                    Long v = volume.put(p.token(), p.volume());
                    if (v != null) {
                        assertThat(p.volume()).as("cumulative volume of %d", p.token()).isGreaterThanOrEqualTo(v);
                    }
                }
            }
            assertThat(seen).hasSize(50);
            c.closeBlocking();
        }
    }

    @Test
    void newSubscriptionsStartInQuoteModeAndModesChangeThePacket() throws Exception {
        try (Fixture f = new Fixture(42, LocalTime.of(10, 0))) {
            WsTestClient c = f.ws();
            c.send("{\"a\":\"subscribe\",\"v\":[408065,256265,\"738561\"]}");
            WsTestClient.await(() -> c.tickFrames().size() >= 1, WAIT, "the subscribe snapshot");
            List<KiteWire.Packet> first = KiteWire.decode(c.tickFrames().get(0));
            assertThat(first).extracting(KiteWire.Packet::token).containsExactlyInAnyOrder(408065L, 256265L);
            assertThat(first).extracting(KiteWire.Packet::length).containsExactlyInAnyOrder(44, 28);

            c.send("{\"a\":\"mode\",\"v\":[\"ltp\",[408065,256265]]}");
            WsTestClient.await(() -> c.tickFrames().size() >= 2, WAIT, "the mode snapshot");
            assertThat(KiteWire.decode(c.tickFrames().get(1))).extracting(KiteWire.Packet::length).containsOnly(8);

            c.send("{\"a\":\"unsubscribe\",\"v\":[408065]}");
            // the server reads a socket's messages in order: the snapshot answering this mode message proves it read the
            // unsubscribe before it
            c.send("{\"a\":\"mode\",\"v\":[\"ltp\",[256265]]}");
            WsTestClient.await(() -> c.tickFrames().size() >= 3, WAIT, "the snapshot after the unsubscribe");
            assertThat(KiteWire.decode(c.tickFrames().get(2))).extracting(KiteWire.Packet::token).containsExactly(256265L);
            f.market.advance(Duration.ofSeconds(30));
            f.exchange.pump();
            WsTestClient.await(() -> c.tickFrames().size() >= 10, WAIT, "index ticks");
            Set<Long> tokens = new HashSet<>();
            c.tickFrames().subList(3, c.tickFrames().size()).forEach(fr -> KiteWire.decode(fr).forEach(p -> tokens.add(p.token())));
            assertThat(tokens).containsExactly(256265L);
        }
    }

    @Test
    void heartbeatsArriveAboutOnceASecondWithoutSubscriptions() throws Exception {
        long beforeStart = System.nanoTime();
        try (Fixture f = new Fixture(42, LocalTime.of(10, 0), true)) {
            WsTestClient c = f.ws();
            WsTestClient.await(() -> c.heartbeats() >= 2, WAIT, "two heartbeats");
            // at a fixed rate of one a second, never early: at most one per whole second since the exchange started
            // (a loaded machine may deliver late ones back to back, so only the upper bound is a property)
            long received = c.heartbeats();
            long wholeSeconds = Duration.ofNanos(System.nanoTime() - beforeStart).toSeconds();
            assertThat(received).isLessThanOrEqualTo(wholeSeconds);
            assertThat(c.frames).allMatch(fr -> fr.length == 1 && fr[0] == 0);
        }
    }

    @Test
    void badTokenGets403AndAFourthSocketGets429() throws Exception {
        try (Fixture f = new Fixture(42, LocalTime.of(10, 0))) {
            WsTestClient bad = WsTestClient.connect(f.exchange.wsUrl(), "sandbox", "wrong");
            assertThat(bad.opened).isFalse();
            assertThat(bad.closed.await(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            assertThat(bad.closeReason).contains("403");
            WsTestClient badKey = WsTestClient.connect(f.exchange.wsUrl(), "other", "sandbox");
            assertThat(badKey.opened).isFalse();

            List<WsTestClient> three = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                three.add(f.ws());
            }
            assertThat(three).allMatch(c -> c.opened);
            WsTestClient fourth = f.ws();
            assertThat(fourth.opened).isFalse();
            assertThat(fourth.closed.await(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            assertThat(fourth.closeReason).contains("429");

            three.get(0).closeBlocking();
            WsTestClient.await(() -> ((Number) ((Map<?, ?>) f.exchange.statsJson().get("websocket")).get("open")).intValue() == 2,
                    WAIT, "the server to see the close");
            assertThat(f.ws().opened).as("a slot frees up when a socket closes").isTrue();
            assertThat(((Map<?, ?>) f.exchange.statsJson().get("websocket")).get("rejected")).isEqualTo(3L);
        }
    }

    @Test
    void sameSeedSameBytesOnTheWire() throws Exception {
        List<byte[]> a = streamTenMinutes(99);
        List<byte[]> b = streamTenMinutes(99);
        List<byte[]> other = streamTenMinutes(100);

        assertThat(a).hasSizeGreaterThan(1000);
        assertThat(a).hasSameSizeAs(b);
        for (int i = 0; i < a.size(); i++) {
            assertThat(b.get(i)).isEqualTo(a.get(i));
        }
        assertThat(other.get(5)).isNotEqualTo(a.get(5));
    }

    @Test
    void atMostThreeThousandTokensPerConnection() throws Exception {
        try (Fixture f = new Fixture(42, LocalTime.of(10, 0))) {
            WsTestClient c = f.ws();
            StringBuilder many = new StringBuilder("408065");
            for (int i = 1; i <= 3000; i++) {
                many.append(',').append(10_000_000 + i);
            }
            c.send("{\"a\":\"subscribe\",\"v\":[" + many + "]}");
            WsTestClient.await(() -> !c.texts.isEmpty(), WAIT, "an error message");
            assertThat(c.texts.get(0)).contains("\"type\":\"error\"").contains("1 tokens not subscribed").contains("3000");
            c.send("{\"a\":\"subscribe\",\"v\":[738561]}");
            c.send("not json");
            WsTestClient.await(() -> c.texts.size() >= 3, WAIT, "two more errors");
            assertThat(c.texts.get(2)).contains("JSON");
        }
    }

    private static List<byte[]> streamTenMinutes(long seed) throws Exception {
        try (Fixture f = new Fixture(seed, LocalTime.of(11, 0))) {
            WsTestClient c = f.ws();
            c.send("{\"a\":\"subscribe\",\"v\":[" + allTokens() + "]}");
            c.send("{\"a\":\"mode\",\"v\":[\"full\",[" + allTokens() + "]]}");
            c.awaitFullSnapshot();
            for (int i = 0; i < 10; i++) {
                f.market.advance(Duration.ofMinutes(1));
                f.exchange.pump();
            }
            long expected = ((Number) f.exchange.statsJson().get("frames_sent")).longValue();
            WsTestClient.await(() -> c.tickFrames().size() >= expected, WAIT, "every frame");
            c.closeBlocking();
            assertThat(SessionCalendar.istDate(f.exchange.marketTimeMillis())).isEqualTo(Fixture.MONDAY);
            List<byte[]> all = c.tickFrames();
            return List.copyOf(all.subList(c.firstFullFrame() + 1, all.size())); // the market's own frames, not snapshots
        }
    }
}
