package io.niftyscanner.kite;

import io.niftyscanner.market.Instrument;

/**
 * One row of Kite's instrument dump ({@code GET /instruments}). Numbers that the app never computes with
 * (last_price, strike) stay as the text Kite sent.
 */
public record InstrumentRow(long instrumentToken, long exchangeToken, String tradingsymbol, String name,
                            String lastPrice, String expiry, String strike, double tickSize, int lotSize,
                            String instrumentType, String segment, String exchange) {

    public Instrument toInstrument() {
        return new Instrument(tradingsymbol, instrumentToken, name == null || name.isBlank() ? tradingsymbol : name,
                exchange, tickSize, lotSize);
    }
}
