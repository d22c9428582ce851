package io.niftyscanner.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Historical candles come from the same simulator as the ticks: they must equal the streamed ticks, aggregated. */
class HistoricalConsistencyTest {
    private static final long FIVE_MIN = 300_000L;

    /** OHLCV per bucket start (epoch ms), volume as design.md 6 defines it from cumulative volume. */
    private static final class Aggregated {
        final Map<Long, long[]> buckets = new TreeMap<>();
        long lastCumulative;
        long baselineOfBucket;
        long currentBucket = -1;

        void add(long timeMillis, long price, long cumulative) {
            long bucket = Fixture.ist(LocalTime.of(9, 15)) + Math.floorDiv(timeMillis - Fixture.ist(LocalTime.of(9, 15)), FIVE_MIN) * FIVE_MIN;
            if (bucket != currentBucket) {
                baselineOfBucket = lastCumulative;
                currentBucket = bucket;
            }
            long[] c = buckets.get(bucket);
            if (c == null) {
                buckets.put(bucket, new long[] {price, price, price, price, cumulative - baselineOfBucket});
            } else {
                c[1] = Math.max(c[1], price);
                c[2] = Math.min(c[2], price);
                c[3] = price;
                c[4] = cumulative - baselineOfBucket;
            }
            lastCumulative = cumulative;
        }
    }

    @Test
    void fiveMinuteCandlesEqualTheAggregatedStream() throws Exception {
        try (Fixture f = new Fixture(5, LocalTime.of(9, 15))) {
            String tokens = Nifty50Universe.universe(List.of()).stream().map(s -> String.valueOf(s.token()))
                    .collect(Collectors.joining(","));
            WsTestClient c = f.ws();
            c.send("{\"a\":\"subscribe\",\"v\":[" + tokens + "]}");
            c.send("{\"a\":\"mode\",\"v\":[\"full\",[" + tokens + "]]}");
            c.awaitFullSnapshot();
            for (int i = 0; i < 26; i++) {
                f.market.advance(Duration.ofMinutes(1));
                f.exchange.pump();
            }
            long frames = ((Number) f.exchange.statsJson().get("frames_sent")).longValue();
            WsTestClient.await(() -> c.tickFrames().size() >= frames, Duration.ofSeconds(20), "all frames");

            Map<Long, Aggregated> byToken = new TreeMap<>();
            for (byte[] frame : c.tickFrames()) {
                for (KiteWire.Packet p : KiteWire.decode(frame)) {
                    if (p.exchangeTimestamp() == 0) {
                        continue; // the quote-mode snapshot sent on subscribe carries no timestamp
                    }
                    byToken.computeIfAbsent(p.token(), t -> new Aggregated()).add(p.exchangeTimestamp() * 1000, p.lastPrice(), p.volume());
                }
            }

            Rest rest = f.rest();
            for (long token : List.of(738561L, 408065L, 2815745L, 895745L, 256265L)) {
                f.wall.advance(Duration.ofSeconds(1));
                Rest.Response r = rest.get("/instruments/historical/" + token + "/5minute?from=2026-11-23+09:15:00&to=2026-11-23+09:35:00");
                assertThat(r.status()).as(r.text()).isEqualTo(200);
                JsonNode candles = r.json().path("data").path("candles");
                assertThat(candles).hasSize(5);
                Aggregated agg = byToken.get(token);
                int i = 0;
                for (Map.Entry<Long, long[]> e : agg.buckets.entrySet()) {
                    if (i == 5) {
                        break;
                    }
                    JsonNode k = candles.get(i++);
                    long[] v = e.getValue();
                    assertThat(k.get(0).asText()).isEqualTo(KiteTime.candle(e.getKey()));
                    assertThat(Math.round(k.get(1).asDouble() * 100)).as("open %d %s", token, k).isEqualTo(v[0]);
                    assertThat(Math.round(k.get(2).asDouble() * 100)).as("high %d %s", token, k).isEqualTo(v[1]);
                    assertThat(Math.round(k.get(3).asDouble() * 100)).as("low %d %s", token, k).isEqualTo(v[2]);
                    assertThat(Math.round(k.get(4).asDouble() * 100)).as("close %d %s", token, k).isEqualTo(v[3]);
                    assertThat(k.get(5).asLong()).as("volume %d %s", token, k).isEqualTo(token == 256265L ? 0 : v[4]);
                }
            }
            assertThat(candlesText(rest, f)).startsWith("[\"2026-11-23T09:15:00+0530\",");
        }
    }

