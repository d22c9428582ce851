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
        try (Parts p = new Parts(ist("10:04:20"))) {
            long lastTick = ist("10:04:20");
            p.clock.observe(lastTick);
            p.coverage.accepted(lastTick);

            p.nanos.addAndGet(TimeUnit.MINUTES.toNanos(7)); // handled seven market minutes later: the p.clock's estimate is 10:11:20
            p.coverage.alive();
            p.coverage.lost("stream disconnected");
            p.coverage.beat(true);

            assertThat(p.coverage.inOutage()).isTrue();
            assertThat(p.repairer.pendingBuckets()).as("10:00 (its last 40 s), 10:05 and 10:10 await the exchange's candles")
                    .isEqualTo(3);
        }
    }

    @Test
    void withoutATickNothingIsMissed() throws Exception {
        try (Parts p = new Parts(ist("09:10:00"))) {
            p.coverage.alive();
            p.coverage.lost("stream disconnected");
            p.coverage.beat(true);
            assertThat(p.coverage.inOutage()).as("nothing was delivered, so nothing can be missing").isFalse();
            assertThat(p.repairer.pendingBuckets()).isZero();
        }
    }

    @Test
    void aTickAfterTheStreamWasSilentMarksTheSilentStretch() throws Exception {
        try (Parts p = new Parts(ist("10:04:20"))) {
            p.coverage.beat(true);
            p.clock.observe(ist("10:04:20"));
            p.coverage.accepted(ist("10:04:20"));
            p.nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(900)); // a frame a second or faster: nothing is missed
            p.coverage.accepted(ist("10:04:21"));
            assertThat(p.coverage.inOutage()).isFalse();
            assertThat(p.repairer.pendingBuckets()).isZero();

            // a stalled socket sent nothing for 3 s, the watchdog has not tripped yet, and the ticks resume 3 minutes on
            p.nanos.addAndGet(TimeUnit.SECONDS.toNanos(3));
            p.coverage.accepted(ist("10:07:21"));
            assertThat(p.repairer.pendingBuckets()).as("10:00 (from 10:04:21) and 10:05 await the exchange's candles").isEqualTo(2);
            assertThat(p.coverage.inOutage()).as("the first tick after the silence ends it").isFalse();
        }
    }

    @Test
    void ticksHeldUpByAProcessThatStoodStillAreNotALoss() throws Exception {
        try (Parts p = new Parts(ist("10:04:20"))) {
            p.coverage.beat(true);
            p.clock.observe(ist("10:04:20"));
            p.coverage.accepted(ist("10:04:20"));
            p.nanos.addAndGet(TimeUnit.SECONDS.toNanos(7)); // the process stood still; the socket's buffer held the ticks
            p.coverage.alive(); // a heartbeat first: it vouches for nothing
            p.coverage.accepted(ist("10:04:21"));
            p.coverage.accepted(ist("10:04:22"));
            assertThat(p.coverage.inOutage()).isFalse();
            assertThat(p.repairer.pendingBuckets()).as("the ticks were only late, none is missing").isZero();
        }
    }

    @Test
    void pollsFarApartAreNotASilence() throws Exception {
        try (Parts p = new Parts(ist("10:04:20"))) {
            p.coverage.beat(false);
            p.coverage.accepted(ist("10:04:20"));
            p.nanos.addAndGet(TimeUnit.SECONDS.toNanos(60));
            p.coverage.accepted(ist("10:05:20"));
            assertThat(p.repairer.pendingBuckets()).isZero();
        }
    }

    /**
     * A real engine and repairer around the coverage under test, on a fixed wall clock and a hand-moved monotonic one.
     * The repairer's settle time is an hour: nothing is ever due, so no repair is tried (there is no exchange).
     */
    private static final class Parts implements AutoCloseable {
        final AtomicLong nanos = new AtomicLong(1_000_000_000L);
        final MarketClock clock;
        final Engine engine = new Engine(new EngineCore(List.of(INFY), StrategyParams.defaults(), null));
        final GapRepairer repairer;
        final Coverage coverage;

        Parts(long wallMillis) {
            this(wallMillis, null);
        }

        Parts(long wallMillis, java.util.function.LongSupplier nanoSource) {
            clock = new MarketClock(Clock.fixed(Instant.ofEpochMilli(wallMillis), ZoneOffset.UTC),
                    nanoSource != null ? nanoSource : nanos::get);
            engine.start();
            repairer = new GapRepairer(null, List.of(INFY), engine, GapLog.NONE, clock, TimeUnit.HOURS.toMillis(1));
            coverage = new Coverage(engine, clock, repairer);
        }

        @Override
        public void close() {
            repairer.close();
            engine.close();
        }
    }

    /**
     * The clock jumps seven minutes between the two readings a heartbeat takes (a paused process, a test moving time):
     * the heartbeat must not vouch for the jumped-to time, else the outage that follows starts there and the stretch
     * from the last tick on is never marked.
     */
    @Test
    void aClockJumpingWhileAHeartbeatIsHandledIsNotVouchedFor() throws Exception {
        AtomicLong nanos = new AtomicLong(1_000_000_000L);
        java.util.concurrent.atomic.AtomicBoolean jumpAfterNextRead = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.function.LongSupplier jumping = () -> {
            long now = nanos.get();
            if (jumpAfterNextRead.getAndSet(false)) {
                nanos.addAndGet(TimeUnit.MINUTES.toNanos(7));
            }
            return now;
        };
        try (Parts p = new Parts(ist("10:04:20"), jumping)) {
            p.coverage.beat(true);
            p.clock.observe(ist("10:04:20"));
            p.coverage.accepted(ist("10:04:20"));
            nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(500));
            p.coverage.accepted(ist("10:04:21"));

            nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(500));
            jumpAfterNextRead.set(true); // the heartbeat's first reading is at 10:04:21.5, every later one seven minutes on
            p.coverage.alive();
            p.coverage.lost("stream disconnected");
            p.coverage.beat(true);

            assertThat(p.coverage.completeUntil()).as("complete up to the heartbeat's arrival at most").isLessThan(ist("10:04:22"));
            assertThat(p.repairer.pendingBuckets()).as("10:00 (from 10:04:21), 10:05 and 10:10 await the exchange's candles")
                    .isEqualTo(3);
        }
    }
}
