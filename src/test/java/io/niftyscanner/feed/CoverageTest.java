package io.niftyscanner.feed;

import static org.assertj.core.api.Assertions.assertThat;

import io.niftyscanner.engine.Engine;
import io.niftyscanner.engine.EngineCore;
import io.niftyscanner.engine.StrategyParams;
import io.niftyscanner.market.Instrument;
import io.niftyscanner.market.SessionCalendar;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * A heartbeat vouches for the market clock's estimate at the moment it is handled. When that moment lies after the
 * connection broke (a heartbeat sent just before a drop and handled late: a paused or starved process, or a moved clock
 * in a test), the loss must still be dated from the data actually delivered: every bucket from the last tick on is
 * marked. (Found by OutageRepairTest's moved-clock case failing 1 in 3 on a loaded machine: its 10:00 candle closed
 * COMPLETE without its last 40 seconds.)
 */
class CoverageTest {
    private static final Instrument INFY = Instrument.nseEquity("INFY", 408065);
    private static final LocalDate SESSION = LocalDate.of(2026, 11, 23);

    private static long ist(String hhmmss) {
        return SessionCalendar.istMillis(SESSION, LocalTime.parse(hhmmss));
    }

    @Test
    void aHeartbeatHandledAfterTheDropDoesNotHideTheMissedStretch() throws Exception {
        AtomicLong nanos = new AtomicLong(1_000_000_000L);
        MarketClock clock = new MarketClock(Clock.fixed(Instant.ofEpochMilli(ist("10:04:20")), ZoneOffset.UTC), nanos::get);
        Engine engine = new Engine(new EngineCore(List.of(INFY), StrategyParams.defaults(), null));
        engine.start();
        GapRepairer repairer = new GapRepairer(null, List.of(INFY), engine, GapLog.NONE, clock, TimeUnit.HOURS.toMillis(1)); // nothing due: no repair is tried
        try {
            Coverage coverage = new Coverage(engine, clock, repairer);
            long lastTick = ist("10:04:20");
            clock.observe(lastTick);
            coverage.accepted(lastTick);

            nanos.addAndGet(TimeUnit.MINUTES.toNanos(7)); // handled seven market minutes later: the clock's estimate is 10:11:20
            coverage.alive();
            coverage.lost("stream disconnected");
            coverage.beat(true);

            assertThat(coverage.inOutage()).isTrue();
            assertThat(repairer.pendingBuckets()).as("10:00 (its last 40 s), 10:05 and 10:10 await the exchange's candles")
                    .isEqualTo(3);
        } finally {
            repairer.close();
            engine.close();
        }
    }

    @Test
    void withoutATickNothingIsMissed() throws Exception {
        AtomicLong nanos = new AtomicLong(1_000_000_000L);
        MarketClock clock = new MarketClock(Clock.fixed(Instant.ofEpochMilli(ist("09:10:00")), ZoneOffset.UTC), nanos::get);
        Engine engine = new Engine(new EngineCore(List.of(INFY), StrategyParams.defaults(), null));
        engine.start();
        GapRepairer repairer = new GapRepairer(null, List.of(INFY), engine, GapLog.NONE, clock, TimeUnit.HOURS.toMillis(1)); // nothing due: no repair is tried
        try {
            Coverage coverage = new Coverage(engine, clock, repairer);
            coverage.alive();
            coverage.lost("stream disconnected");
            coverage.beat(true);
            assertThat(coverage.inOutage()).as("nothing was delivered, so nothing can be missing").isFalse();
            assertThat(repairer.pendingBuckets()).isZero();
        } finally {
            repairer.close();
            engine.close();
        }
    }

    @Test
    void aTickAfterTheStreamWasSilentMarksTheSilentStretch() throws Exception {
        AtomicLong nanos = new AtomicLong(1_000_000_000L);
        MarketClock clock = new MarketClock(Clock.fixed(Instant.ofEpochMilli(ist("10:04:20")), ZoneOffset.UTC), nanos::get);
        Engine engine = new Engine(new EngineCore(List.of(INFY), StrategyParams.defaults(), null));
        engine.start();
        GapRepairer repairer = new GapRepairer(null, List.of(INFY), engine, GapLog.NONE, clock, TimeUnit.HOURS.toMillis(1));
        try {
            Coverage coverage = new Coverage(engine, clock, repairer);
            coverage.beat(true);
            clock.observe(ist("10:04:20"));
            coverage.accepted(ist("10:04:20"));
            nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(900)); // a frame a second or faster: nothing is missed
            coverage.accepted(ist("10:04:21"));
            assertThat(coverage.inOutage()).isFalse();
            assertThat(repairer.pendingBuckets()).isZero();

            // a stalled socket sent nothing for 3 s, the watchdog has not tripped yet, and the ticks resume 3 minutes on
            nanos.addAndGet(TimeUnit.SECONDS.toNanos(3));
            coverage.accepted(ist("10:07:21"));
            assertThat(repairer.pendingBuckets()).as("10:00 (from 10:04:21) and 10:05 await the exchange's candles").isEqualTo(2);
            assertThat(coverage.inOutage()).as("the first tick after the silence ends it").isFalse();
        } finally {
            repairer.close();
            engine.close();
        }
    }

    @Test
    void ticksHeldUpByAProcessThatStoodStillAreNotALoss() throws Exception {
        AtomicLong nanos = new AtomicLong(1_000_000_000L);
        MarketClock clock = new MarketClock(Clock.fixed(Instant.ofEpochMilli(ist("10:04:20")), ZoneOffset.UTC), nanos::get);
        Engine engine = new Engine(new EngineCore(List.of(INFY), StrategyParams.defaults(), null));
        engine.start();
        GapRepairer repairer = new GapRepairer(null, List.of(INFY), engine, GapLog.NONE, clock, TimeUnit.HOURS.toMillis(1));
        try {
            Coverage coverage = new Coverage(engine, clock, repairer);
            coverage.beat(true);
            clock.observe(ist("10:04:20"));
            coverage.accepted(ist("10:04:20"));
            nanos.addAndGet(TimeUnit.SECONDS.toNanos(7)); // the process stood still; the socket's buffer held the ticks
            coverage.alive(); // a heartbeat first: it vouches for nothing
            coverage.accepted(ist("10:04:21"));
            coverage.accepted(ist("10:04:22"));
            assertThat(coverage.inOutage()).isFalse();
            assertThat(repairer.pendingBuckets()).as("the ticks were only late, none is missing").isZero();
        } finally {
            repairer.close();
            engine.close();
        }
    }

    @Test
    void pollsFarApartAreNotASilence() throws Exception {
        AtomicLong nanos = new AtomicLong(1_000_000_000L);
        MarketClock clock = new MarketClock(Clock.fixed(Instant.ofEpochMilli(ist("10:04:20")), ZoneOffset.UTC), nanos::get);
        Engine engine = new Engine(new EngineCore(List.of(INFY), StrategyParams.defaults(), null));
        engine.start();
        GapRepairer repairer = new GapRepairer(null, List.of(INFY), engine, GapLog.NONE, clock, TimeUnit.HOURS.toMillis(1));
        try {
            Coverage coverage = new Coverage(engine, clock, repairer);
            coverage.beat(false);
            coverage.accepted(ist("10:04:20"));
            nanos.addAndGet(TimeUnit.SECONDS.toNanos(60));
            coverage.accepted(ist("10:05:20"));
            assertThat(repairer.pendingBuckets()).isZero();
        } finally {
            repairer.close();
            engine.close();
        }
    }
}
