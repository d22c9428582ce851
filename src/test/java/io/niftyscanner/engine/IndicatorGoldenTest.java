package io.niftyscanner.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.function.Supplier;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.indicators.ATRIndicator;
import org.ta4j.core.indicators.EMAIndicator;
import org.ta4j.core.indicators.RSIIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.num.DoubleNum;

class IndicatorGoldenTest {
    /** (high, low, close) of a tiny series; the expected values below are worked out by hand. */
    private static final double[][] TINY = {{10.5, 9.5, 10}, {11.5, 10.5, 11}, {12.5, 11, 12}, {12, 10.8, 11}};

    private static Supplier<IndicatorSet> factory(String kind, int ema, int rsi, int atr) {
        StrategyParams p = new StrategyParams(ema, ema + 1, rsi, 50, 70, 30, 50, 30, atr, 1.5, 3, false, 5000, 2000);
        return kind.equals("ta4j") ? IndicatorSets.ta4j(p) : IndicatorSets.incremental(p);
    }

    @ParameterizedTest
    @ValueSource(strings = {"incremental", "ta4j"})
    void tinySeriesMatchesHandCalculation(String kind) {
        // EMA(3): m = 2/4 = 0.5, seeded with the first close: 10, 10.5, 11.25, 11.125
        // RSI(2): Wilder m = 1/2; gains 0,1,1,0 -> 0,0.5,0.75,0.375; losses 0,0,0,1 -> 0,0,0,0.5
        //         RSI = 0 (both 0), 100, 100, 100 - 100/(1 + 0.75) = 42.857142857...
        // ATR(2): TR = 1, max(1,1.5,0.5)=1.5, max(1.5,0.5,1)=1.5... see below -> 1, 1.25, 1.375, 1.2875
        IndicatorSet set = factory(kind, 3, 2, 2).get();
        double[] ema = {10, 10.5, 11.25, 11.125};
        double[] rsi = {0, 100, 100, 100 - 100 / 1.75};
        double[] atr = {1, 1.25, 1.375, 1.2875};
        for (int i = 0; i < TINY.length; i++) {
            IndicatorValues v = set.add(TINY[i][0], TINY[i][1], TINY[i][2]);
            assertThat(v.barIndex()).isEqualTo(i);
            assertThat(v.emaFast()).as("ema %d", i).isCloseTo(ema[i], within(1e-12));
            assertThat(v.rsi()).as("rsi %d", i).isCloseTo(rsi[i], within(1e-9));
            assertThat(v.atr()).as("atr %d", i).isCloseTo(atr[i], within(1e-12));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"incremental", "ta4j"})
    void previewDoesNotChangeTheSeriesAndTruncateRewinds(String kind) {
        IndicatorSet set = factory(kind, 3, 2, 2).get();
        set.add(10.5, 9.5, 10);
        set.add(11.5, 10.5, 11);
        IndicatorValues preview = set.preview(12.5, 11, 12);
        assertThat(set.size()).isEqualTo(2);
        assertThat(preview.emaFast()).isEqualTo(11.25);
        assertThat(set.add(12.5, 11, 12)).isEqualTo(preview);
        set.add(12, 10.8, 11);
        set.truncate(2);
        assertThat(set.add(12.5, 11, 12)).isEqualTo(preview);
    }

