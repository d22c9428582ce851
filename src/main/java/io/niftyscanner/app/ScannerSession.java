package io.niftyscanner.app;

import io.niftyscanner.config.DataMode;
import io.niftyscanner.orders.TradingControl;

/** A running scanner as the window (or the headless runner) drives it. Implementations are thread-safe. */
public interface ScannerSession extends AutoCloseable {
    /** The latest snapshot; cheap, never blocks on the engine. */
    ScannerView view();

    /**
     * One instrument's chart: warm-up history, the session's candles, the forming candle and the indicators at each.
     * Null for a token the session does not scan. Reads the journal the first time per window: call it off the FX thread.
     */
    ChartSeries chart(long token);

    /** The alerts (sound, notifications, ...) the session raises, or null when it raises none. */
    default io.niftyscanner.alerts.AlertService alerts() {
        return null;
    }

    /** Switches the data mode while running, without losing a candle or repeating a signal. */
    void switchMode(DataMode mode);

    /** Drops the current connection and reconnects now (the sidebar's button). */
    void reconnect();

    /**
     * The token fetch (File &gt; Fetch instrument tokens): downloads the instrument dump, writes instrument_tokens.json
     * and returns the report lines. Blocking: call it off the FX thread. The new tokens apply at the next start.
     */
    java.util.List<String> fetchInstruments() throws Exception;

    /**
     * Order execution: today's orders, fills, positions with realised and marked-to-market P&L, the day's charges and
     * the loss breaker ({@link TradingControl#view()}), and the actions: arm auto-trading, confirm live orders, stop
     * trading. {@link TradingControl#NONE} when the session places no orders.
     */
    default TradingControl trading() {
        return TradingControl.NONE;
    }

    @Override
    void close();
}
