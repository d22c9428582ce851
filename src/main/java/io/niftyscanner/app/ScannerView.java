package io.niftyscanner.app;

import io.niftyscanner.feed.FeedStatus;
import io.niftyscanner.market.Signal;
import java.nio.file.Path;
import java.util.List;

/**
 * Everything the window shows, as one immutable snapshot. The UI reads one on a timer; it never receives per-tick events.
 *
 * @param exchangeLabel "Sandbox exchange (simulated market)" or "Zerodha Kite"
 * @param marketTimeMillis the engine's market clock (exchange time); 0 before the first tick
 * @param awaitingRepair   candles still gapped, partial or missing inside a gap (the exchange's candle will replace them)
 * @param journalFile      where signals and candles are journaled
 * @param tickToSignalMicros from receiving the tick that closed a candle to the engine raising its signal, for the newest
 *                         such signal; -1 before the first
 */
public record ScannerView(List<WatchRow> rows, List<Signal> signals, FeedStatus status, boolean sandbox,
                          String exchangeLabel, long marketTimeMillis, long ticks, long candles, long lateTicks,
                          int awaitingRepair, Path journalFile, long tickToSignalMicros) {

    /** Without a latency measurement yet. */
    public ScannerView(List<WatchRow> rows, List<Signal> signals, FeedStatus status, boolean sandbox, String exchangeLabel,
                       long marketTimeMillis, long ticks, long candles, long lateTicks, int awaitingRepair, Path journalFile) {
        this(rows, signals, status, sandbox, exchangeLabel, marketTimeMillis, ticks, candles, lateTicks, awaitingRepair,
                journalFile, -1);
    }
}
