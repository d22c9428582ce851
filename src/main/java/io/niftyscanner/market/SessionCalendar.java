package io.niftyscanner.market;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The NSE calendar in IST: the regular session 09:15:00 to 15:30:00, Monday to Friday, minus configured holidays,
 * plus configured special sessions (Muhurat trading) on any day. {@link #inSession(long)} answers whether the exchange
 * trades at all (what the status says); {@link #inRegularSession(long)} whether it is in the regular hours in which
 * candles are built (design.md 6). The per-tick methods do plain arithmetic: IST has no daylight saving, so the offset
 * is a constant.
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
    private final List<SpecialSession> specialSessions;
    private final long[] specialOpens;
    private final long[] specialCloses;

    public SessionCalendar(Set<LocalDate> holidays) {
        this(holidays, List.of());
    }

    /** @param specialSessions sessions outside the regular calendar; they open the exchange even on weekends and holidays */
    public SessionCalendar(Set<LocalDate> holidays, Collection<SpecialSession> specialSessions) {
        this.holidays = Set.copyOf(new TreeSet<>(holidays));
        List<SpecialSession> sorted = new ArrayList<>(specialSessions);
        sorted.sort(Comparator.comparingLong(SpecialSession::openMillis));
        this.specialSessions = List.copyOf(sorted);
        this.specialOpens = sorted.stream().mapToLong(SpecialSession::openMillis).toArray();
        this.specialCloses = sorted.stream().mapToLong(SpecialSession::closeMillis).toArray();
    }

    public static SessionCalendar withoutHolidays() {
        return new SessionCalendar(Set.of());
    }

    public Set<LocalDate> holidays() {
        return holidays;
    }

    /** The special sessions, earliest first. */
    public List<SpecialSession> specialSessions() {
        return specialSessions;
    }

    /** Epoch milliseconds of a date and time of day in IST. */
    public static long istMillis(LocalDate date, LocalTime time) {
        return date.toEpochDay() * DAY_MILLIS - IST_OFFSET_MILLIS + time.toSecondOfDay() * 1000L;
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

    /** Whether the exchange trades at the instant: in a regular session or in a special one. */
    public boolean inSession(long epochMillis) {
        return inRegularSession(epochMillis) || specialSessionAt(epochMillis) >= 0;
    }

    /** Whether the instant lies in a regular session: a trading day, between 09:15 and 15:30 IST. */
    public boolean inRegularSession(long epochMillis) {
        return inSessionHours(epochMillis) && isTradingDay(istDate(epochMillis));
    }

    /** Whether the exchange holds any session on the date (regular or special). */
    public boolean hasSession(LocalDate date) {
        if (isTradingDay(date)) {
            return true;
        }
        for (SpecialSession s : specialSessions) {
            if (s.date().equals(date)) {
                return true;
            }
        }
        return false;
    }

    private int specialSessionAt(long epochMillis) {
        for (int i = 0; i < specialOpens.length; i++) {
            if (epochMillis >= specialOpens[i] && epochMillis < specialCloses[i]) {
                return i;
            }
        }
        return -1;
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

    /** Whether the date has a regular session (a weekday that is not a holiday); special sessions do not count. */
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

    /**
     * The next session open at or after the instant (the current session's open if it is in session), regular or
     * special, whichever comes first.
     */
    public Instant nextOpen(Instant from) {
        long t = from.toEpochMilli();
        long regular = nextRegularOpen(t);
        for (int i = 0; i < specialOpens.length; i++) {
            if (specialCloses[i] > t && specialOpens[i] < regular) {
                return Instant.ofEpochMilli(specialOpens[i]);
            }
        }
        return Instant.ofEpochMilli(regular);
    }

    private long nextRegularOpen(long t) {
        LocalDate day = istDate(t);
        if (isTradingDay(day) && istMillisOfDay(t) < CLOSE_MILLIS_OF_DAY) {
            return sessionOpenMillis(day);
        }
        LocalDate next = day.plusDays(1);
        for (int i = 0; i < 366 && !isTradingDay(next); i++) {
            next = next.plusDays(1);
        }
        return sessionOpenMillis(next);
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
