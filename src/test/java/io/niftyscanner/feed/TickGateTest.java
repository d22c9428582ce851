package io.niftyscanner.feed;

import static org.assertj.core.api.Assertions.assertThat;

import io.niftyscanner.feed.TickGate.Verdict;
import io.niftyscanner.market.SessionCalendar;
import io.niftyscanner.market.Tick;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TickGateTest {
    private static final long FIVE_MINUTES = 300_000;
    private final AtomicLong nanos = new AtomicLong(5_000_000_000L);
    private final MarketClock clock = new MarketClock(Clock.fixed(Instant.parse("2026-11-23T18:00:00Z"), ZoneOffset.UTC), nanos::get);
    private final TickGate gate = new TickGate(clock, FIVE_MINUTES, 5);

    private static long at(String time) {
        return LocalDate.of(2026, 11, 23).atTime(LocalTime.parse(time)).atZone(SessionCalendar.IST).toInstant().toEpochMilli();
    }

    private Verdict deliver(Tick t) {
        Verdict v = gate.check(t);
        if (v == Verdict.ACCEPT) {
            clock.observe(t.exchangeTimeMillis());
        } else if (v == Verdict.RELEASE) {
            gate.takeReleased().forEach(r -> clock.observe(r.exchangeTimeMillis()));
        }
        return v;
    }

    private void knownAt(String time) {
        assertThat(deliver(new Tick(1, at(time), 100_00, 1, 0, 1))).isEqualTo(Verdict.ACCEPT);
        assertThat(clock.now()).isEqualTo(at(time));
    }

    @Test
    void theFirstExchangeTimeStartsTheMarketClock() {
        assertThat(clock.knowsExchangeTime()).isFalse();
        assertThat(deliver(new Tick(1, at("10:00:00"), 100_00, 1, 0, 7))).isEqualTo(Verdict.ACCEPT);
        assertThat(clock.now()).isEqualTo(at("10:00:00"));
        assertThat(gate.refused().total()).isZero();
    }

    @Test
    void aLoneFarFutureTimestampIsRefusedAndNeverMovesTheClock() {
        knownAt("10:00:00");
        assertThat(deliver(new Tick(4, at("10:00:00") + 86_400_000L, 100_00, 1, 0, 2))).isEqualTo(Verdict.REFUSE);
        assertThat(clock.now()).isEqualTo(at("10:00:00"));
        assertThat(deliver(new Tick(4, at("10:00:01"), 100_00, 2, 0, 3))).as("the instrument's next real tick").isEqualTo(Verdict.ACCEPT);
        assertThat(gate.refused().tooFarAhead()).as("contradicted by its own next tick").isEqualTo(1);
        assertThat(deliver(new Tick(5, at("10:00:00") + 3_600_000L, 100_00, 1, 0, 4))).isEqualTo(Verdict.REFUSE);
        nanos.addAndGet(TickGate.HOLD_NANOS + 1);
        assertThat(gate.refused().tooFarAhead()).as("no other instrument agreed within the hold time").isEqualTo(2);
        assertThat(clock.now()).isLessThan(at("10:00:05") + 2_000);
    }

    @Test
    void aJumpThatSeveralInstrumentsAgreeOnMovesTheClockAndLosesNoTick() {
        knownAt("10:00:00");
        long later = at("10:12:00");
        assertThat(deliver(new Tick(1, later, 100_00, 1, 0, 9))).isEqualTo(Verdict.REFUSE);
        assertThat(deliver(new Tick(2, later + 100, 100_00, 1, 0, 9))).isEqualTo(Verdict.REFUSE);
        Verdict v = gate.check(new Tick(3, later + 200, 100_00, 1, 0, 9));
        assertThat(v).isEqualTo(Verdict.RELEASE);
        List<Tick> released = gate.takeReleased();
        assertThat(released).extracting(Tick::token).containsExactly(1L, 2L, 3L);
        released.forEach(t -> clock.observe(t.exchangeTimeMillis()));
        assertThat(clock.now()).isEqualTo(later + 200);
        assertThat(gate.refused().total()).isZero();
    }

    @Test
    void zeroPricesAndTicksFromAnEarlierSessionDateAreRefusedAndCounted() {
        knownAt("10:00:00");
        assertThat(gate.check(new Tick(1, at("10:00:01"), 0, 1, 0, 2))).isEqualTo(Verdict.REFUSE);
        assertThat(gate.check(new Tick(1, at("10:00:01"), -5, 1, 0, 2))).isEqualTo(Verdict.REFUSE);
        assertThat(gate.check(new Tick(1, at("15:20:00") - 86_400_000L, 100_00, 1, 0, 2))).isEqualTo(Verdict.REFUSE);
        assertThat(gate.check(new Tick(1, at("09:59:00"), 100_00, 1, 0, 2))).as("late, but today's").isEqualTo(Verdict.ACCEPT);
        assertThat(gate.refused()).isEqualTo(new RefusedTicks(2, 0, 1));
    }
}
