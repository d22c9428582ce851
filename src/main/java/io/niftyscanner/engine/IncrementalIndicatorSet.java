package io.niftyscanner.engine;

/**
 * EMA, RSI (Wilder) and ATR updated in O(1) per candle, with the arithmetic of ta4j 0.17 on DoubleNum
 * (same operations in the same order, so the results are bit-identical):
 * EMA and MMA are seeded with the first value and then follow {@code (x - prev) * m + prev}, m = 2/(n+1) for EMA
 * and 1/n for MMA; gain and loss are 0 on the first candle; RSI is 0 when both averages are 0 and 100 when only
 * the loss average is 0; true range on the first candle is high - low.
 * The state after each of the last {@code retention} candles is kept so that a repair can rewind; the ring holding
 * it grows with the series (from {@value #FIRST_SLOTS} candles, doubling) up to that size, so an instrument with little
 * history costs little memory (this matters at 9,000 instruments).
 */
final class IncrementalIndicatorSet implements IndicatorSet {
    private static final int FIELDS = 6;
    private static final int EMA_FAST = 0;
    private static final int EMA_SLOW = 1;
    private static final int AVG_GAIN = 2;
    private static final int AVG_LOSS = 3;
    private static final int ATR = 4;
    private static final int CLOSE = 5;
    private static final int FIRST_SLOTS = 16;

    private final double fastMultiplier;
    private final double slowMultiplier;
    private final double rsiMultiplier;
    private final double atrMultiplier;
    private final int capacity;
    /** state after candle i lives at ((i % capacity) * FIELDS); shorter than capacity until the series fills it. */
    private double[] history;
    private final double[] scratch = new double[FIELDS];
    private int size;

    IncrementalIndicatorSet(int emaFast, int emaSlow, int rsiPeriod, int atrPeriod, int retention) {
        this.fastMultiplier = 2.0 / (emaFast + 1);
        this.slowMultiplier = 2.0 / (emaSlow + 1);
        this.rsiMultiplier = 1.0 / rsiPeriod;
        this.atrMultiplier = 1.0 / atrPeriod;
        this.capacity = Math.max(1, retention) + 1;
        this.history = new double[Math.min(capacity, FIRST_SLOTS) * FIELDS];
    }

    @Override
    public IndicatorValues add(double high, double low, double close) {
        step(high, low, close, scratch);
        if (size < capacity && size * FIELDS == history.length) {
            // before the ring wraps, candle i sits at slot i: growing is a plain copy
            history = java.util.Arrays.copyOf(history, Math.min(capacity, size * 2) * FIELDS);
        }
        System.arraycopy(scratch, 0, history, (size % capacity) * FIELDS, FIELDS);
        size++;
        return values(scratch, size - 1);
    }

    @Override
    public IndicatorValues preview(double high, double low, double close) {
        double[] next = new double[FIELDS];
        step(high, low, close, next);
        return values(next, size);
    }

    private void step(double high, double low, double close, double[] out) {
        if (size == 0) {
            out[EMA_FAST] = close;
            out[EMA_SLOW] = close;
            out[AVG_GAIN] = 0.0;
            out[AVG_LOSS] = 0.0;
            out[ATR] = Math.abs(high - low);
            out[CLOSE] = close;
            return;
        }
        int base = ((size - 1) % capacity) * FIELDS;
        double prevClose = history[base + CLOSE];
        double gain = close > prevClose ? close - prevClose : 0.0;
        double loss = close < prevClose ? prevClose - close : 0.0;
        double trueRange = Math.max(Math.max(Math.abs(high - low), Math.abs(high - prevClose)), Math.abs(prevClose - low));
        out[EMA_FAST] = smooth(history[base + EMA_FAST], close, fastMultiplier);
        out[EMA_SLOW] = smooth(history[base + EMA_SLOW], close, slowMultiplier);
        out[AVG_GAIN] = smooth(history[base + AVG_GAIN], gain, rsiMultiplier);
        out[AVG_LOSS] = smooth(history[base + AVG_LOSS], loss, rsiMultiplier);
        out[ATR] = smooth(history[base + ATR], trueRange, atrMultiplier);
        out[CLOSE] = close;
    }

    private static double smooth(double prev, double value, double multiplier) {
        return (value - prev) * multiplier + prev;
    }

    private static IndicatorValues values(double[] s, int barIndex) {
        return new IndicatorValues(s[EMA_FAST], s[EMA_SLOW], rsi(s[AVG_GAIN], s[AVG_LOSS]), s[ATR], barIndex);
    }

    static double rsi(double averageGain, double averageLoss) {
        if (averageLoss == 0.0) {
            return averageGain == 0.0 ? 0.0 : 100.0;
        }
        double relativeStrength = averageGain / averageLoss;
        return 100.0 - 100.0 / (1.0 + relativeStrength);
    }

    @Override
    public void truncate(int newSize) {
        if (newSize > size || newSize < oldestTruncatableSize()) {
            throw new IllegalArgumentException("cannot truncate a series of " + size + " candles to " + newSize
                    + "; the oldest reachable size is " + oldestTruncatableSize());
        }
        size = newSize;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public int oldestTruncatableSize() {
        return Math.max(0, size - (capacity - 1));
    }
}
