package io.niftyscanner.feed;

import static org.assertj.core.api.Assertions.assertThat;

import io.niftyscanner.config.DataMode;
import io.niftyscanner.config.TimeWindow;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class HybridScheduleTest {
    private static long ist(String t) {
        return OffsetDateTime.parse("2026-11-24T" + t + "+05:30").toInstant().toEpochMilli();
    }

    private final HybridSchedule schedule = new HybridSchedule(TimeWindow.parseList("09:15-10:00,14:00-15:30"));

    @Test
    void streamsInTheWindowsAndPollsBetween() {
        assertThat(schedule.feedAt(ist("09:15:00"))).isEqualTo(DataMode.STREAM);
        assertThat(schedule.feedAt(ist("09:59:59.999"))).isEqualTo(DataMode.STREAM);
        assertThat(schedule.feedAt(ist("10:00:00"))).isEqualTo(DataMode.POLL);
        assertThat(schedule.feedAt(ist("13:59:59"))).isEqualTo(DataMode.POLL);
        assertThat(schedule.feedAt(ist("14:00:00"))).isEqualTo(DataMode.STREAM);
        assertThat(schedule.resolve(DataMode.POLL, ist("09:30:00"))).isEqualTo(DataMode.POLL);
        assertThat(schedule.resolve(DataMode.HYBRID, ist("11:00:00"))).isEqualTo(DataMode.POLL);
    }

    @Test
    void marketClockFollowsExchangeTimeAndNeverGoesBack() {
        AtomicLong nanos = new AtomicLong(1_000_000_000L);
        Clock wall = Clock.fixed(Instant.parse("2026-11-24T18:30:00Z"), ZoneOffset.UTC);
        MarketClock clock = new MarketClock(wall, nanos::get);
        assertThat(clock.now()).as("wall clock until an exchange time is seen").isEqualTo(wall.millis());
        clock.observe(ist("09:15:03"));
        nanos.addAndGet(2_500_000_000L);
        assertThat(clock.now()).isEqualTo(ist("09:15:05.500"));
        clock.observe(ist("09:15:01"));
        assertThat(clock.now()).as("a late tick does not move the clock back").isEqualTo(ist("09:15:05.500"));
        clock.observe(ist("09:15:07"));
        assertThat(clock.now()).isEqualTo(ist("09:15:07"));
    }
}
