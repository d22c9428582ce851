package io.niftyscanner.app;

import io.niftyscanner.config.ScannerConfig;
import io.niftyscanner.engine.StrategyParams;

/** Maps the configuration onto the engine's parameters (the engine does not know the config package). */
public final class EngineParams {
    private EngineParams() {}

    public static StrategyParams from(ScannerConfig config) {
        ScannerConfig.Strategy s = config.strategy();
        return new StrategyParams(s.emaFast(), s.emaSlow(), s.rsiPeriod(), s.rsiBuyMin(), s.rsiBuyMax(), s.rsiSellMin(),
                s.rsiSellMax(), s.warmupCandles(), s.atrPeriod(), s.stopAtr(), s.targetAtr(), s.intrabar(),
                s.intrabarThrottleSeconds() * 1000L, config.feed().candleGraceMillis());
    }
}
