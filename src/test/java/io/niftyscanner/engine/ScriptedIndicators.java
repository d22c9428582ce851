package io.niftyscanner.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/** An IndicatorSet whose values are chosen by the test (by bar index), counting previews. */
final class ScriptedIndicators implements IndicatorSet {
    private final IntFunction<IndicatorValues> closed;
    private final IntFunction<IndicatorValues> forming;
    final List<Double> closes = new ArrayList<>();
    int previews;

    ScriptedIndicators(IntFunction<IndicatorValues> closed, IntFunction<IndicatorValues> forming) {
        this.closed = closed;
        this.forming = forming;
    }

    @Override
    public IndicatorValues add(double high, double low, double close) {
        closes.add(close);
        return closed.apply(closes.size() - 1);
    }

    @Override
    public IndicatorValues preview(double high, double low, double close) {
        previews++;
        return forming.apply(closes.size());
    }

    @Override
    public void truncate(int newSize) {
        closes.subList(newSize, closes.size()).clear();
    }

    @Override
    public int size() {
        return closes.size();
    }

    @Override
    public int oldestTruncatableSize() {
        return 0;
    }
}
