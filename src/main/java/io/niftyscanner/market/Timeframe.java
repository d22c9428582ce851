package io.niftyscanner.market;

/** Candle length. Only five minutes is used by the default strategy. */
public enum Timeframe {
    ONE_MINUTE(60_000L, "minute"),
    FIVE_MINUTES(300_000L, "5minute");

    private final long millis;
    private final String kiteInterval;

    Timeframe(long millis, String kiteInterval) {
        this.millis = millis;
        this.kiteInterval = kiteInterval;
    }

    public long millis() {
        return millis;
    }

    /** The interval name used by Kite's historical route. */
    public String kiteInterval() {
        return kiteInterval;
    }
}
