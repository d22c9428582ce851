package io.niftyscanner.app;

import static io.niftyscanner.app.SandboxRig.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.niftyscanner.config.DataMode;
import io.niftyscanner.engine.InstrumentView;
import io.niftyscanner.feed.FeedState;
import io.niftyscanner.feed.FeedStatus;
import io.niftyscanner.market.Candle;
import io.niftyscanner.market.CandleQuality;
import io.niftyscanner.market.Instrument;
import io.niftyscanner.market.SessionCalendar;
import io.niftyscanner.market.Signal;
import io.niftyscanner.market.Timeframe;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The two feeds, the live mode switch and the hybrid schedule, against the embedded sandbox exchange. */
class FeedModesTest {
    private static final long BUCKET = Timeframe.FIVE_MINUTES.millis();

    @TempDir
    Path dir;

    private static long pollCycles(SandboxRig rig) {
        // a cycle is told by its next-cycle time; other status changes while polling (warm-up, repairs) repeat it
        return rig.statuses.stream().filter(s -> s.state() == FeedState.POLLING && s.pollCycleMillis() >= 0 && s.nextCycle() != null)
                .map(FeedStatus::nextCycle).distinct().count();
    }

    @Test
    void pollingAsksForAllInstrumentsWithOneQuoteRequestPerCycle() throws Exception {
        try (SandboxRig rig = new SandboxRig(dir, DataMode.POLL, 5, LocalTime.of(9, 30), Map.of())) {
            await("first polling cycle", Duration.ofSeconds(20), () -> pollCycles(rig) >= 1);
            long cycles0 = pollCycles(rig);
            long quotes0 = rig.requests("GET /quote");
            await("three more cycles", Duration.ofSeconds(20), () -> pollCycles(rig) >= cycles0 + 3);
            long cycles = pollCycles(rig) - cycles0;
            long quotes = rig.requests("GET /quote") - quotes0;
            assertThat(quotes).as("one /quote request per cycle for " + SandboxRig.INSTRUMENTS.size() + " instruments")
                    .isBetween(cycles, cycles + 1);
            assertThat(rig.requests("GET /instruments/historical")).as("no historical calls to build a cycle").isZero();
            FeedStatus last = rig.statuses.stream().filter(s -> s.pollCycleMillis() >= 0).reduce((a, b) -> b).orElseThrow();
            assertThat(last.activeFeed()).isEqualTo("poll");
            assertThat(last.nextCycle()).isNotNull();
            await("every instrument priced", Duration.ofSeconds(30), () -> rig.runtime.engine().snapshot().instruments().stream()
                    .allMatch(v -> v.lastPrice() > 0));
            assertThat(ScanCommand.EventPrinter.statusJson(last).get("poll_cycle_ms").asLong()).isEqualTo(last.pollCycleMillis());
        }
    }

    @Test
    void streamingFeedsTheEngineWithCandlesAlignedTo0915() throws Exception {
        try (SandboxRig rig = new SandboxRig(dir, DataMode.STREAM, 60, LocalTime.of(9, 15), Map.of())) {
            await("LIVE", Duration.ofSeconds(15), () -> rig.status().state() == FeedState.LIVE);
            await("two candles per instrument", Duration.ofSeconds(30),
                    () -> rig.candles.size() >= 2 * SandboxRig.INSTRUMENTS.size());
            for (Candle c : rig.candles) {
                long sinceOpen = c.startMillis() - SessionCalendar.sessionOpenMillis(SandboxRig.SESSION);
                assertThat(sinceOpen % BUCKET).as("aligned to 09:15").isZero();
                assertThat(sinceOpen).isGreaterThanOrEqualTo(0);
                assertThat(c.low()).isLessThanOrEqualTo(c.open()).isLessThanOrEqualTo(c.high());
                assertThat(c.volume()).isPositive();
            }
            Candle first = rig.candles.get(0);
            assertThat(first.startMillis()).isEqualTo(SessionCalendar.sessionOpenMillis(SandboxRig.SESSION));
            // a candle joined more than 2 s after it began is marked and then replaced by the exchange's candle
            await("repairs done", Duration.ofSeconds(20), () -> rig.runtime.repairer().pendingGaps() == 0);
            for (Instrument in : SandboxRig.INSTRUMENTS) {
                List<Candle> series = rig.runtime.engine().snapshot().view(in.token()).recentCandles();
                assertThat(series.get(0).startMillis()).isEqualTo(first.startMillis());
                assertThat(series).as(in.symbol() + ": every candle complete or repaired")
                        .allMatch(c -> c.quality() == CandleQuality.COMPLETE || c.quality() == CandleQuality.REPAIRED);
            }
            assertThat(rig.runtime.view().ticks()).isGreaterThan(100);
        }
    }

