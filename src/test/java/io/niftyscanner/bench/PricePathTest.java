package io.niftyscanner.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.niftyscanner.market.Candle;
import io.niftyscanner.market.Instrument;
import io.niftyscanner.market.SessionCalendar;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class PricePathTest {
    private final PricePath path = new PricePath(50);
    private final Instrument first = PricePath.instruments(50).get(0);
    private final long wednesdayOpen = PricePath.sessionStart(LocalDate.of(2026, 11, 25));

    @Test
    void historyIsTheSessionCandlesJustBeforeTheStartOldestFirst() {
        List<Candle> history = path.history(first, wednesdayOpen, 60);
        assertThat(history).hasSize(60);
        // Tuesday's session has 75 buckets (09:15 to 15:25): the last 60 start at 10:30
        assertThat(history.get(0).startMillis()).isEqualTo(SessionCalendar.istMillis(LocalDate.of(2026, 11, 24), LocalTime.of(10, 30)));
        assertThat(history.get(59).startMillis()).isEqualTo(SessionCalendar.istMillis(LocalDate.of(2026, 11, 24), LocalTime.of(15, 25)));
        for (int i = 1; i < history.size(); i++) {
            assertThat(history.get(i).startMillis() - history.get(i - 1).startMillis()).isEqualTo(300_000);
        }
        assertThat(history).allSatisfy(c -> {
            assertThat(c.low()).isLessThanOrEqualTo(Math.min(c.open(), c.close()));
            assertThat(c.high()).isGreaterThanOrEqualTo(Math.max(c.open(), c.close()));
            assertThat(c.volume()).isPositive();
        });
    }

    @Test
    void pricesAreOnTheTickSizeAndVolumeGrowsThroughTheSession() {
        long before = -1;
        for (long t = wednesdayOpen; t < wednesdayOpen + 3_600_000; t += 7_000) {
            assertThat(path.price(first.token(), t) % 5).isZero();
            long v = path.volume(first.token(), t);
            assertThat(v).isGreaterThanOrEqualTo(before);
            before = v;
        }
        assertThat(path.volume(first.token(), wednesdayOpen)).isZero();
    }

    @Test
    void thePathSwingsEnoughToCrossTheAveragesEachHour() {
        long low = Long.MAX_VALUE;
        long high = 0;
        for (long t = wednesdayOpen; t < wednesdayOpen + 3_600_000; t += 60_000) {
            long p = path.price(first.token(), t);
            low = Math.min(low, p);
            high = Math.max(high, p);
        }
        assertThat((double) (high - low) / low).isGreaterThan(0.015);
    }
}
