package io.niftyscanner.market;

/** How trustworthy a candle's data is. */
public enum CandleQuality {
    /** Built from ticks covering the whole bucket. */
    COMPLETE,
    /** The app joined mid-session or mid-bucket: open and volume may be incomplete. */
    PARTIAL,
    /** Data was missed inside the bucket (disconnect, watchdog trip, mode switch) and not yet repaired. */
    GAPPED,
    /** A gapped or partial candle replaced by the exchange's historical candle. */
    REPAIRED,
    /** Loaded from the historical API or the cache for warm-up. */
    HISTORICAL;

    /** Whether the default strategy may fire a signal on a candle of this quality. */
    public boolean signalEligible() {
        return this == COMPLETE || this == REPAIRED || this == HISTORICAL;
    }
}