    @Test
    void joiningMidCandleMarksThatCandleAndRepairsItFromTheExchange() throws Exception {
        try (SandboxRig rig = new SandboxRig(dir, DataMode.STREAM, 30, LocalTime.of(10, 2, 30), Map.of())) {
            long tenOClock = SessionCalendar.sessionOpenMillis(SandboxRig.SESSION) + 45 * 60_000L;
            await("the joined candle closed and was repaired", Duration.ofSeconds(30),
                    () -> rig.repaired.size() >= SandboxRig.INSTRUMENTS.size() && rig.runtime.repairer().pendingGaps() == 0);
            for (Instrument in : SandboxRig.INSTRUMENTS) {
                Candle joined = rig.runtime.engine().snapshot().view(in.token()).recentCandles().get(0);
                assertThat(joined.startMillis()).isEqualTo(tenOClock);
                assertThat(joined.quality()).isEqualTo(CandleQuality.REPAIRED);
                Candle h = rig.runtime.rest().historical(in.token(), "5minute", Instant.ofEpochMilli(tenOClock),
                        Instant.ofEpochMilli(tenOClock + 299_000)).get(0);
                assertThat(List.of(joined.open(), joined.high(), joined.low(), joined.close(), joined.volume()))
                        .as(in.symbol() + ": the exchange's 10:00 candle, not the 2.5 minutes we saw")
                        .isEqualTo(List.of(h.open(), h.high(), h.low(), h.close(), h.volume()));
            }
            assertThat(rig.runtime.journal().gaps()).anyMatch(g -> g.reason().contains("joined mid-candle") && g.repaired());
        }
    }

