package io.niftyscanner.market;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
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

    private final SessionCalendar diwali = new SessionCalendar(Set.of(LocalDate.of(2026, 11, 10), LocalDate.of(2026, 11, 6)),
            List.of(new SpecialSession(LocalDate.of(2026, 11, 8), LocalTime.of(18, 0), LocalTime.of(19, 15)),
                    new SpecialSession(LocalDate.of(2026, 11, 6), LocalTime.of(18, 0), LocalTime.of(19, 0))));

    @Test
    void aSpecialSessionOpensTheExchangeOnASundayForItsWindowOnly() {
        assertThat(diwali.inSession(ist("2026-11-08T17:59:59.999"))).isFalse();
        assertThat(diwali.inSession(ist("2026-11-08T18:00:00"))).isTrue();
        assertThat(diwali.inSession(ist("2026-11-08T19:14:59.999"))).isTrue();
        assertThat(diwali.inSession(ist("2026-11-08T19:15:00"))).isFalse();
        assertThat(diwali.inSession(ist("2026-11-08T10:00:00"))).as("no regular session on the Sunday").isFalse();
        assertThat(diwali.inRegularSession(ist("2026-11-08T18:30:00"))).as("no candle hours").isFalse();
        assertThat(diwali.isTradingDay(LocalDate.of(2026, 11, 8))).isFalse();
        assertThat(diwali.hasSession(LocalDate.of(2026, 11, 8))).isTrue();
        assertThat(diwali.hasSession(LocalDate.of(2026, 11, 7))).isFalse();
    }

    @Test
    void aSpecialSessionOnAWeekdayHolidayOpensOnlyInTheEvening() {
        assertThat(diwali.inSession(ist("2026-11-06T10:00:00"))).as("the holiday's regular hours").isFalse();
        assertThat(diwali.inSession(ist("2026-11-06T18:30:00"))).isTrue();
        assertThat(diwali.nextOpen(Instant.ofEpochMilli(ist("2026-11-06T09:00:00"))))
                .isEqualTo(Instant.ofEpochMilli(ist("2026-11-06T18:00:00")));
    }

    @Test
    void nextOpenIsTheEarlierOfTheRegularAndTheSpecialSessions() {
        assertThat(diwali.nextOpen(Instant.ofEpochMilli(ist("2026-11-07T12:00:00")))).as("Saturday: Sunday evening comes first")
                .isEqualTo(Instant.ofEpochMilli(ist("2026-11-08T18:00:00")));
        assertThat(diwali.nextOpen(Instant.ofEpochMilli(ist("2026-11-08T18:30:00")))).as("in the special session: its open")
                .isEqualTo(Instant.ofEpochMilli(ist("2026-11-08T18:00:00")));
        assertThat(diwali.nextOpen(Instant.ofEpochMilli(ist("2026-11-08T19:15:00")))).as("after it: Monday")
                .isEqualTo(Instant.ofEpochMilli(ist("2026-11-09T09:15:00")));
        assertThat(diwali.nextOpen(Instant.ofEpochMilli(ist("2026-11-09T15:30:00")))).as("Tuesday the 10th is a holiday")
                .isEqualTo(Instant.ofEpochMilli(ist("2026-11-11T09:15:00")));
        assertThat(diwali.nextOpen(Instant.ofEpochMilli(ist("2026-11-09T12:00:00")))).as("in a regular session: its open")
                .isEqualTo(Instant.ofEpochMilli(ist("2026-11-09T09:15:00")));
        assertThat(diwali.specialSessions()).extracting(SpecialSession::date)
                .containsExactly(LocalDate.of(2026, 11, 6), LocalDate.of(2026, 11, 8));
    }
}
