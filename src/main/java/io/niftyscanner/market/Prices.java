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

    /**
     * Parses a decimal rupee price ("2500.05", "2500", "-1.5") exactly into minor units, without floating point.
     *
     * @throws NumberFormatException when the text is not a plain decimal number or has more non-zero decimals than
     *                               the segment's minor unit allows (e.g. "2500.055" for NSE, whose unit is 0.01)
     */
    public static long parseMinor(CharSequence text, long token) {
        long divisor = divisor(token);
        int decimals = Long.toString(divisor).length() - 1;
        int n = text.length();
        int i = 0;
        boolean negative = false;
        if (n > 0 && (text.charAt(0) == '-' || text.charAt(0) == '+')) {
            negative = text.charAt(0) == '-';
            i++;
        }
        long whole = 0;
        long fraction = 0;
        int fractionDigits = 0;
        boolean digits = false;
        boolean point = false;
        for (; i < n; i++) {
            char c = text.charAt(i);
            if (c == '.' && !point) {
                point = true;
            } else if (c >= '0' && c <= '9') {
                digits = true;
                if (!point) {
                    whole = Math.addExact(Math.multiplyExact(whole, 10L), c - '0');
                } else if (fractionDigits < decimals) {
                    fraction = fraction * 10 + (c - '0');
                    fractionDigits++;
                } else if (c != '0') {
                    throw new NumberFormatException("'" + text + "' has more decimals than the minor unit 1/" + divisor + " allows");
                }
            } else {
                throw new NumberFormatException("'" + text + "' is not a decimal price");
            }
        }
        if (!digits) {
            throw new NumberFormatException("'" + text + "' is not a decimal price");
        }
        for (; fractionDigits < decimals; fractionDigits++) {
            fraction *= 10;
        }
        long minor = Math.addExact(Math.multiplyExact(whole, divisor), fraction);
        return negative ? -minor : minor;
    }
}