    /** The incremental indicators agree with ta4j 0.17 itself (raw ta4j, not our adapter) on random series. */
    @Property(tries = 60)
    void incrementalAgreesWithTa4j(@ForAll @LongRange(min = 1, max = Long.MAX_VALUE) long seed,
                                   @ForAll @IntRange(min = 1, max = 500) int length,
                                   @ForAll @IntRange(min = 1, max = 30) int emaFast,
                                   @ForAll @IntRange(min = 2, max = 30) int rsiPeriod) {
        java.util.Random random = new java.util.Random(seed);
        int emaSlow = emaFast + 1 + random.nextInt(20);
        int atrPeriod = 1 + random.nextInt(20);
        StrategyParams p = new StrategyParams(emaFast, emaSlow, rsiPeriod, 50, 70, 30, 50, 30, atrPeriod, 1.5, 3, false, 5000, 2000);
        IndicatorSet incremental = IndicatorSets.incremental(p).get();
        BarSeries series = new BaseBarSeriesBuilder().withNumTypeOf(DoubleNum.class).build();
        ClosePriceIndicator closes = new ClosePriceIndicator(series);
        EMAIndicator fast = new EMAIndicator(closes, emaFast);
        EMAIndicator slow = new EMAIndicator(closes, emaSlow);
        RSIIndicator rsi = new RSIIndicator(closes, rsiPeriod);
        ATRIndicator atr = new ATRIndicator(series, atrPeriod);
        long price = 100_000 + random.nextInt(200_000);
        ZonedDateTime end = ZonedDateTime.parse("2026-11-23T09:20:00+05:30");
        for (int i = 0; i < length; i++) {
            price = Math.max(100, price + (random.nextInt(7) - 3) * 5L * (random.nextInt(4) == 0 ? 0 : 1));
            long high = price + random.nextInt(3) * 5L;
            long low = price - random.nextInt(3) * 5L;
            double h = high / 100.0;
            double l = low / 100.0;
            double c = price / 100.0;
            series.addBar(Duration.ofMinutes(5), end.plusMinutes(5L * i), DoubleNum.valueOf(c), DoubleNum.valueOf(h),
                    DoubleNum.valueOf(l), DoubleNum.valueOf(c), DoubleNum.valueOf(0));
            IndicatorValues v = incremental.add(h, l, c);
            assertThat(v.emaFast()).isEqualTo(fast.getValue(i).doubleValue());
            assertThat(v.emaSlow()).isEqualTo(slow.getValue(i).doubleValue());
            assertThat(v.rsi()).isEqualTo(rsi.getValue(i).doubleValue());
            assertThat(v.atr()).isEqualTo(atr.getValue(i).doubleValue());
        }
    }

    /** Rewinding to any retained size and adding the same candles again gives the same values, across ring growth and wrap. */
    @Property(tries = 40)
    void rewindingReplaysTheSameValues(@ForAll @LongRange(min = 1, max = Long.MAX_VALUE) long seed,
                                       @ForAll @IntRange(min = 2, max = 600) int length) {
        java.util.Random random = new java.util.Random(seed);
        IndicatorSet set = IndicatorSets.incremental(StrategyParams.defaults()).get();
        List<double[]> bars = new java.util.ArrayList<>();
        List<IndicatorValues> values = new java.util.ArrayList<>();
        double price = 1000;
        for (int i = 0; i < length; i++) {
            price = Math.max(1, price + random.nextGaussian());
            double[] bar = {price + random.nextDouble(), price - random.nextDouble(), price};
            bars.add(bar);
            values.add(set.add(bar[0], bar[1], bar[2]));
        }
        int from = set.oldestTruncatableSize() + random.nextInt(length - set.oldestTruncatableSize());
        set.truncate(from);
        for (int i = from; i < length; i++) {
            assertThat(set.add(bars.get(i)[0], bars.get(i)[1], bars.get(i)[2])).isEqualTo(values.get(i));
        }
        assertThat(set.oldestTruncatableSize()).isEqualTo(Math.max(0, length - EngineCore.RETAINED_CANDLES));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 5, 9})
    void truncateBeyondTheRetainedStatesIsRefused(int keep) {
        IncrementalIndicatorSet set = new IncrementalIndicatorSet(3, 5, 2, 2, 4);
        for (int i = 0; i < 10; i++) {
            set.add(10 + i, 9 + i, 9.5 + i);
        }
        assertThat(set.oldestTruncatableSize()).isEqualTo(6);
        if (keep < 6) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> set.truncate(keep))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("oldest reachable size is 6");
        } else {
            set.truncate(keep);
            assertThat(set.size()).isEqualTo(keep);
        }
        assertThat(List.of(set.size())).isNotEmpty();
    }
}
