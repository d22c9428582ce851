package io.niftyscanner.engine;

import io.niftyscanner.market.Candle;
import io.niftyscanner.market.Instrument;
import io.niftyscanner.market.Prices;
import io.niftyscanner.market.Side;
import io.niftyscanner.market.Signal;
import java.util.Arrays;
import java.util.Map;

/**
 * Turns strategy decisions into {@link Signal}s with provenance, at most one per instrument per candle,
 * and throttles the optional intrabar evaluation (on market time). Instruments are addressed by index.
 */
public final class SignalEngine {
    private static final long NONE = Long.MIN_VALUE;

    private final Strategy strategy;
    private final StrategyParams params;
    private final Map<String, Double> thresholds;
    private final String buyRule;
    private final String sellRule;
    private final long[] lastSignalCandle;
    private final long[] lastIntrabarCheck;

    public SignalEngine(StrategyParams params, int instruments) {
        this.params = params;
        this.strategy = new Strategy(params);
        this.thresholds = Map.copyOf(params.thresholds());
        this.buyRule = params.buyRuleText();
        this.sellRule = params.sellRuleText();
        this.lastSignalCandle = new long[instruments];
        this.lastIntrabarCheck = new long[instruments];
        Arrays.fill(lastSignalCandle, NONE);
        Arrays.fill(lastIntrabarCheck, NONE);
    }

    /** Evaluates a closed candle; null when nothing fires, the candle is not eligible, or it already signalled. */
    public Signal onClosed(int index, Instrument instrument, Candle candle, IndicatorValues previous, IndicatorValues now,
                           long timeMillis) {
        if (!candle.quality().signalEligible() || lastSignalCandle[index] == candle.startMillis()) {
            return null;
        }
        return fire(index, instrument, candle, previous, now, timeMillis, candle.close(), false);
    }

    /**
     * Intrabar mode: whether the forming candle of this instrument may be evaluated now (at most once per
     * throttle period of market time, and not when the candle already signalled). Records the check.
     */
    public boolean intrabarCheckDue(int index, long formingStart, long marketTimeMillis) {
        if (!params.intrabar() || lastSignalCandle[index] == formingStart) {
            return false;
        }
        long last = lastIntrabarCheck[index];
        if (last != NONE && marketTimeMillis - last < params.intrabarThrottleMillis()) {
            return false;
        }
        lastIntrabarCheck[index] = marketTimeMillis;
        return true;
    }

    /** Evaluates the forming candle (after {@link #intrabarCheckDue} said yes). */
    public Signal onForming(int index, Instrument instrument, Candle forming, IndicatorValues previous,
                            IndicatorValues preview, long timeMillis, long lastPrice) {
        if (!forming.quality().signalEligible()) {
            return null;
        }
        return fire(index, instrument, forming, previous, preview, timeMillis, lastPrice, true);
    }

    private Signal fire(int index, Instrument instrument, Candle candle, IndicatorValues previous, IndicatorValues now,
                        long timeMillis, long price, boolean intrabar) {
        Side side = strategy.evaluate(previous, now);
        if (side == null) {
            return null;
        }
        lastSignalCandle[index] = candle.startMillis();
        double rupees = Prices.toDouble(price, instrument.token());
        boolean atrReady = now.candleNumber() >= params.atrPeriod() && !Double.isNaN(now.atr());
        double stopDistance = params.stopAtr() * now.atr();
        double targetDistance = params.targetAtr() * now.atr();
        double stop = !atrReady ? Double.NaN : side == Side.BUY ? rupees - stopDistance : rupees + stopDistance;
        double target = !atrReady ? Double.NaN : side == Side.BUY ? rupees + targetDistance : rupees - targetDistance;
        return new Signal(instrument.token(), instrument.symbol(), side, timeMillis, candle, price, now.emaFast(),
                now.emaSlow(), previous.emaFast(), previous.emaSlow(), now.rsi(), now.atr(), stop, target, intrabar,
                side == Side.BUY ? buyRule : sellRule, thresholds);
    }

    public StrategyParams params() {
        return params;
    }
}
