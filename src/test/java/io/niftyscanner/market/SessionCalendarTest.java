package io.niftyscanner.market;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SessionCalendarTest {
    private static long ist(String localDateTime) {
        return OffsetDateTime.parse(localDateTime + "+05:30").toInstant().toEpochMilli();
    }

    private final SessionCalendar calendar = new SessionCalendar(Set.of(LocalDate.of(2026, 12, 25)));

    @Test
    void sessionRunsFrom0915To1530Ist() {
        assertThat(calendar.inSession(ist("2026-11-24T09:14:59.999"))).isFalse();
        assertThat(calendar.inSession(ist("2026-11-24T09:15:00.000"))).isTrue();
        assertThat(calendar.inSession(ist("2026-11-24T15:29:59.999"))).isTrue();
        assertThat(calendar.inSession(ist("2026-11-24T15:30:00.000"))).isFalse();
    }

    @Test
    void weekendsAndHolidaysAreClosed() {
        assertThat(calendar.inSession(ist("2026-11-28T10:00:00"))).as("Saturday").isFalse();
        assertThat(calendar.inSession(ist("2026-11-29T10:00:00"))).as("Sunday").isFalse();
        assertThat(calendar.inSession(ist("2026-12-25T10:00:00"))).as("holiday").isFalse();
        assertThat(calendar.inSession(ist("2026-12-24T10:00:00"))).isTrue();
    }

    @Test
    void bucketsAlignTo0915InIst() {
        // 09:15 IST = 03:45 UTC: the buckets must not be aligned to UTC five-minute marks only by accident
        assertThat(SessionCalendar.bucketStart(ist("2026-11-24T09:15:00"), Timeframe.FIVE_MINUTES)).isEqualTo(ist("2026-11-24T09:15:00"));
        assertThat(SessionCalendar.bucketStart(ist("2026-11-24T09:19:59.999"), Timeframe.FIVE_MINUTES)).isEqualTo(ist("2026-11-24T09:15:00"));
        assertThat(SessionCalendar.bucketStart(ist("2026-11-24T09:20:00"), Timeframe.FIVE_MINUTES)).isEqualTo(ist("2026-11-24T09:20:00"));
        assertThat(SessionCalendar.bucketStart(ist("2026-11-24T15:29:59"), Timeframe.FIVE_MINUTES)).isEqualTo(ist("2026-11-24T15:25:00"));
        assertThat(SessionCalendar.bucketStart(ist("2026-11-24T10:07:30"), Timeframe.ONE_MINUTE)).isEqualTo(ist("2026-11-24T10:07:00"));
    }

    @Test
    void istDateIsTheIndianCalendarDay() {
        // 2026-11-24T20:00Z is already 2026-11-25 01:30 in India
        long t = Instant.parse("2026-11-24T20:00:00Z").toEpochMilli();
        assertThat(SessionCalendar.istDate(t)).isEqualTo(LocalDate.of(2026, 11, 25));
        assertThat(SessionCalendar.sessionOpenMillis(LocalDate.of(2026, 11, 24))).isEqualTo(ist("2026-11-24T09:15:00"));
        assertThat(SessionCalendar.sessionCloseMillis(LocalDate.of(2026, 11, 24))).isEqualTo(ist("2026-11-24T15:30:00"));
    }

    @Test
    void nextOpenSkipsWeekendsAndHolidays() {
        assertThat(calendar.nextOpen(Instant.ofEpochMilli(ist("2026-11-27T16:00:00"))))
                .isEqualTo(Instant.ofEpochMilli(ist("2026-11-30T09:15:00")));
        assertThat(calendar.nextOpen(Instant.ofEpochMilli(ist("2026-11-24T08:00:00"))))
                .isEqualTo(Instant.ofEpochMilli(ist("2026-11-24T09:15:00")));
        assertThat(calendar.nextOpen(Instant.ofEpochMilli(ist("2026-12-24T15:45:00"))))
                .as("25th is a holiday").isEqualTo(Instant.ofEpochMilli(ist("2026-12-28T09:15:00")));
        assertThat(calendar.previousTradingDay(LocalDate.of(2026, 11, 30))).isEqualTo(LocalDate.of(2026, 11, 27));
    }
}
