package io.niftyscanner.ui;

import io.niftyscanner.market.SessionCalendar;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How numbers and times look in the window (IST, Indian rupee prices with two decimals). */
public final class Formats {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(SessionCalendar.IST);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd MMM HH:mm:ss", Locale.ENGLISH)
            .withZone(SessionCalendar.IST);

    private Formats() {}

    public static String price(double p) {
        return Double.isNaN(p) ? "–" : String.format(Locale.ROOT, "%,.2f", p);
    }

    public static String number(double v, int decimals) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    public static String percent(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%+.2f%%", v);
    }

    /** Volumes the Indian way: 12,345 then lakhs (L) and crores (Cr). */
    public static String volume(long v) {
        if (v < 100_000) {
            return String.format(Locale.ROOT, "%,d", v);
        }
        if (v < 10_000_000) {
            return String.format(Locale.ROOT, "%.2f L", v / 100_000.0);
        }
        return String.format(Locale.ROOT, "%.2f Cr", v / 10_000_000.0);
    }

    public static String time(long epochMillis) {
        return epochMillis <= 0 ? "–" : TIME.format(Instant.ofEpochMilli(epochMillis));
    }

    public static String dateTime(Instant t) {
        return t == null ? "–" : DATE_TIME.format(t);
    }
}
