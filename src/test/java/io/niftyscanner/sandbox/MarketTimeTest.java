package io.niftyscanner.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.niftyscanner.market.SessionCalendar;
import io.niftyscanner.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Where the simulated session starts, and how fast market time runs. */
class MarketTimeTest {
    private static Instant ist(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(SessionCalendar.IST).toInstant();
    }

    private static Instant start(String wallIst, LocalDate date, LocalTime time) {
        return SandboxExchange.startInstant(SandboxOptions.defaults().withWallClock(new MutableClock(ist(wallIst)))
                .withStart(date, time).withCalendar(new SessionCalendar(Set.of(LocalDate.of(2026, 11, 24)))));
    }

    @Test
    void sessionStartsNowInHoursElseAt0915OfTheLatestTradingDay() {
        assertThat(start("2026-11-25T11:07:30", null, null)).isEqualTo(ist("2026-11-25T11:07:30"));
        assertThat(start("2026-11-25T20:00:00", null, null)).isEqualTo(ist("2026-11-25T09:15:00"));
        assertThat(start("2026-11-25T07:00:00", null, null)).isEqualTo(ist("2026-11-25T09:15:00"));
        assertThat(start("2026-11-28T12:00:00", null, null)).as("Saturday -> Friday").isEqualTo(ist("2026-11-27T09:15:00"));
        assertThat(start("2026-11-24T12:00:00", null, null)).as("holiday -> the day before").isEqualTo(ist("2026-11-23T09:15:00"));
        assertThat(start("2026-11-25T20:00:00", null, LocalTime.of(14, 0))).isEqualTo(ist("2026-11-25T14:00:00"));
        assertThat(start("2026-11-25T20:00:00", LocalDate.of(2026, 11, 20), LocalTime.of(9, 30)))
                .isEqualTo(ist("2026-11-20T09:30:00"));
    }

    @Test
    void scaledClockRunsSpeedTimesFaster() {
        MutableClock wall = new MutableClock(Instant.parse("2026-11-25T00:00:00Z"));
        MarketClock market = MarketClock.scaled(wall, ist("2026-11-25T09:15:00"), 60);
        wall.advance(Duration.ofSeconds(2));
        assertThat(market.nowMillis()).isEqualTo(ist("2026-11-25T09:17:00").toEpochMilli());
        assertThatThrownBy(() -> MarketClock.scaled(wall, Instant.EPOCH, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void badOptionsAreRefusedWithTheReason() {
        assertThatThrownBy(() -> SandboxOptions.defaults().withPorts(-1, 0)).hasMessageContaining("REST port");
        assertThatThrownBy(() -> SandboxOptions.defaults().withSpeed(0)).hasMessageContaining("speed");
        assertThatThrownBy(() -> SandboxOptions.defaults().withTicksPerSecond(50)).hasMessageContaining("ticks per second");
        assertThatThrownBy(() -> SandboxOptions.defaults().withCredentials("", "t", "s")).hasMessageContaining("api key");
    }
}
