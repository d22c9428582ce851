package io.niftyscanner.sandbox;

import io.niftyscanner.market.SessionCalendar;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Kite's time formats, all in IST. */
final class KiteTime {
    static final DateTimeFormatter PLAIN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    static final DateTimeFormatter CANDLE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssZ");

    private KiteTime() {}

    /** {@code 2026-11-23 09:15:03}, IST, no zone: quotes, orders, login_time. */
    static String plain(long epochMillis) {
        return PLAIN.format(Instant.ofEpochMilli(epochMillis).atZone(SessionCalendar.IST));
    }

    /** {@code 2026-11-23T09:15:00+0530}: historical candle timestamps. */
    static String candle(long epochMillis) {
        return CANDLE.format(Instant.ofEpochMilli(epochMillis).atZone(SessionCalendar.IST));
    }

    /** Parses a historical from/to value as IST: {@code yyyy-MM-dd HH:mm:ss}, {@code yyyy-MM-ddTHH:mm:ss} or a date. */
    static Optional<Long> parseIst(String s) {
        if (s == null || s.isBlank()) {
            return Optional.empty();
        }
        String t = s.trim().replace('T', ' ');
        try {
            if (t.length() == 10) {
                return Optional.of(LocalDate.parse(t).atStartOfDay(SessionCalendar.IST).toInstant().toEpochMilli());
            }
            if (t.length() == 16) {
                t = t + ":00";
            }
            if (t.length() > 19) {
                t = t.substring(0, 19);
            }
            return Optional.of(LocalDateTime.parse(t, PLAIN).atZone(SessionCalendar.IST).toInstant().toEpochMilli());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
