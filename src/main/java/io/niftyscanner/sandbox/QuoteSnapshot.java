package io.niftyscanner.sandbox;

/**
 * Everything Kite reports about one instrument at one moment, prices in paise. Depth arrays hold 5 levels,
 * best first (empty arrays for the index).
 */
record QuoteSnapshot(SimInstrument instrument, long lastPrice, long lastQuantity, long averagePrice, long volume,
                     long buyQuantity, long sellQuantity, long open, long high, long low, long close,
                     long lastTradeMillis, long exchangeMillis,
                     long[] bidPrice, long[] bidQuantity, int[] bidOrders,
                     long[] askPrice, long[] askQuantity, int[] askOrders) {

    long token() {
        return instrument.token();
    }

    boolean isIndex() {
        return instrument.isIndex();
    }

    /** Derived change: (last - close) * 100 / close, 0 when close is 0 (kite-protocol.md 1.4). */
    double changePercent() {
        return close == 0 ? 0.0 : (lastPrice - close) * 100.0 / close;
    }
}
