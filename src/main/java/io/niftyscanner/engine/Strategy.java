package io.niftyscanner.engine;

import io.niftyscanner.market.Side;

/**
 * The default rule of design.md 6, on candle t (1-based) of the series, t at least the warm-up:
 * BUY when EMAfast[t-1] ≤ EMAslow[t-1] and EMAfast[t] > EMAslow[t] and rsiBuyMin ≤ RSI[t] ≤ rsiBuyMax;
 * SELL when EMAfast[t-1] ≥ EMAslow[t-1] and EMAfast[t] < EMAslow[t] and rsiSellMin ≤ RSI[t] ≤ rsiSellMax.
 */
public final class Strategy {
    private final StrategyParams params;

    public Strategy(StrategyParams params) {
        this.params = params;
    }

    /** BUY, SELL, or null when the rule does not fire; {@code previous} is the candle before {@code now}. */
    public Side evaluate(IndicatorValues previous, IndicatorValues now) {
        if (previous == null || now == null || now.candleNumber() < params.warmupCandles()) {
            return null;
        }
        double rsi = now.rsi();
        if (previous.emaFast() <= previous.emaSlow() && now.emaFast() > now.emaSlow()
                && rsi >= params.rsiBuyMin() && rsi <= params.rsiBuyMax()) {
            return Side.BUY;
        }
        if (previous.emaFast() >= previous.emaSlow() && now.emaFast() < now.emaSlow()
                && rsi >= params.rsiSellMin() && rsi <= params.rsiSellMax()) {
            return Side.SELL;
        }
        return null;
    }

    public StrategyParams params() {
        return params;
    }
}
