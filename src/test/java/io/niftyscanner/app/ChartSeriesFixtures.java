package io.niftyscanner.app;

import io.niftyscanner.market.Candle;
import io.niftyscanner.market.Signal;
import java.util.List;

/** Chart series made by hand, for the chart's rendering tests. */
public final class ChartSeriesFixtures {
    private ChartSeriesFixtures() {}

    public static ChartSeries of(String symbol, List<Candle> closed, Candle forming, double[] emaFast, double[] emaSlow,
                                 double[] rsi, List<Signal> signals) {
        return new ChartSeries(symbol, closed.get(0).token(), closed, forming, emaFast, emaSlow, rsi, signals,
                new ChartSeries.Bands(9, 21, 14, 50, 70, 30, 50));
    }
}
