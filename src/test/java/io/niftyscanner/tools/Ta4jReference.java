package io.niftyscanner.tools;

import io.niftyscanner.market.Candle;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.indicators.EMAIndicator;
import org.ta4j.core.indicators.RSIIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.num.DoubleNum;

/**
 * Expected indicator values computed with ta4j 0.17 itself (not with the engine) from a series of candles, for
 * tests and the fault-run checker: the independent source the engine's values are compared with.
 */
public final class Ta4jReference {
    /** EMA fast, EMA slow and RSI at the last candle of the series. */
    public record Values(double emaFast, double emaSlow, double rsi) {}

    private Ta4jReference() {}

    /** @param series closed 5-minute candles, oldest first, as the exchange's history gives them */
    public static Values at(List<Candle> series, int emaFast, int emaSlow, int rsiPeriod) {
        if (series.isEmpty()) {
            throw new IllegalArgumentException("no candles");
        }
        BarSeries bars = new BaseBarSeriesBuilder().withNumTypeOf(DoubleNum.class).build();
        for (Candle c : series) {
            bars.addBar(Duration.ofMinutes(5), Instant.ofEpochMilli(c.startMillis() + 300_000L).atZone(
                    io.niftyscanner.market.SessionCalendar.IST), DoubleNum.valueOf(c.openPrice()), DoubleNum.valueOf(c.highPrice()),
                    DoubleNum.valueOf(c.lowPrice()), DoubleNum.valueOf(c.closePrice()), DoubleNum.valueOf(c.volume()));
        }
        ClosePriceIndicator closes = new ClosePriceIndicator(bars);
        int last = bars.getEndIndex();
        return new Values(new EMAIndicator(closes, emaFast).getValue(last).doubleValue(),
                new EMAIndicator(closes, emaSlow).getValue(last).doubleValue(),
                new RSIIndicator(closes, rsiPeriod).getValue(last).doubleValue());
    }
}
