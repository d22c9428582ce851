package io.niftyscanner.engine;

/**
 * Indicator values after one candle of the series, in rupees (RSI in 0..100).
 *
 * @param barIndex 0-based position of the candle in the series (the series runs on across days); the rule's
 *                 "t" (1-based count of closed candles) is {@link #candleNumber()}
 */
public record IndicatorValues(double emaFast, double emaSlow, double rsi, double atr, int barIndex) {

    /** The 1-based number of the candle in the series: the "t" of design.md 6. */
    public int candleNumber() {
        return barIndex + 1;
    }
}
