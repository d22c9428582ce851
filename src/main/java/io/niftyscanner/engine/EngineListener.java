package io.niftyscanner.engine;

import io.niftyscanner.market.Candle;
import io.niftyscanner.market.Signal;
import io.niftyscanner.market.Tick;

/**
 * What the engine reports. Callbacks run on the engine's thread (the {@link Engine} thread, or the caller's
 * thread for {@link EngineCore}); they must return quickly and must not block: hand work to another executor.
 */
public interface EngineListener {
    EngineListener NONE = new EngineListener() {};

    /** A candle closed; {@code values} are the indicators including it. */
    default void onCandleClosed(Candle candle, IndicatorValues values) {}

    default void onSignal(Signal signal) {}

    /** A tick arrived for a bucket that had already closed; it was not merged. */
    default void onLateTick(Tick tick, long closedBucketStartMillis) {}

    /** A gapped or partial candle was replaced by the exchange's; {@code before} is null for a candle that was missing. */
    default void onCandleRepaired(Candle before, Candle after) {}

    /** A tick for a token the engine was not configured with. */
    default void onUnknownToken(Tick tick) {}
}
