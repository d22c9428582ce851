package io.niftyscanner.app;

import static io.niftyscanner.app.SandboxRig.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.niftyscanner.config.DataMode;
import io.niftyscanner.engine.InstrumentView;
import io.niftyscanner.feed.FeedStatus;
import io.niftyscanner.journal.Journal;
import io.niftyscanner.market.Candle;
import io.niftyscanner.market.CandleQuality;
import io.niftyscanner.market.Instrument;
import io.niftyscanner.market.SessionCalendar;
import io.niftyscanner.sandbox.SandboxOptions;
import io.niftyscanner.tools.Ta4jReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Indicators are ready at 09:15 from the historical route, and a restart fetches only what is missing. */
class WarmUpTest {
    @TempDir
    Path dir;

    private SandboxRig start() throws Exception {
        return start(7);
    }

    private SandboxRig start(long seed) throws Exception {
        SandboxOptions sandbox = SandboxOptions.defaults().withSpeed(1).withSeed(seed).withStart(SandboxRig.SESSION, LocalTime.of(9, 15));
        return new SandboxRig(dir, DataMode.STREAM, sandbox, Map.of("strategy.warmup.days", "2"), true);
    }

    private static String warmUpMessage(SandboxRig rig) {
        return rig.statuses.stream().map(FeedStatus::message).filter(m -> m != null && m.startsWith("Warm-up done"))
                .findFirst().orElseThrow();
    }

    /** The engine's EMA 9, EMA 21 and RSI 14 equal ta4j's on the sandbox's own historical candles of the warm-up window. */
    private static void assertIndicatorsFromTheExchangesHistory(SandboxRig rig, Instrument in) {
        InstrumentView v = rig.runtime.engine().snapshot().view(in.token());
        List<Candle> series = v.recentCandles();
        List<Candle> exchange = rig.runtime.rest().historical(in.token(), "5minute", Instant.ofEpochMilli(WINDOW_START),
                Instant.ofEpochMilli(series.get(series.size() - 1).startMillis()));
        assertThat(exchange).hasSize(2 * 75);
        Ta4jReference.Values expected = Ta4jReference.at(exchange, 9, 21, 14);
        assertThat(v.indicators().emaFast()).as(in.symbol() + " EMA 9").isCloseTo(expected.emaFast(), within(1e-9));
        assertThat(v.indicators().emaSlow()).as(in.symbol() + " EMA 21").isCloseTo(expected.emaSlow(), within(1e-9));
        assertThat(v.indicators().rsi()).as(in.symbol() + " RSI 14").isCloseTo(expected.rsi(), within(1e-9));
    }

    private static final long WINDOW_START = SessionCalendar.sessionOpenMillis(LocalDate.of(2026, 11, 19));

    @Test
    void aSecondSandboxMarketInTheSameDataDirWarmsUpFromItsOwnHistory() throws Exception {
        try (SandboxRig first = start(13)) {
            await("warm-up of seed 13", Duration.ofSeconds(30), () -> warmedUp(first));
        }
        try (SandboxRig second = start(14)) {
            await("warm-up of seed 14", Duration.ofSeconds(30), () -> warmedUp(second));
            assertThat(second.requests("GET /instruments/historical")).as("seed 13's candles are not seed 14's: "
                            + second.runtime.sandbox().statsJson())
                    .isEqualTo(SandboxRig.INSTRUMENTS.size());
            for (Instrument in : SandboxRig.INSTRUMENTS) {
                assertIndicatorsFromTheExchangesHistory(second, in);
            }
        }
    }

