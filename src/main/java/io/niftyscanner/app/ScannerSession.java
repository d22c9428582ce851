package io.niftyscanner.app;

import io.niftyscanner.config.DataMode;

/** A running scanner as the window (or the headless runner) drives it. Implementations are thread-safe. */
public interface ScannerSession extends AutoCloseable {
    /** The latest snapshot; cheap, never blocks on the engine. */
    ScannerView view();

    /** Switches the data mode while running, without losing a candle or repeating a signal. */
    void switchMode(DataMode mode);

    /** Drops the current connection and reconnects now (the sidebar's button). */
    void reconnect();

    @Override
    void close();
}
