package io.niftyscanner.engine;

import io.niftyscanner.market.Candle;
import io.niftyscanner.market.Signal;
import io.niftyscanner.market.Tick;
import java.util.ArrayList;
import java.util.List;

/** Records every callback, in order. */
final class RecordingListener implements EngineListener {
    final List<Candle> candles = new ArrayList<>();
    final List<IndicatorValues> values = new ArrayList<>();
    final List<Signal> signals = new ArrayList<>();
    final List<Tick> lateTicks = new ArrayList<>();
    final List<Long> lateBuckets = new ArrayList<>();
    final List<Candle[]> repairs = new ArrayList<>();
    final List<Tick> unknown = new ArrayList<>();

    @Override
    public void onCandleClosed(Candle candle, IndicatorValues v) {
        candles.add(candle);
        values.add(v);
    }

    @Override
    public void onSignal(Signal signal) {
        signals.add(signal);
    }

    @Override
    public void onLateTick(Tick tick, long closedBucketStartMillis) {
        lateTicks.add(tick);
        lateBuckets.add(closedBucketStartMillis);
    }

    @Override
    public void onCandleRepaired(Candle before, Candle after) {
        repairs.add(new Candle[] {before, after});
    }

    @Override
    public void onUnknownToken(Tick tick) {
        unknown.add(tick);
    }
}
