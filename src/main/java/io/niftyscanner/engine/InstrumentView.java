package io.niftyscanner.engine;

import io.niftyscanner.market.Candle;
import io.niftyscanner.market.Instrument;
import io.niftyscanner.market.Signal;
import java.util.List;

/**
 * One instrument in an {@link EngineSnapshot}; immutable.
 *
 * @param lastPrice      last traded price in minor units, -1 before the first tick
 * @param lastTickMillis exchange time of the newest tick, 0 before the first tick
 * @param forming        the forming candle, or null
 * @param recentCandles  the most recent closed candles, oldest first (bounded)
 * @param indicators     indicator values at the newest closed candle, or null before the first
 * @param lastSignal     the newest signal, or null
 * @param awaitingRepair candles built from incomplete data (gapped, partial, or missing inside a gap) that the
 *                       exchange's candles have not replaced yet; no signal fires while the series has one
 */
public record InstrumentView(Instrument instrument, long lastPrice, long lastTickMillis, Candle forming,
                             List<Candle> recentCandles, IndicatorValues indicators, Signal lastSignal, int awaitingRepair) {

    public InstrumentView {
        // the engine's own snapshot of its closed candles is immutable already: copying it is what it exists to avoid
        recentCandles = SharedTailDeque.isSnapshot(recentCandles) ? recentCandles : List.copyOf(recentCandles);
    }

    public InstrumentView(Instrument instrument, long lastPrice, long lastTickMillis, Candle forming,
                          List<Candle> recentCandles, IndicatorValues indicators, Signal lastSignal) {
        this(instrument, lastPrice, lastTickMillis, forming, recentCandles, indicators, lastSignal, 0);
    }

    public double lastPriceRupees() {
        return lastPrice < 0 ? Double.NaN : instrument.toPrice(lastPrice);
    }
}
