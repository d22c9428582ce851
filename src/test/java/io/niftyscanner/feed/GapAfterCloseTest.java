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
 * A gap that lies after the close (hybrid mode switching to polling at 15:30, an outage marked every beat until the
 * evening) has no bucket to repair, so nothing waits for a repair. (Found by the fault soak: in hybrid mode
 * pendingGaps() stayed at 5 for good after 15:30, so a planned run's end waited its full time for repairs.)
 */
class GapAfterCloseTest {
    private static final List<Instrument> INSTRUMENTS = List.of(Instrument.nseEquity("INFY", 408065), Instrument.nseEquity("TCS", 2953217));
    private static final LocalDate SESSION = LocalDate.of(2026, 11, 23);

    @Test
    void aGapAfterTheCloseLeavesNothingPending() throws Exception {
        long evening = SessionCalendar.istMillis(SESSION, LocalTime.of(15, 40));
        MarketClock clock = new MarketClock(Clock.fixed(Instant.ofEpochMilli(evening), ZoneOffset.UTC), new AtomicLong(1)::get);
        Engine engine = new Engine(new EngineCore(INSTRUMENTS, StrategyParams.defaults(), null));
        engine.start();
        GapRepairer repairer = new GapRepairer(null, INSTRUMENTS, engine, GapLog.NONE, clock, TimeUnit.HOURS.toMillis(1));
        try {
            repairer.gap(SessionCalendar.istMillis(SESSION, LocalTime.of(15, 30)), evening, "data mode switch");
            assertThat(repairer.pendingBuckets()).isZero();
            assertThat(repairer.pendingGaps()).as("no instrument waits for a repair").isZero();

            repairer.gap(SessionCalendar.istMillis(SESSION, LocalTime.of(15, 22)), evening, "data mode switch");
            assertThat(repairer.pendingBuckets()).as("the 15:20 and 15:25 candles of both instruments").isEqualTo(4);
            assertThat(repairer.pendingGaps()).isEqualTo(2);
        } finally {
            repairer.close();
            engine.close();
        }
    }
}
