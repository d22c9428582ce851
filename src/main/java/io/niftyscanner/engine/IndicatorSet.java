package io.niftyscanner.engine;

/**
 * The engine's indicator port: EMA fast/slow, RSI and ATR over one instrument's series of closed candles,
 * following ta4j 0.17 conventions. One instance per instrument; not thread-safe (the engine thread owns it).
 */
public interface IndicatorSet {

    /** Appends a closed candle to the series and returns the values at it. */
    IndicatorValues add(double high, double low, double close);

    /** The values the series would have if a candle with these prices closed now; the series is unchanged. */
    IndicatorValues preview(double high, double low, double close);

    /** Drops the newest candles so that {@link #size()} becomes {@code newSize} (for repairs). */
    void truncate(int newSize);

    /** How many candles the series holds. */
    int size();

    /** The smallest size {@link #truncate(int)} accepts: older candles cannot be taken back. */
    int oldestTruncatableSize();
}
