package io.niftyscanner.engine;

import io.niftyscanner.market.Candle;
import java.util.List;

/**
 * Work for the engine thread besides ticks: history, gaps, repairs. {@link Engine#command} never drops one (only a
 * closed engine refuses it), and runs it in order with the ticks submitted before it.
 *
 * @param <R> what the command answers
 */
public sealed interface EngineCommand<R> {
    R applyTo(EngineCore core);

    /** Market data between the two instants (inclusive) is missing or incomplete for every instrument. */
    record MarkGap(long fromMillis, long toMillis) implements EngineCommand<Void> {
        @Override
        public Void applyTo(EngineCore core) {
            core.markGap(fromMillis, toMillis);
            return null;
        }
    }

    /**
     * The exchange's candles of one instrument for the buckets from {@code fromMillis} to {@code toMillis} replace what
     * the engine built there from incomplete data (see {@link EngineCore#repair(long, List, long, long)}).
     */
    record Repair(long token, List<Candle> exchangeCandles, long fromMillis, long toMillis)
            implements EngineCommand<EngineCore.RepairResult> {
        public Repair {
            exchangeCandles = List.copyOf(exchangeCandles);
        }

        @Override
        public EngineCore.RepairResult applyTo(EngineCore core) {
            return core.repair(token, exchangeCandles, fromMillis, toMillis);
        }
    }

    /** Warm-up: historical candles of one instrument prime its indicators (see {@link EngineCore#loadHistory}). */
    record LoadHistory(long token, List<Candle> candles) implements EngineCommand<Integer> {
        public LoadHistory {
            candles = List.copyOf(candles);
        }

        @Override
        public Integer applyTo(EngineCore core) {
            return core.loadHistory(token, candles);
        }
    }

    /** Does nothing: completes once everything submitted before it has been processed. */
    record Barrier() implements EngineCommand<Void> {
        @Override
        public Void applyTo(EngineCore core) {
            return null;
        }
    }
}
