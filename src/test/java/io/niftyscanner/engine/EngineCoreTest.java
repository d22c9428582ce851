package io.niftyscanner.engine;

import static io.niftyscanner.engine.Ist.t;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.niftyscanner.market.Candle;
import io.niftyscanner.market.CandleQuality;
import io.niftyscanner.market.Instrument;
import io.niftyscanner.market.SessionCalendar;
import io.niftyscanner.market.Side;
import io.niftyscanner.market.Signal;
import io.niftyscanner.market.Tick;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EngineCoreTest {
    private static final long TOKEN = 408065;
    private static final Instrument INFY = Instrument.nseEquity("INFY", TOKEN);
    private static final long FIVE_MIN = 300_000;
    private final RecordingListener listener = new RecordingListener();

    /** Below for bars before {@code crossBar}, above from it on: a BUY cross at crossBar with RSI 60. */
    private static IndicatorValues buyCrossAt(int bar, int crossBar) {
        return bar < crossBar ? new IndicatorValues(99, 100, 60, 2.0, bar) : new IndicatorValues(101, 100, 60, 2.0, bar);
    }

    private static long bucket(int k) {
        return t("09:15:00") + k * FIVE_MIN;
    }

    private EngineCore scripted(StrategyParams params, ScriptedIndicators[] holder, int crossBar, int formingCrossBar) {
        return new EngineCore(List.of(INFY), params, listener, SessionCalendar.withoutHolidays(), () -> {
            holder[0] = new ScriptedIndicators(bar -> buyCrossAt(bar, crossBar), bar -> buyCrossAt(bar, formingCrossBar));
            return holder[0];
        });
    }

    /** One tick per bucket at bucket start + 1 s, closing candles 0..n-1 (the tick of bucket n closes n-1). */
    private static void candles(EngineCore core, int from, int toExclusive) {
        for (int k = from; k <= toExclusive; k++) {
            core.onTick(new Tick(TOKEN, bucket(k) + 1000, 1000_00 + k * 10L, 1000L * (k + 1)));
        }
    }

    @Test
    void aCrossOnThe30thCandleFiresOnceWithProvenance() {
        ScriptedIndicators[] ind = new ScriptedIndicators[1];
        EngineCore core = scripted(StrategyParams.defaults(), ind, 29, Integer.MAX_VALUE);
        candles(core, 0, 40);
        assertThat(listener.signals).hasSize(1);
        Signal s = listener.signals.get(0);
        assertThat(s.side()).isEqualTo(Side.BUY);
        assertThat(s.candle().startMillis()).isEqualTo(bucket(29));
        assertThat(s.timeMillis()).isEqualTo(bucket(30) + 1000);
        assertThat(s.price()).isEqualTo(1000_00 + 290);
        assertThat(s.emaFastPrev()).isEqualTo(99);
        assertThat(s.emaSlowPrev()).isEqualTo(100);
        assertThat(s.emaFast()).isEqualTo(101);
        assertThat(s.rsi()).isEqualTo(60);
        assertThat(s.stop()).isCloseTo(1002.90 - 3.0, within(1e-9));
        assertThat(s.target()).isCloseTo(1002.90 + 6.0, within(1e-9));
        assertThat(s.intrabar()).isFalse();
        assertThat(s.rule()).isEqualTo("EMA9 crossed above EMA21, RSI14 in [50,70]");
        assertThat(s.thresholds()).containsEntry("rsi_buy_max", 70.0);
        assertThat(core.stats().signals()).isEqualTo(1);
    }

    @Test
    void aCrossOnThe29thCandleIsSuppressedByTheWarmUp() {
        ScriptedIndicators[] ind = new ScriptedIndicators[1];
        EngineCore core = scripted(StrategyParams.defaults(), ind, 28, Integer.MAX_VALUE);
        candles(core, 0, 40);
        assertThat(listener.signals).isEmpty();
        assertThat(listener.candles).hasSize(40);
    }

    @Test
    void intrabarChecksAreThrottledToOncePerFiveSecondsOfMarketTime() {
        ScriptedIndicators[] ind = new ScriptedIndicators[1];
        EngineCore core = scripted(StrategyParams.defaults().withIntrabar(true), ind, Integer.MAX_VALUE, Integer.MAX_VALUE);
        candles(core, 0, 29);  // 29 closed, bucket 29 forming
        int before = ind[0].previews;
        for (int s = 2; s <= 12; s++) {   // the check at +1 s was done above; next due at +6 s and +11 s
            core.onTick(new Tick(TOKEN, bucket(29) + s * 1000L, 1001_00, 100_000 + s));
        }
        assertThat(ind[0].previews - before).isEqualTo(2);
        core.onTick(new Tick(TOKEN, bucket(29) + 15_999, 1001_00, 200_000));
        assertThat(ind[0].previews - before).isEqualTo(2);
        core.onTick(new Tick(TOKEN, bucket(29) + 16_000, 1001_00, 200_000));
        assertThat(ind[0].previews - before).isEqualTo(3);
        assertThat(listener.signals).isEmpty();
    }

    @Test
    void anIntrabarSignalIsFlaggedAndTheCandleDoesNotSignalAgainWhenItCloses() {
        ScriptedIndicators[] ind = new ScriptedIndicators[1];
        EngineCore core = scripted(StrategyParams.defaults().withIntrabar(true), ind, 30, 30);
        candles(core, 0, 30);  // 30 closed, bucket 30 forming: its first check already sees the cross
        assertThat(listener.signals).hasSize(1);
        Signal s = listener.signals.get(0);
        assertThat(s.intrabar()).isTrue();
        assertThat(s.candle().startMillis()).isEqualTo(bucket(30));
        assertThat(s.timeMillis()).isEqualTo(bucket(30) + 1000);
        assertThat(s.key()).endsWith(":i");
        int previews = ind[0].previews;
        core.onTick(new Tick(TOKEN, bucket(30) + 20_000, 1001_00, 100_000));
        assertThat(ind[0].previews).as("no more checks once the candle signalled").isEqualTo(previews);
        core.onTick(new Tick(TOKEN, bucket(31) + 1000, 1001_00, 200_000));  // closes 30 with the same cross
        assertThat(listener.signals).hasSize(1);
    }

    @Test
    void aGappedFormingCandleCannotSignalAndRepairReplacesItWithTheExchangeCandle() {
        ScriptedIndicators[] ind = new ScriptedIndicators[1];
        EngineCore core = scripted(StrategyParams.defaults(), ind, 30, Integer.MAX_VALUE);
        candles(core, 0, 30);
        core.markGap(TOKEN, bucket(30) + 2000, bucket(30) + 60_000);
        assertThat(core.snapshot().view(TOKEN).forming().quality()).isEqualTo(CandleQuality.GAPPED);
        candles(core, 31, 32);  // closes 30 (gapped: no signal) and 31 (no cross any more)
        assertThat(listener.signals).isEmpty();
        Candle gapped = listener.candles.get(30);
        assertThat(gapped.quality()).isEqualTo(CandleQuality.GAPPED);

        Candle exchange = new Candle(0, bucket(30), 1000_00, 1010_00, 995_00, 1005_00, 7777, 0, CandleQuality.HISTORICAL);
        Candle untouched = new Candle(0, bucket(29), 1, 1, 1, 1, 1, 0, CandleQuality.HISTORICAL);
        assertThat(core.repair(TOKEN, List.of(exchange, untouched))).isEqualTo(1);
        assertThat(listener.repairs).hasSize(1);
        assertThat(listener.repairs.get(0)[0]).isEqualTo(gapped);
        Candle after = listener.repairs.get(0)[1];
        assertThat(after.quality()).isEqualTo(CandleQuality.REPAIRED);
        assertThat(after.token()).isEqualTo(TOKEN);
        assertThat(after.volume()).isEqualTo(7777);
        List<Candle> recent = core.snapshot().view(TOKEN).recentCandles();
        assertThat(recent).hasSize(32);
        assertThat(recent.get(30)).isEqualTo(after);
        assertThat(recent.get(29).quality()).isEqualTo(CandleQuality.COMPLETE);
        // indicators were recomputed from the repaired candle on: closes 30 and 31 re-added with the new close
        assertThat(ind[0].closes).hasSize(32);
        assertThat(ind[0].closes.get(30)).isEqualTo(1005.0);
        assertThat(core.stats().repairedCandles()).isEqualTo(1);
        assertThat(listener.signals).as("a repair of an older candle fires no signal").isEmpty();
    }

    @Test
    void aRepairedNewestCandleFiresTheSignalItCouldNotFireAtItsCloseOnce() {
        ScriptedIndicators[] ind = new ScriptedIndicators[1];
        EngineCore core = scripted(StrategyParams.defaults(), ind, 30, Integer.MAX_VALUE);
        candles(core, 0, 30);
        core.markGap(TOKEN, bucket(30) + 2000, bucket(30) + 60_000);
        core.onTick(new Tick(TOKEN, bucket(31) + 1000, 1000_00, 99_000)); // closes the gapped 30; 31 is forming
        assertThat(listener.signals).as("gapped candle cannot signal").isEmpty();

        core.onMarketTime(bucket(31) + 20_000);
        Candle exchange = new Candle(0, bucket(30), 1000_00, 1010_00, 995_00, 1005_00, 7777, 0, CandleQuality.HISTORICAL);
        assertThat(core.repair(TOKEN, List.of(exchange))).isEqualTo(1);
        assertThat(listener.signals).hasSize(1);
        Signal s = listener.signals.get(0);
        assertThat(s.candle().quality()).isEqualTo(CandleQuality.REPAIRED);
        assertThat(s.candle().startMillis()).isEqualTo(bucket(30));
        assertThat(s.price()).as("the exchange's close").isEqualTo(1005_00);
        assertThat(s.timeMillis()).as("raised at the market time of the repair").isEqualTo(bucket(31) + 20_000);

        core.markGap(TOKEN, bucket(30), bucket(30) + 1000);
        assertThat(core.repair(TOKEN, List.of(exchange))).as("repaired candles are not marked again").isZero();
        assertThat(listener.signals).as("never twice for one candle").hasSize(1);
    }

    @Test
    void repairRecomputesRealIndicatorsExactlyAsIfTheExchangeCandleHadBeenThereFromTheStart() {
        StrategyParams p = StrategyParams.defaults();
        EngineCore core = new EngineCore(List.of(INFY), p, listener);
        candles(core, 0, 10);
        core.markGap(TOKEN, bucket(4), bucket(4) + 10_000);
        Candle exchange = new Candle(TOKEN, bucket(4), 990_00, 1020_00, 985_00, 1015_00, 1, 0, CandleQuality.HISTORICAL);
        core.repair(TOKEN, List.of(exchange));
        IndicatorSet reference = IndicatorSets.ta4j(p).get();
        IndicatorValues expected = null;
        for (Candle c : core.snapshot().view(TOKEN).recentCandles()) {
            Candle used = c.startMillis() == bucket(4) ? exchange : c;
            expected = reference.add(used.highPrice(), used.lowPrice(), used.closePrice());
        }
        assertThat(core.snapshot().view(TOKEN).indicators()).isEqualTo(expected);
    }

    @Test
    void repairFillsACandleThatNeverFormedDuringAGap() {
        EngineCore core = new EngineCore(List.of(INFY), StrategyParams.defaults(), listener);
        core.onTick(new Tick(TOKEN, bucket(0) + 1000, 1000_00, 10));
        core.markGap(TOKEN, bucket(0) + 2000, bucket(2) + 30_000);
        core.onTick(new Tick(TOKEN, bucket(2) + 40_000, 1001_00, 30));
        core.onTick(new Tick(TOKEN, bucket(3) + 1000, 1002_00, 40));
        assertThat(listener.candles).extracting(Candle::quality)
                .containsExactly(CandleQuality.GAPPED, CandleQuality.GAPPED);
        Candle missing = new Candle(TOKEN, bucket(1), 1000_00, 1000_00, 1000_00, 1000_00, 5, 0, CandleQuality.HISTORICAL);
        Candle second = new Candle(TOKEN, bucket(2), 1000_00, 1001_00, 1000_00, 1001_00, 15, 0, CandleQuality.HISTORICAL);
        Candle first = new Candle(TOKEN, bucket(0), 1000_00, 1000_00, 1000_00, 1000_00, 10, 0, CandleQuality.HISTORICAL);
        assertThat(core.repair(TOKEN, List.of(second, missing, first))).isEqualTo(3);
        assertThat(listener.repairs.get(1)[0]).isNull();
        assertThat(core.snapshot().view(TOKEN).recentCandles()).extracting(Candle::startMillis)
                .containsExactly(bucket(0), bucket(1), bucket(2));
        assertThat(core.snapshot().view(TOKEN).indicators().barIndex()).isEqualTo(2);
    }

    @Test
    void historyPrimesIndicatorsWithoutSignalsAndLiveCandlesContinueTheSeries() {
        StrategyParams p = StrategyParams.defaults();
        EngineCore core = new EngineCore(List.of(INFY), p, listener);
        List<Candle> history = new ArrayList<>();
        long previousDay = Ist.at("2026-11-20T09:15:00");
        IndicatorSet reference = IndicatorSets.ta4j(p).get();
        for (int k = 0; k < 75; k++) {
            long close = 1000_00 + (long) (Math.sin(k / 5.0) * 2000);
            Candle c = new Candle(TOKEN, previousDay + k * FIVE_MIN, close, close + 50, close - 50, close, 100, 0, CandleQuality.HISTORICAL);
            history.add(c);
            reference.add(c.highPrice(), c.lowPrice(), c.closePrice());
        }
        assertThat(core.loadHistory(TOKEN, history)).isEqualTo(75);
        assertThat(listener.signals).isEmpty();
        assertThat(listener.candles).isEmpty();
        assertThat(core.snapshot().view(TOKEN).indicators().barIndex()).isEqualTo(74);
        core.onTick(new Tick(TOKEN, bucket(0) + 1, 1000_00, 10));
        core.onTick(new Tick(TOKEN, bucket(1) + 1, 1000_00, 20));
        IndicatorValues expected = reference.add(1000.0, 1000.0, 1000.0);
        assertThat(listener.values).containsExactly(expected);
        assertThat(expected.barIndex()).isEqualTo(75);
    }

    @Test
    void signalsMatchTheRuleAppliedToTa4jValuesOnARandomWalk() {
        StrategyParams p = StrategyParams.defaults();
        EngineCore core = new EngineCore(List.of(INFY), p, listener);
        java.util.Random random = new java.util.Random(7);
        long price = 1500_00;
        long volume = 0;
        for (int day = 0; day < 3; day++) {
            long open = Ist.at("2026-11-2" + (3 + day) + "T09:15:00");
            for (int s = 0; s < 22_500; s += 7) {
                double drift = Math.sin((day * 22_500 + s) / 2500.0) * 3;
                price = Math.max(100, price + Math.round((random.nextGaussian() + drift) * 5) * 5);
                volume += random.nextInt(50);
                core.onTick(new Tick(TOKEN, open + s * 1000L, price, volume));
            }
        }
        core.flush();
        assertThat(listener.candles).hasSize(225);
        IndicatorSet reference = IndicatorSets.ta4j(p).get();
        Strategy rule = new Strategy(p);
        List<String> expected = new ArrayList<>();
        IndicatorValues prev = null;
        for (Candle c : listener.candles) {
            IndicatorValues now = reference.add(c.highPrice(), c.lowPrice(), c.closePrice());
            boolean crossUp = prev != null && prev.emaFast() <= prev.emaSlow() && now.emaFast() > now.emaSlow();
            boolean crossDown = prev != null && prev.emaFast() >= prev.emaSlow() && now.emaFast() < now.emaSlow();
            if (now.barIndex() + 1 >= 30 && crossUp && now.rsi() >= 50 && now.rsi() <= 70) {
                expected.add("BUY@" + c.startMillis());
            } else if (now.barIndex() + 1 >= 30 && crossDown && now.rsi() >= 30 && now.rsi() <= 50) {
                expected.add("SELL@" + c.startMillis());
            }
            assertThat(rule.evaluate(prev, now) == null).isEqualTo(expected.isEmpty() || !expected.get(expected.size() - 1).endsWith("@" + c.startMillis()));
            prev = now;
        }
        List<String> actual = listener.signals.stream().map(s -> s.side() + "@" + s.candleStartMillis()).toList();
        assertThat(actual).isEqualTo(expected);
        assertThat(actual).isNotEmpty();
    }

    @Test
    void aHistoryCandleOfTheBucketStillFormingIsReplacedByTheLiveCandle() {
        StrategyParams p = StrategyParams.defaults();
        EngineCore core = new EngineCore(List.of(INFY), p, listener);
        List<Candle> history = new ArrayList<>();
        for (int k = 0; k < 5; k++) {  // bucket 4 is the one in progress when history was fetched
            history.add(new Candle(TOKEN, bucket(k), 1000_00, 1001_00, 999_00, 1000_00 + k, 10, 0, CandleQuality.HISTORICAL));
        }
        assertThat(core.loadHistory(TOKEN, history)).isEqualTo(5);
        core.onTick(new Tick(TOKEN, bucket(4) + 200_000, 1003_00, 5_000));
        core.onTick(new Tick(TOKEN, bucket(5) + 1000, 1004_00, 6_000));
        List<Candle> recent = core.snapshot().view(TOKEN).recentCandles();
        assertThat(recent).hasSize(5);
        assertThat(recent.get(4).quality()).isEqualTo(CandleQuality.PARTIAL);
        assertThat(recent.get(4).close()).isEqualTo(1003_00);
        IndicatorSet reference = IndicatorSets.ta4j(p).get();
        for (int k = 0; k < 4; k++) {
            reference.add(1001.0, 999.0, 1000.0 + k / 100.0);
        }
        assertThat(core.snapshot().view(TOKEN).indicators()).isEqualTo(reference.add(1003.0, 1003.0, 1003.0));
    }

    /** Candles 0..29 closed, bucket 30 passes without a tick, 31 misses its beginning, 32 closes complete; 33 forming. */
    private void outageAcrossBucket30(EngineCore core) {
        candles(core, 0, 29);
        core.markGap(TOKEN, bucket(30), bucket(31) + 500);
        core.onTick(new Tick(TOKEN, bucket(31) + 1000, 1001_00, 40_000));
        core.onTick(new Tick(TOKEN, bucket(32) + 1000, 1002_00, 41_000));
        core.onTick(new Tick(TOKEN, bucket(33) + 1000, 1003_00, 42_000));
    }

    @Test
    void noSignalFiresFromASeriesThatStillHasAGappedOrMissingCandle() {
        ScriptedIndicators[] ind = new ScriptedIndicators[1];
        EngineCore core = scripted(StrategyParams.defaults(), ind, 31, Integer.MAX_VALUE); // the cross lands on candle 32
        outageAcrossBucket30(core);
        assertThat(listener.candles).extracting(Candle::startMillis).doesNotContain(bucket(30));
        assertThat(listener.candles.get(listener.candles.size() - 1).startMillis()).isEqualTo(bucket(32));
        assertThat(listener.candles.get(listener.candles.size() - 1).quality()).isEqualTo(CandleQuality.COMPLETE);
        assertThat(listener.signals).as("its EMA and RSI include a gapped close and a missing candle").isEmpty();
        assertThat(core.snapshot().view(TOKEN).awaitingRepair()).as("31 gapped, 30 missing").isEqualTo(2);
        assertThat(core.snapshot().awaitingRepair()).isEqualTo(2);
    }

    @Test
    void theRepairThatCompletesTheSeriesLetsTheNewestCandleBeJudgedOnce() {
        ScriptedIndicators[] ind = new ScriptedIndicators[1];
        EngineCore core = scripted(StrategyParams.defaults(), ind, 32, Integer.MAX_VALUE); // bar 32 once 30 is filled in
        outageAcrossBucket30(core);
        core.onMarketTime(bucket(33) + 30_000);
        assertThat(listener.signals).isEmpty();
        Candle h30 = new Candle(TOKEN, bucket(30), 1000_00, 1001_00, 999_00, 1000_50, 900, 0, CandleQuality.HISTORICAL);
        Candle h31 = new Candle(TOKEN, bucket(31), 1000_50, 1001_50, 1000_00, 1001_00, 800, 0, CandleQuality.HISTORICAL);
        EngineCore.RepairResult r = core.repair(TOKEN, List.of(h30, h31), bucket(30), bucket(32) - 1);
        assertThat(r.changed()).isEqualTo(2);
        assertThat(r.changedBuckets()).containsExactly(bucket(30), bucket(31));
        assertThat(r.pending()).isFalse();
        assertThat(r.unresolved()).isEmpty();
        assertThat(core.snapshot().view(TOKEN).awaitingRepair()).isZero();
        assertThat(listener.signals).hasSize(1);
        Signal s = listener.signals.get(0);
        assertThat(s.candle().startMillis()).as("the newest closed candle").isEqualTo(bucket(32));
        assertThat(s.timeMillis()).isEqualTo(bucket(33) + 30_000);
        core.repair(TOKEN, List.of(h30, h31), bucket(30), bucket(32) - 1);
        assertThat(listener.signals).as("never twice").hasSize(1);
    }

    @Test
    void aRepairOfTheFormingBucketIsReportedPendingAndAnAbsentCandleUnresolved() {
        EngineCore core = new EngineCore(List.of(INFY), StrategyParams.defaults(), listener);
        outageAcrossBucket30(core);
        Candle h31 = new Candle(TOKEN, bucket(31), 1000_50, 1001_50, 1000_00, 1001_00, 800, 0, CandleQuality.HISTORICAL);
        EngineCore.RepairResult r = core.repair(TOKEN, List.of(h31), bucket(30), bucket(34) - 1);
        assertThat(r.changedBuckets()).containsExactly(bucket(31));
        assertThat(r.unresolved()).as("the exchange sent nothing for 30").containsExactly(bucket(30));
        assertThat(r.pendingFromMillis()).as("33 is still forming").isEqualTo(bucket(33));
    }
}