    @Test
    void switchingModesMidCandleKeepsOneContinuousSeriesAndNeverRepeatsASignal() throws Exception {
        try (SandboxRig rig = new SandboxRig(dir, DataMode.STREAM, 60, LocalTime.of(9, 15), Map.of())) {
            long open = SessionCalendar.sessionOpenMillis(SandboxRig.SESSION);
            await("first candle", Duration.ofSeconds(20), () -> rig.candles.size() >= SandboxRig.INSTRUMENTS.size());
            await("mid-candle", Duration.ofSeconds(10), () -> (rig.runtime.clock().now() - open) % BUCKET > BUCKET / 3);
            rig.runtime.switchMode(DataMode.POLL);
            await("polling", Duration.ofSeconds(10), () -> "poll".equals(rig.status().activeFeed()) && rig.status().pollCycleMillis() >= 0);
            long switchBack = rig.runtime.clock().now() + BUCKET + BUCKET / 2;
            await("1.5 candles of polling", Duration.ofSeconds(20), () -> rig.runtime.clock().now() > switchBack);
            rig.runtime.switchMode(DataMode.STREAM);
            await("streaming again", Duration.ofSeconds(10), () -> rig.status().state() == FeedState.LIVE);
            long end = rig.runtime.clock().now() + BUCKET + BUCKET / 2;
            await("another candle streamed", Duration.ofSeconds(20), () -> rig.runtime.clock().now() > end);
            await("every gap repaired", Duration.ofSeconds(30), () -> rig.runtime.repairer().pendingGaps() == 0
                    && rig.runtime.repairer().repairs() >= 1);

            for (Instrument in : SandboxRig.INSTRUMENTS) {
                InstrumentView v = rig.runtime.engine().snapshot().view(in.token());
                List<Candle> series = v.recentCandles();
                assertThat(series.size()).isGreaterThanOrEqualTo(4);
                for (int i = 1; i < series.size(); i++) {
                    assertThat(series.get(i).startMillis() - series.get(i - 1).startMillis())
                            .as(in.symbol() + ": one continuous series, no missing or doubled candle").isEqualTo(BUCKET);
                }
                assertThat(series).as(in.symbol() + ": nothing left marked").noneMatch(c -> c.quality() == CandleQuality.GAPPED);
                assertThat(series).as("the polled stretch was repaired").anyMatch(c -> c.quality() == CandleQuality.REPAIRED);
                List<Candle> exchange = rig.runtime.rest().historical(in.token(), "5minute",
                        Instant.ofEpochMilli(series.get(0).startMillis()), Instant.ofEpochMilli(series.get(series.size() - 1).startMillis()));
                for (Candle c : series) {
                    if (c.quality() == CandleQuality.REPAIRED) {
                        Candle h = exchange.stream().filter(x -> x.startMillis() == c.startMillis()).findFirst().orElseThrow();
                        assertThat(List.of(c.open(), c.high(), c.low(), c.close(), c.volume()))
                                .as(in.symbol() + " repaired candle equals the exchange's")
                                .isEqualTo(List.of(h.open(), h.high(), h.low(), h.close(), h.volume()));
                    }
                }
            }
            Set<String> keys = new HashSet<>();
            for (Signal s : rig.signals) {
                assertThat(keys.add(s.token() + "@" + s.candleStartMillis())).as("one signal per symbol per candle").isTrue();
            }
            assertThat(rig.runtime.supervisor().switches()).isEqualTo(2);
        }
    }

    @Test
    void hybridFollowsTheScheduleOnTheExchangeClock() throws Exception {
        // how promptly it switches is tested on a frozen market clock (HybridSwitchTest); here, against a real exchange,
        // that it switches on the exchange's clock: never before 10:00, and back to streaming in the next window
        Map<String, String> schedule = Map.of("hybrid.stream.windows", "09:15-10:00,10:03-15:30");
        try (SandboxRig rig = new SandboxRig(dir, DataMode.HYBRID, 20, LocalTime.of(9, 59, 20), schedule)) {
            await("streams before 10:00", Duration.ofSeconds(10), () -> "stream".equals(rig.status().activeFeed()));
            await("polls from 10:00", Duration.ofSeconds(60), () -> "poll".equals(rig.status().activeFeed()));
            long ten = SessionCalendar.sessionOpenMillis(SandboxRig.SESSION) + 45 * 60_000L;
            assertThat(marketTimeWhenFeedBecame(rig, "poll")).as("switched at 10:00 market time or after, inside the gap")
                    .isBetween(ten, ten + 3 * 60_000L);
            await("streams again from 10:03", Duration.ofSeconds(60), () -> "stream".equals(rig.status().activeFeed())
                    && rig.statuses.stream().filter(s -> "stream".equals(s.activeFeed())).count() > 2);
            assertThat(marketTimeWhenFeedBecame(rig, "stream", ten)).isGreaterThanOrEqualTo(ten + 3 * 60_000L);
            assertThat(rig.statuses).allMatch(s -> s.mode() == DataMode.HYBRID);
        }
    }

    private static long marketTimeWhenFeedBecame(SandboxRig rig, String feed) {
        return marketTimeWhenFeedBecame(rig, feed, Long.MIN_VALUE);
    }

    /** The market time of the first status after {@code afterMillis} showing the feed. */
    private static long marketTimeWhenFeedBecame(SandboxRig rig, String feed, long afterMillis) {
        for (int i = 0; i < rig.statuses.size(); i++) {
            if (rig.statusMarketTimes.get(i) > afterMillis && feed.equals(rig.statuses.get(i).activeFeed())) {
                return rig.statusMarketTimes.get(i);
            }
        }
        throw new AssertionError("never saw feed " + feed);
    }
}
