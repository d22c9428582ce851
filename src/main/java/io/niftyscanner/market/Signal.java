package io.niftyscanner.market;

import java.time.Instant;
import java.util.Map;

/**
 * A strategy signal with its provenance: the candle, the indicator values and the thresholds that fired it.
 *
 * @param timeMillis     market time at which the signal was raised (exchange clock)
 * @param price          reference price in minor units (the candle close, or last price intrabar)
 * @param stop           suggested stop in rupees (ATR based); NaN when ATR is not ready
 * @param target         suggested target in rupees; NaN when ATR is not ready
 * @param intrabar       true when raised on the forming candle (optional intrabar mode)
 * @param rule           human-readable rule that fired, e.g. "EMA9 crossed above EMA21, RSI14 in [50,70]"
 * @param thresholds     the parameters in force (ema_fast=9, rsi_buy_min=50, ...)
 */
public record Signal(long token, String symbol, Side side, long timeMillis, Candle candle, long price,
                     double emaFast, double emaSlow, double emaFastPrev, double emaSlowPrev, double rsi, double atr,
                     double stop, double target, boolean intrabar, String rule, Map<String, Double> thresholds) {

    public Signal {
        thresholds = thresholds == null ? Map.of() : Map.copyOf(thresholds);
    }

    public Instant time() {
        return Instant.ofEpochMilli(timeMillis);
    }

    public long candleStartMillis() {
        return candle.startMillis();
    }

    public double priceRupees() {
        return Prices.toDouble(price, token);
    }

    /** Identity of a signal: one per symbol, side and candle (and intrabar flag). */
    public String key() {
        return token + ":" + candle.startMillis() + ":" + side + (intrabar ? ":i" : "");
    }
}
