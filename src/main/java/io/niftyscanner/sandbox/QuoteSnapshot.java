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

    /** The same quote stamped at another exchange time (the future_timestamp fault). */
    QuoteSnapshot withExchangeMillis(long millis) {
        return new QuoteSnapshot(instrument, lastPrice, lastQuantity, averagePrice, volume, buyQuantity, sellQuantity, open, high,
                low, close, lastTradeMillis, millis, bidPrice, bidQuantity, bidOrders, askPrice, askQuantity, askOrders);
    }

    /** The same quote with another last price (the zero_price fault). */
    QuoteSnapshot withLastPrice(long price) {
        return new QuoteSnapshot(instrument, price, lastQuantity, averagePrice, volume, buyQuantity, sellQuantity, open, high,
                low, close, lastTradeMillis, exchangeMillis, bidPrice, bidQuantity, bidOrders, askPrice, askQuantity, askOrders);
    }

    /** Derived change: (last - close) * 100 / close, 0 when close is 0 (kite-protocol.md 1.4). */
    double changePercent() {
        return close == 0 ? 0.0 : (lastPrice - close) * 100.0 / close;
    }
}
