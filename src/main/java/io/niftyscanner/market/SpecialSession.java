package io.niftyscanner.market;

import java.time.LocalDate;
import java.time.LocalTime;

/**
 * A session the exchange holds outside its regular calendar, such as Muhurat trading on Diwali (often a Sunday or a
 * holiday, about an hour in the evening), in IST, [open, close).
 */
public record SpecialSession(LocalDate date, LocalTime open, LocalTime close) {
    public SpecialSession {
        if (!close.isAfter(open)) {
            throw new IllegalArgumentException("special session on " + date + ": close " + close + " is not after open " + open);
        }
    }

    public long openMillis() {
        return SessionCalendar.istMillis(date, open);
    }

    public long closeMillis() {
        return SessionCalendar.istMillis(date, close);
    }

    public boolean contains(long epochMillis) {
        return epochMillis >= openMillis() && epochMillis < closeMillis();
    }

    @Override
    public String toString() {
        return date + " " + open + "-" + close;
    }
}
