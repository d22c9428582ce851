package io.niftyscanner.market;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;
import java.util.TreeSet;

/**
 * The NSE normal-market session in IST: 09:15:00 to 15:30:00, Monday to Friday, minus configured holidays.
 * The per-tick methods ({@link #inSession(long)}, {@link #bucketStart(long, Timeframe)}) do plain arithmetic:
 * IST has no daylight saving, so the offset is a constant.
 */
public final class SessionCalendar {
    public static final ZoneId IST = ZoneId.of("Asia/Kolkata");
    public static final LocalTime OPEN = LocalTime.of(9, 15);
    public static final LocalTime CLOSE = LocalTime.of(15, 30);

    private static final long IST_OFFSET_MILLIS = 19_800_000L; // +05:30
    private static final long DAY_MILLIS = 86_400_000L;
    private static final long OPEN_MILLIS_OF_DAY = OPEN.toSecondOfDay() * 1000L;
    private static final long CLOSE_MILLIS_OF_DAY = CLOSE.toSecondOfDay() * 1000L;

    private final Set<LocalDate> holidays;

    public SessionCalendar(Set<LocalDate> holidays) {
        this.holidays = Set.copyOf(new TreeSet<>(holidays));
    }

    public static SessionCalendar withoutHolidays() {
        return new SessionCalendar(Set.of());
    }

    public Set<LocalDate> holidays() {
        return holidays;
    }

    /** Milliseconds since IST midnight of the given instant. */
    public static long istMillisOfDay(long epochMillis) {
        return Math.floorMod(epochMillis + IST_OFFSET_MILLIS, DAY_MILLIS);
    }

    /** Epoch milliseconds of IST midnight of the day containing the instant. */
    public static long istDayStart(long epochMillis) {
        return epochMillis - istMillisOfDay(epochMillis);
    }

    /** The IST calendar day of the instant, as epoch days (cheap key for per-day state). */
    public static long istEpochDay(long epochMillis) {
        return Math.floorDiv(epochMillis + IST_OFFSET_MILLIS, DAY_MILLIS);
    }

    public static LocalDate istDate(long epochMillis) {
        return LocalDate.ofEpochDay(istEpochDay(epochMillis));
    }

    /** Whether the instant's time of day lies in 09:15:00.000 to 15:29:59.999 IST (the day is not checked). */
    public static boolean inSessionHours(long epochMillis) {
        long t = istMillisOfDay(epochMillis);
        return t >= OPEN_MILLIS_OF_DAY && t < CLOSE_MILLIS_OF_DAY;
    }

    /** Whether the instant lies in a trading session: a trading day, between 09:15 and 15:30 IST. */
    public boolean inSession(long epochMillis) {
        return inSessionHours(epochMillis) && isTradingDay(istDate(epochMillis));
    }

    /**
     * Start of the candle bucket containing the instant, aligned to 09:15 IST; only meaningful in session hours.
     */
    public static long bucketStart(long epochMillis, Timeframe timeframe) {
        long dayStart = istDayStart(epochMillis);
        long sinceOpen = istMillisOfDay(epochMillis) - OPEN_MILLIS_OF_DAY;
        long len = timeframe.millis();
        return dayStart + OPEN_MILLIS_OF_DAY + Math.floorDiv(sinceOpen, len) * len;
    }

    public boolean isTradingDay(LocalDate date) {
        DayOfWeek d = date.getDayOfWeek();
        return d != DayOfWeek.SATURDAY && d != DayOfWeek.SUNDAY && !holidays.contains(date);
    }

    public static long sessionOpenMillis(LocalDate date) {
        return date.toEpochDay() * DAY_MILLIS - IST_OFFSET_MILLIS + OPEN_MILLIS_OF_DAY;
    }

    public static long sessionCloseMillis(LocalDate date) {
        return date.toEpochDay() * DAY_MILLIS - IST_OFFSET_MILLIS + CLOSE_MILLIS_OF_DAY;
    }

    /** The next session open at or after the instant (the current session's open if it is in session). */
    public Instant nextOpen(Instant from) {
        long t = from.toEpochMilli();
        LocalDate day = istDate(t);
        if (inSession(t)) {
            return Instant.ofEpochMilli(sessionOpenMillis(day));
        }
        if (isTradingDay(day) && istMillisOfDay(t) < OPEN_MILLIS_OF_DAY) {
            return Instant.ofEpochMilli(sessionOpenMillis(day));
        }
        LocalDate next = day.plusDays(1);
        for (int i = 0; i < 366 && !isTradingDay(next); i++) {
            next = next.plusDays(1);
        }
        return Instant.ofEpochMilli(sessionOpenMillis(next));
    }

    /** The last trading day strictly before the given date. */
    public LocalDate previousTradingDay(LocalDate date) {
        LocalDate d = date.minusDays(1);
        for (int i = 0; i < 366 && !isTradingDay(d); i++) {
            d = d.minusDays(1);
        }
        return d;
    }

    public static ZonedDateTime ist(long epochMillis) {
        return Instant.ofEpochMilli(epochMillis).atZone(IST);
    }
}
