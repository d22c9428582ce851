package io.niftyscanner.engine;

import io.niftyscanner.market.SessionCalendar;
import java.time.LocalDateTime;

/** IST wall times as epoch milliseconds, for readable tests. */
final class Ist {
    static final String DAY = "2026-11-23"; // a Monday

    private Ist() {}

    static long at(String dateTime) {
        return LocalDateTime.parse(dateTime).atZone(SessionCalendar.IST).toInstant().toEpochMilli();
    }

    /** A time on {@link #DAY}, "HH:mm:ss" or "HH:mm:ss.SSS". */
    static long t(String time) {
        return at(DAY + "T" + time);
    }
}
