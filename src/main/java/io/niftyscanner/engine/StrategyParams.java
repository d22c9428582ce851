package io.niftyscanner.engine;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Parameters of the default strategy (design.md 6). The app maps its configuration onto this record;
 * the engine does not read configuration itself.
 *
 * @param warmupCandles          the first closed candle (1-based) of the series that may fire a signal
 * @param stopAtr                stop distance in ATR multiples
 * @param targetAtr              target distance in ATR multiples
 * @param intrabar               also evaluate the rule on the forming candle (flagged intrabar)
 * @param intrabarThrottleMillis at most one intrabar evaluation per symbol per this much market time
 * @param candleGraceMillis      a bucket closes on market time once its end plus this grace has passed
 */
public record StrategyParams(int emaFast, int emaSlow, int rsiPeriod, double rsiBuyMin, double rsiBuyMax,
                             double rsiSellMin, double rsiSellMax, int warmupCandles, int atrPeriod, double stopAtr,
                             double targetAtr, boolean intrabar, long intrabarThrottleMillis, long candleGraceMillis) {

    public StrategyParams {
        if (emaFast < 1 || emaSlow < 1 || rsiPeriod < 1 || atrPeriod < 1) {
            throw new IllegalArgumentException("indicator periods must be at least 1: ema " + emaFast + "/" + emaSlow
                    + ", rsi " + rsiPeriod + ", atr " + atrPeriod);
        }
        if (warmupCandles < 1) {
            throw new IllegalArgumentException("warmupCandles must be at least 1, was " + warmupCandles);
        }
        if (intrabarThrottleMillis < 0 || candleGraceMillis < 0) {
            throw new IllegalArgumentException("intrabarThrottleMillis and candleGraceMillis must not be negative");
        }
    }

    public static StrategyParams defaults() {
        return new StrategyParams(9, 21, 14, 50, 70, 30, 50, 30, 14, 1.5, 3.0, false, 5000, 2000);
    }

    public StrategyParams withIntrabar(boolean on) {
        return new StrategyParams(emaFast, emaSlow, rsiPeriod, rsiBuyMin, rsiBuyMax, rsiSellMin, rsiSellMax,
                warmupCandles, atrPeriod, stopAtr, targetAtr, on, intrabarThrottleMillis, candleGraceMillis);
    }

    public StrategyParams withWarmupCandles(int candles) {
        return new StrategyParams(emaFast, emaSlow, rsiPeriod, rsiBuyMin, rsiBuyMax, rsiSellMin, rsiSellMax,
                candles, atrPeriod, stopAtr, targetAtr, intrabar, intrabarThrottleMillis, candleGraceMillis);
    }

    /** The thresholds in force, as recorded in each signal's provenance (snake_case keys, insertion ordered). */
    public Map<String, Double> thresholds() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("ema_fast", (double) emaFast);
        m.put("ema_slow", (double) emaSlow);
        m.put("rsi_period", (double) rsiPeriod);
        m.put("rsi_buy_min", rsiBuyMin);
        m.put("rsi_buy_max", rsiBuyMax);
        m.put("rsi_sell_min", rsiSellMin);
        m.put("rsi_sell_max", rsiSellMax);
        m.put("warmup_candles", (double) warmupCandles);
        m.put("atr_period", (double) atrPeriod);
        m.put("stop_atr", stopAtr);
        m.put("target_atr", targetAtr);
        return m;
    }

    public String buyRuleText() {
        return "EMA" + emaFast + " crossed above EMA" + emaSlow + ", RSI" + rsiPeriod + " in [" + fmt(rsiBuyMin) + ","
                + fmt(rsiBuyMax) + "]";
    }

    public String sellRuleText() {
        return "EMA" + emaFast + " crossed below EMA" + emaSlow + ", RSI" + rsiPeriod + " in [" + fmt(rsiSellMin) + ","
                + fmt(rsiSellMax) + "]";
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
