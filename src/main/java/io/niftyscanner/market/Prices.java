package io.niftyscanner.market;

/**
 * Prices travel as integers in the exchange's minor unit (paise for NSE), exactly as Kite sends them.
 * The divisor depends on the segment, which is the low byte of the instrument token (kite-protocol.md 1.4).
 */
public final class Prices {
    public static final int SEGMENT_NSE = 1;
    public static final int SEGMENT_CDS = 3;
    public static final int SEGMENT_BCD = 6;
    public static final int SEGMENT_INDICES = 9;

    private Prices() {}

    public static int segment(long token) {
        return (int) (token & 0xFF);
    }

    public static long divisor(long token) {
        switch (segment(token)) {
            case SEGMENT_CDS:
                return 10_000_000L;
            case SEGMENT_BCD:
                return 10_000L;
            default:
                return 100L;
        }
    }

    public static double toDouble(long minorUnits, long token) {
        return (double) minorUnits / divisor(token);
    }

    /** Rounds a rupee price to the nearest minor unit. */
    public static long toMinor(double price, long token) {
        return Math.round(price * divisor(token));
    }

    /** Rounds a rupee price to the nearest multiple of the instrument's tick size, in minor units. */
    public static long roundToTick(double price, double tickSize, long token) {
        long div = divisor(token);
        long tick = Math.max(1L, Math.round(tickSize * div));
        long minor = Math.round(price * div);
        return Math.round((double) minor / tick) * tick;
    }
}
