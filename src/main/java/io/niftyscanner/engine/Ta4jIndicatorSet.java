package io.niftyscanner.engine;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.indicators.ATRIndicator;
import org.ta4j.core.indicators.EMAIndicator;
import org.ta4j.core.indicators.RSIIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.num.DoubleNum;

/** The ta4j 0.17 adapter (DoubleNum): the reference the incremental indicators are tested against. */
final class Ta4jIndicatorSet implements IndicatorSet {
    private static final Duration PERIOD = Duration.ofMinutes(5);
    private static final ZonedDateTime EPOCH = Instant.EPOCH.atZone(ZoneOffset.UTC);

    private final int emaFast;
    private final int emaSlow;
    private final int rsiPeriod;
    private final int atrPeriod;
    private final List<double[]> bars = new ArrayList<>();
    private Series series;

    Ta4jIndicatorSet(int emaFast, int emaSlow, int rsiPeriod, int atrPeriod) {
        this.emaFast = emaFast;
        this.emaSlow = emaSlow;
        this.rsiPeriod = rsiPeriod;
        this.atrPeriod = atrPeriod;
        this.series = new Series();
    }

    @Override
    public IndicatorValues add(double high, double low, double close) {
        bars.add(new double[] {high, low, close});
        series.append(high, low, close);
        return series.valuesAt(bars.size() - 1);
    }

    @Override
    public IndicatorValues preview(double high, double low, double close) {
        Series copy = new Series();
        for (double[] b : bars) {
            copy.append(b[0], b[1], b[2]);
        }
        copy.append(high, low, close);
        return copy.valuesAt(bars.size());
    }

    @Override
    public void truncate(int newSize) {
        if (newSize < 0 || newSize > bars.size()) {
            throw new IllegalArgumentException("cannot truncate a series of " + bars.size() + " candles to " + newSize);
        }
        bars.subList(newSize, bars.size()).clear();
        series = new Series();
        for (double[] b : bars) {
            series.append(b[0], b[1], b[2]);
        }
    }

    @Override
    public int size() {
        return bars.size();
    }

    @Override
    public int oldestTruncatableSize() {
        return 0;
    }

    /** One ta4j series with its indicators. */
    private final class Series {
        private final BarSeries bars = new BaseBarSeriesBuilder().withName("ta4j").withNumTypeOf(DoubleNum.class).build();
        private final ClosePriceIndicator closes = new ClosePriceIndicator(bars);
        private final EMAIndicator fast = new EMAIndicator(closes, emaFast);
        private final EMAIndicator slow = new EMAIndicator(closes, emaSlow);
        private final RSIIndicator rsi = new RSIIndicator(closes, rsiPeriod);
        private final ATRIndicator atr = new ATRIndicator(bars, atrPeriod);

        void append(double high, double low, double close) {
            ZonedDateTime end = EPOCH.plus(PERIOD.multipliedBy(bars.getBarCount() + 1L));
            bars.addBar(PERIOD, end, DoubleNum.valueOf(close), DoubleNum.valueOf(high), DoubleNum.valueOf(low),
                    DoubleNum.valueOf(close), DoubleNum.valueOf(0));
        }

        IndicatorValues valuesAt(int index) {
            return new IndicatorValues(fast.getValue(index).doubleValue(), slow.getValue(index).doubleValue(),
                    rsi.getValue(index).doubleValue(), atr.getValue(index).doubleValue(), index);
        }
    }
}
