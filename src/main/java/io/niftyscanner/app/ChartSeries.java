package io.niftyscanner.app;

import io.niftyscanner.market.Candle;
import io.niftyscanner.market.Signal;
import java.util.List;

/**
 * One instrument's candles for the chart, as of one snapshot: the closed candles (warm-up history from the journal,
 * then the engine's series), the forming candle last, and the indicator values at each. Immutable.
 */
public final class ChartSeries {
    /** The strategy's parameters the chart draws: indicator periods and the RSI bands. */
    public record Bands(int emaFast, int emaSlow, int rsiPeriod, double rsiBuyMin, double rsiBuyMax, double rsiSellMin,
                        double rsiSellMax) {}

    private final String symbol;
    private final long token;
    private final List<Candle> closed;
    private final Candle forming;
    private final double[] emaFast;
    private final double[] emaSlow;
    private final double[] rsi;
    private final List<Signal> signals;
    private final Bands bands;

    ChartSeries(String symbol, long token, List<Candle> closed, Candle forming, double[] emaFast, double[] emaSlow,
                double[] rsi, List<Signal> signals, Bands bands) {
        int n = closed.size() + (forming == null ? 0 : 1);
        if (emaFast.length != n || emaSlow.length != n || rsi.length != n) {
            throw new IllegalArgumentException("indicator arrays must have one value per candle (" + n + ")");
        }
        this.symbol = symbol;
        this.token = token;
        this.closed = List.copyOf(closed);
        this.forming = forming;
        this.emaFast = emaFast.clone();
        this.emaSlow = emaSlow.clone();
        this.rsi = rsi.clone();
        this.signals = List.copyOf(signals);
        this.bands = bands;
    }

    public String symbol() {
        return symbol;
    }

    public long token() {
        return token;
    }

    /** Closed candles plus the forming one. */
    public int size() {
        return closed.size() + (forming == null ? 0 : 1);
    }

    public int closedCount() {
        return closed.size();
    }

    /** Candle {@code i}, oldest first; the last one is the forming candle when {@link #hasForming()}. */
    public Candle candle(int i) {
        return i < closed.size() ? closed.get(i) : forming;
    }

    public boolean hasForming() {
        return forming != null;
    }

    public Candle forming() {
        return forming;
    }

    /** NaN while the indicator is not ready. The forming candle's value is a preview that changes until it closes. */
    public double emaFast(int i) {
        return emaFast[i];
    }

    public double emaSlow(int i) {
        return emaSlow[i];
    }

    public double rsi(int i) {
        return rsi[i];
    }

    /** This instrument's signals still held by the session, oldest first. */
    public List<Signal> signals() {
        return signals;
    }

    public Bands bands() {
        return bands;
    }

    /** The index of the candle starting at {@code startMillis}, or -1. */
    public int indexOf(long startMillis) {
        int lo = 0;
        int hi = size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            long s = candle(mid).startMillis();
            if (s < startMillis) {
                lo = mid + 1;
            } else if (s > startMillis) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        return -1;
    }

    @Override
    public String toString() {
        return "ChartSeries[" + symbol + ", " + closed.size() + " closed" + (forming == null ? "" : " + forming") + "]";
    }
}
