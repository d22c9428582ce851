package io.niftyscanner.sandbox;

import java.time.LocalDate;

/**
 * Parameters of the seeded price process, and the deterministic seeds and daily price levels derived from the seed.
 * Intraday, log price follows a drift (trend regime up, down or flat; regimes switch every ~30 minutes on average),
 * a weak pull back to the day's level, and Gaussian noise sized by the instrument's volatility.
 */
final class PriceModel {
    static final double SESSION_SECONDS = 22_500.0;
    static final double REGIME_HAZARD_PER_SECOND = 1.0 / 1800.0;
    static final double REVERSION_PER_SECOND = 1.0 / 7200.0;
    static final double TREND_PER_VOL = 1.2e-5;
    static final double TURNOVER_PER_TICK_RUPEES = 200_000.0;

    private PriceModel() {}

    /** Noise per square-root second of market time for an annualised volatility. */
    static double noisePerRootSecond(double annualVol) {
        return annualVol / Math.sqrt(252.0 * SESSION_SECONDS);
    }

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    static long seedFor(long seed, long token, LocalDate date) {
        return mix(mix(seed * 0x9E3779B97F4A7C15L + token) + date.toEpochDay());
    }

    /** A deterministic value in [0, 1) for the key. */
    static double unit(long key) {
        return (mix(key) >>> 11) * 0x1.0p-53;
    }

    /** Log of the instrument's price level on the date: slow cycles around the base price, phases from the seed. */
    static double logLevel(long seed, long token, double basePrice, LocalDate date) {
        double n = date.toEpochDay();
        double p1 = unit(seed ^ token ^ 0x11L) * 2 * Math.PI;
        double p2 = unit(seed ^ token ^ 0x22L) * 2 * Math.PI;
        double p3 = unit(seed ^ token ^ 0x33L) * 2 * Math.PI;
        return Math.log(basePrice)
                + 0.06 * Math.sin(2 * Math.PI * n / 180.0 + p1)
                + 0.035 * Math.sin(2 * Math.PI * n / 41.0 + p2)
                + 0.012 * Math.sin(2 * Math.PI * n / 9.0 + p3);
    }
}
