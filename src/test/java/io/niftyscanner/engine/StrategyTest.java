package io.niftyscanner.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.niftyscanner.market.Side;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StrategyTest {
    private final Strategy strategy = new Strategy(StrategyParams.defaults());

    /** Values at candle number t (1-based). */
    private static IndicatorValues at(int t, double fast, double slow, double rsi) {
        return new IndicatorValues(fast, slow, rsi, 1.0, t - 1);
    }

    @ParameterizedTest(name = "prev {0}/{1} now {2}/{3} rsi {4} -> {5}")
    @CsvSource({
            // fast[t-1], slow[t-1], fast[t], slow[t], rsi, expected
            "99, 100, 101, 100, 55, BUY",
            "100, 100, 101, 100, 55, BUY",      // equal before counts (<=)
            "99, 100, 100, 100, 55, NONE",      // equal now is not above
            "101, 100, 102, 100, 55, NONE",     // already above: no cross
            "99, 100, 101, 100, 50, BUY",       // RSI bounds are inclusive
            "99, 100, 101, 100, 70, BUY",
            "99, 100, 101, 100, 49.999, NONE",
            "99, 100, 101, 100, 70.001, NONE",
            "101, 100, 99, 100, 40, SELL",
            "100, 100, 99, 100, 40, SELL",      // equal before counts (>=)
            "101, 100, 100, 100, 40, NONE",
            "99, 100, 98, 100, 40, NONE",       // already below
            "101, 100, 99, 100, 30, SELL",
            "101, 100, 99, 100, 50, SELL",
            "101, 100, 99, 100, 29.999, NONE",
            "101, 100, 99, 100, 50.001, NONE",
            "101, 100, 99, 100, 60, NONE"})     // SELL cross with a BUY-range RSI fires nothing
    void crossoverAndRsiBand(double fastPrev, double slowPrev, double fastNow, double slowNow, double rsi, String expected) {
        Side side = strategy.evaluate(at(30, fastPrev, slowPrev, 50), at(31, fastNow, slowNow, rsi));
        assertThat(side == null ? "NONE" : side.name()).isEqualTo(expected);
    }

    @Test
    void warmUpRule29thCandleNeverFires30thMay() {
        assertThat(strategy.evaluate(at(28, 99, 100, 55), at(29, 101, 100, 55))).isNull();
        assertThat(strategy.evaluate(at(29, 99, 100, 55), at(30, 101, 100, 55))).isEqualTo(Side.BUY);
        assertThat(strategy.evaluate(at(29, 101, 100, 40), at(30, 99, 100, 40))).isEqualTo(Side.SELL);
    }

    @Test
    void noPreviousValueNoSignal() {
        assertThat(strategy.evaluate(null, at(40, 101, 100, 55))).isNull();
    }

    @Test
    void ruleTextAndThresholdsDescribeTheParameters() {
        StrategyParams p = StrategyParams.defaults();
        assertThat(p.buyRuleText()).isEqualTo("EMA9 crossed above EMA21, RSI14 in [50,70]");
        assertThat(p.sellRuleText()).isEqualTo("EMA9 crossed below EMA21, RSI14 in [30,50]");
        assertThat(p.thresholds()).containsEntry("rsi_buy_min", 50.0).containsEntry("warmup_candles", 30.0);
    }
}