    /**
     * The clock jumps seven minutes (a process that stood still, a test moving time) and history is asked for before
     * the background pump ran: the bucket that closed in the jump is served whole, as a sandbox that started after it
     * serves it, never as the forming candle the simulation had reached.
     */
    @Test
    void historyAskedRightAfterTheClockJumpedServesTheBucketsThatClosedInTheJumpWhole() throws Exception {
        String route = "/instruments/historical/738561/5minute?from=2026-11-23+10:00:00&to=2026-11-23+10:05:00";
        for (long seed : new long[] {7, 11, 23}) {
            JsonNode whole;
            try (Fixture later = new Fixture(seed, LocalTime.of(10, 11, 20))) {
                whole = later.rest().get(route).json().path("data").path("candles");
            }
            assertThat(whole).as("seed %d: 10:00 and 10:05", seed).hasSize(2);
            try (Fixture f = new Fixture(seed, LocalTime.of(10, 4, 20), true)) {
                Rest rest = f.rest();
                assertThat(rest.get(route).json().path("data").path("candles")).as("seed %d: 10:00 is forming", seed).hasSize(1);
                f.wall.advance(Duration.ofSeconds(1));
                f.market.advance(Duration.ofMinutes(7));
                JsonNode served = rest.get(route).json().path("data").path("candles");
                assertThat(served.get(0)).as("seed %d: the 10:00 candle, closed in the jump", seed).isEqualTo(whole.get(0));
                assertThat(served.get(1)).as("seed %d: 10:05, also closed", seed).isEqualTo(whole.get(1));
            }
        }
    }

    private static String candlesText(Rest rest, Fixture f) {
        f.wall.advance(Duration.ofSeconds(1));
        return rest.get("/instruments/historical/738561/5minute?from=2026-11-23+09:15:00&to=2026-11-23+09:15:00")
                .json().path("data").path("candles").get(0).toString();
    }

    @Test
    void pastSessionsAreCompleteAndTheSameForTheSameSeed() throws Exception {
        String a;
        try (Fixture f = new Fixture(5, LocalTime.of(9, 15))) {
            Rest.Response r = f.rest().get("/instruments/historical/738561/5minute?from=2026-11-19+00:00:00&to=2026-11-22+23:59:59");
            assertThat(r.status()).isEqualTo(200);
            JsonNode candles = r.json().path("data").path("candles");
            assertThat(candles).hasSize(2 * 75); // Thursday and Friday; the weekend has no session
            assertThat(candles.get(0).get(0).asText()).isEqualTo("2026-11-19T09:15:00+0530");
            assertThat(candles.get(74).get(0).asText()).isEqualTo("2026-11-19T15:25:00+0530");
            assertThat(candles.get(75).get(0).asText()).isEqualTo("2026-11-20T09:15:00+0530");
            a = candles.toString();
            f.wall.advance(Duration.ofSeconds(1));
            JsonNode day = f.rest().get("/instruments/historical/738561/day?from=2026-11-19&to=2026-11-20").json()
                    .path("data").path("candles");
            assertThat(day).hasSize(2);
            assertThat(day.get(0).get(0).asText()).isEqualTo("2026-11-19T00:00:00+0530");
            double high = 0;
            long volume = 0;
            for (int i = 0; i < 75; i++) {
                high = Math.max(high, candles.get(i).get(2).asDouble());
                volume += candles.get(i).get(5).asLong();
            }
            assertThat(day.get(0).get(2).asDouble()).isEqualTo(high);
            assertThat(day.get(0).get(5).asLong()).isEqualTo(volume);
        }
        try (Fixture f = new Fixture(5, LocalTime.of(14, 0))) {
            Rest.Response r = f.rest().get("/instruments/historical/738561/5minute?from=2026-11-19+00:00:00&to=2026-11-22+23:59:59");
            assertThat(r.json().path("data").path("candles").toString()).isEqualTo(a);
        }
    }
}
