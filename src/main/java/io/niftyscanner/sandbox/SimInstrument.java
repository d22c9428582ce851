package io.niftyscanner.sandbox;

import io.niftyscanner.market.Instrument;

/**
 * An instrument the simulator prices.
 *
 * @param basePrice      typical price level in rupees
 * @param annualVol      annualised volatility (0.25 = 25 %)
 * @param indexWeight    relative weight in the NIFTY 50 (0 for the index itself)
 * @param companyName    the name column of the instrument dump
 */
public record SimInstrument(Instrument instrument, double basePrice, double annualVol, double indexWeight, String companyName) {

    public long token() {
        return instrument.token();
    }

    public String symbol() {
        return instrument.symbol();
    }

    public boolean isIndex() {
        return instrument.isIndex();
    }
}
