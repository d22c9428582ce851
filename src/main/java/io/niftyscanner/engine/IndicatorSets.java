package io.niftyscanner.engine;

import java.util.function.Supplier;

/** Factories for {@link IndicatorSet}s. */
public final class IndicatorSets {
    /**
     * How many candles back a repair can rewind the incremental indicators: as far as the engine keeps closed candles,
     * since a repair only replaces candles it still keeps.
     */
    public static final int DEFAULT_RETENTION = EngineCore.RETAINED_CANDLES;

    private IndicatorSets() {}

    /** O(1) per candle, the engine's default; agrees with ta4j 0.17 to the last bit on DoubleNum. */
    public static Supplier<IndicatorSet> incremental(StrategyParams p) {
        return () -> new IncrementalIndicatorSet(p.emaFast(), p.emaSlow(), p.rsiPeriod(), p.atrPeriod(), DEFAULT_RETENTION);
    }

    /** ta4j 0.17 itself (DoubleNum): the reference implementation; slower, unbounded memory. */
    public static Supplier<IndicatorSet> ta4j(StrategyParams p) {
        return () -> new Ta4jIndicatorSet(p.emaFast(), p.emaSlow(), p.rsiPeriod(), p.atrPeriod());
    }
}
