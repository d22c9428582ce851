package io.niftyscanner.market;

/**
 * One market data update for one instrument.
 *
 * @param token              Kite instrument token
 * @param exchangeTimeMillis exchange timestamp, epoch milliseconds (decides session and candle)
 * @param lastPrice          last traded price in minor units (see {@link Prices})
 * @param volume             cumulative day volume (Kite's volume_traded); -1 when the feed has none
 * @param lastQuantity       last traded quantity; 0 when unknown
 * @param receivedNanos      {@link System#nanoTime()} when the feed received it, for latency measurement; 0 if unknown
 */
public record Tick(long token, long exchangeTimeMillis, long lastPrice, long volume, long lastQuantity, long receivedNanos) {

    public Tick(long token, long exchangeTimeMillis, long lastPrice, long volume) {
        this(token, exchangeTimeMillis, lastPrice, volume, 0L, 0L);
    }

    public double price() {
        return Prices.toDouble(lastPrice, token);
    }
}
