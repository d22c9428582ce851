package io.niftyscanner.orders;

/** Where the scanner's market data and orders come from. */
public enum Venue {
    /** The embedded sandbox exchange or a sandbox at KITE_REST_URL (API key "sandbox"): orders go to its book. */
    SANDBOX,
    /** Zerodha Kite (or a Kite-compatible server that is not a sandbox): real money unless paper. */
    KITE
}
