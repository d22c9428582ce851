package io.niftyscanner.market;

import java.util.Objects;

/** A tradable (or index) instrument as Kite identifies it. */
public record Instrument(String symbol, long token, String name, String exchange, double tickSize, int lotSize) {

    public Instrument {
        Objects.requireNonNull(symbol, "symbol");
        if (symbol.isBlank()) {
            throw new IllegalArgumentException("instrument symbol is blank");
        }
        if (token <= 0 || token > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("instrument token out of range for " + symbol + ": " + token);
        }
        name = name == null ? symbol : name;
        exchange = exchange == null ? "NSE" : exchange;
        if (tickSize <= 0) {
            tickSize = 0.05;
        }
        if (lotSize <= 0) {
            lotSize = 1;
        }
    }

    public static Instrument nseEquity(String symbol, long token) {
        return new Instrument(symbol, token, symbol, "NSE", 0.05, 1);
    }

    public int segment() {
        return Prices.segment(token);
    }

    public boolean isIndex() {
        return segment() == Prices.SEGMENT_INDICES;
    }

    /** The key Kite's quote routes use, e.g. {@code NSE:RELIANCE}. */
    public String quoteKey() {
        return exchange + ":" + symbol;
    }

    public double toPrice(long minorUnits) {
        return Prices.toDouble(minorUnits, token);
    }
}