    @Test
    void aCachedSeriesTheExchangeNoLongerAgreesWithIsFetchedAfreshAndTheJournalSaysWhy() throws Exception {
        String market;
        try (SandboxRig first = start(7)) {
            await("first warm-up", Duration.ofSeconds(30), () -> warmedUp(first));
            market = first.runtime.market();
        }
        assertThat(market).startsWith("sandbox:").contains("seed7");
        Instrument infy = SandboxRig.INSTRUMENTS.get(1);
        // since the cache was written, a 1:1 bonus made the exchange halve INFY's history: the cache holds twice its prices
        try (Journal journal = Journal.open(dir.resolve("journal-sandbox.db"))) {
            List<Candle> cached = journal.candles(market, infy.token(), 0, Long.MAX_VALUE);
            assertThat(cached).hasSize(2 * 75);
            journal.saveCandles(market, cached.stream().map(c -> new Candle(c.token(), c.startMillis(), 2 * c.open(), 2 * c.high(),
                    2 * c.low(), 2 * c.close(), c.volume() / 2, 0, c.quality())).toList());
        }
        try (SandboxRig second = start(7)) {
            await("second warm-up", Duration.ofSeconds(30), () -> warmedUp(second));
            assertThat(second.requests("GET /quote")).as("one request checks every cached series (and orders them by liquidity)").isEqualTo(1);
            assertThat(second.requests("GET /instruments/historical")).as("only INFY is fetched again").isEqualTo(1);
            assertThat(warmUpMessage(second)).contains("1 instrument refetched: previous close differs from the cache");
            assertThat(second.runtime.journal().cacheRefetches()).singleElement().satisfies(r -> {
                assertThat(r.token()).isEqualTo(infy.token());
                assertThat(r.market()).isEqualTo(market);
                assertThat(r.reason()).contains("previous close").contains("split or bonus");
            });
            for (Instrument in : SandboxRig.INSTRUMENTS) {
                assertIndicatorsFromTheExchangesHistory(second, in);
            }
        }
    }

    private static boolean warmedUp(SandboxRig rig) {
        return rig.statuses.stream().anyMatch(s -> s.message() != null && s.message().startsWith("Warm-up done"));
    }

    @Test
    void indicatorsAreReadyAt0915AndARestartFetchesNothingAgain() throws Exception {
        long firstFetch;
        try (SandboxRig rig = start()) {
            await("warm-up", Duration.ofSeconds(30), () -> warmedUp(rig));
            firstFetch = rig.requests("GET /instruments/historical");
            assertThat(firstFetch).as("one request per instrument: " + rig.runtime.sandbox().statsJson())
                    .isEqualTo(SandboxRig.INSTRUMENTS.size());
            LocalDate first = LocalDate.of(2026, 11, 19); // two trading days before Monday 23 November
            for (Instrument in : SandboxRig.INSTRUMENTS) {
                InstrumentView v = rig.runtime.engine().snapshot().view(in.token());
                assertThat(v.indicators()).as(in.symbol() + " indicators at 09:15").isNotNull();
                List<Candle> series = v.recentCandles();
                assertThat(series).hasSize(2 * 75);
                assertThat(series.get(0).startMillis()).isEqualTo(SessionCalendar.sessionOpenMillis(first));
                assertThat(series.get(series.size() - 1).startMillis())
                        .isEqualTo(SessionCalendar.sessionOpenMillis(LocalDate.of(2026, 11, 20)) + 74 * 300_000L);
                assertThat(series).allMatch(c -> c.quality() == CandleQuality.HISTORICAL);
                assertThat(v.indicators().candleNumber()).as("past the 30-candle warm-up rule").isGreaterThanOrEqualTo(30);
                Candle h = rig.runtime.rest().historical(in.token(), "5minute", Instant.ofEpochMilli(series.get(100).startMillis()),
                        Instant.ofEpochMilli(series.get(100).startMillis() + 299_000)).get(0);
                assertThat(series.get(100).close()).isEqualTo(h.close());
            }
            assertThat(Files.exists(dir.resolve("journal-sandbox.db"))).as("simulated data in its own journal").isTrue();
            assertThat(Files.exists(dir.resolve("journal.db"))).isFalse();
        }
        try (SandboxRig rig = start()) {
            await("warm-up again", Duration.ofSeconds(30), () -> warmedUp(rig));
            assertThat(rig.requests("GET /instruments/historical")).as("everything came from the journal's cache").isZero();
            for (Instrument in : SandboxRig.INSTRUMENTS) {
                assertThat(rig.runtime.engine().snapshot().view(in.token()).recentCandles()).hasSize(2 * 75);
            }
        }
    }
}
