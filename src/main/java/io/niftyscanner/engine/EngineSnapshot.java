package io.niftyscanner.engine;

import java.util.List;

/** An immutable picture of the engine's market state, for the UI and status reporting. */
public record EngineSnapshot(long marketTimeMillis, List<InstrumentView> instruments, EngineStats stats) {
    public static final EngineSnapshot EMPTY = new EngineSnapshot(0, List.of(), new EngineStats(0, 0, 0, 0, 0, 0, 0));

    public EngineSnapshot {
        instruments = List.copyOf(instruments);
    }

    /** Candles of all instruments that await repair from the exchange's candles. */
    public int awaitingRepair() {
        int n = 0;
        for (InstrumentView v : instruments) {
            n += v.awaitingRepair();
        }
        return n;
    }

    /** The view of one instrument, or null when the token is not configured. */
    public InstrumentView view(long token) {
        for (InstrumentView v : instruments) {
            if (v.instrument().token() == token) {
                return v;
            }
        }
        return null;
    }
}
