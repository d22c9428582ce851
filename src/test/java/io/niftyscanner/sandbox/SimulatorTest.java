package io.niftyscanner.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.niftyscanner.market.SessionCalendar;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The market simulator without sockets: determinism, realism, and that the default strategy has something to find. */
class SimulatorTest {
    private static final LocalDate MONDAY = LocalDate.of(2026, 11, 23);
    private static final List<SimInstrument> UNIVERSE = Nifty50Universe.universe(List.of());

    private record Tick(long token, long time, long price, long volume) {}

    private static List<Tick> ticks(long seed, LocalDate date, long untilMillis) {
        SessionDay day = new SessionDay(date, UNIVERSE, seed, 1.5, null);
        List<Tick> out = new ArrayList<>();
        day.advanceTo(untilMillis, (d, t, slots, n) -> {
            for (int j = 0; j < n; j++) {
                out.add(new Tick(d.universe.get(slots[j]).token(), t, d.last[slots[j]], d.volume[slots[j]]));
            }
        });
        return out;
    }

    @Test
    void sameSeedSameTicksWhetherSteppedAtOnceOrInPieces() {
        long open = SessionCalendar.sessionOpenMillis(MONDAY);
        List<Tick> once = ticks(7, MONDAY, open + 600_000);

        SessionDay day = new SessionDay(MONDAY, UNIVERSE, 7, 1.5, null);
        List<Tick> pieces = new ArrayList<>();
        for (long t = open; t <= open + 601_234; t += 1_234) {
            day.advanceTo(Math.min(t, open + 600_000), (d, time, slots, n) -> {
                for (int j = 0; j < n; j++) {
                    pieces.add(new Tick(d.universe.get(slots[j]).token(), time, d.last[slots[j]], d.volume[slots[j]]));
                }
            });
        }

        assertThat(once).hasSizeGreaterThan(10_000).isEqualTo(pieces);
        assertThat(ticks(8, MONDAY, open + 600_000)).isNotEqualTo(once);
    }

    @Test
    void pricesSitOnTheTickGridAtRealisticLevelsAndVolumeOnlyGrows() {
        List<Tick> all = ticks(42, MONDAY, Long.MAX_VALUE);
        Map<Long, Long> lastVolume = new TreeMap<>();
        Map<Long, Long> lastPrice = new TreeMap<>();
        for (Tick t : all) {
            assertThat(t.price() % 5).as("price %d of %d on the 0.05 grid", t.price(), t.token()).isZero();
            Long before = lastVolume.put(t.token(), t.volume());
            if (before != null) {
                assertThat(t.volume()).isGreaterThanOrEqualTo(before);
            }
            lastPrice.put(t.token(), t.price());
            assertThat(SessionCalendar.inSessionHours(t.time())).isTrue();
        }
        assertThat(lastPrice.get(738561L)).as("RELIANCE").isBetween(120_000L, 170_000L);
        assertThat(lastPrice.get(2953217L)).as("TCS").isBetween(280_000L, 420_000L);
        assertThat(lastPrice.get(2815745L)).as("MARUTI").isBetween(1_000_000L, 1_500_000L);
        assertThat(lastPrice.get(256265L)).as("NIFTY 50").isBetween(2_200_000L, 3_000_000L);
        // about 1.5 ticks a second per instrument over 22,500 s for 49 equities (the index ticks at each step)
        long equityTicks = all.stream().filter(t -> t.token() != 256265L).count();
        assertThat(equityTicks).isBetween((long) (49 * 22_500 * 1.4), (long) (49 * 22_500 * 1.6));
    }

    @Test
    void emaCrossoversWithRsiInBandHappenSeveralTimesPerSession() {
        // the design.md 6 rule on 5-minute closes, series running over three sessions; count the third session's signals
        List<LocalDate> days = List.of(LocalDate.of(2026, 11, 19), LocalDate.of(2026, 11, 20), MONDAY);
        Map<Long, List<Long>> closes = new TreeMap<>();
        for (LocalDate d : days) {
            SessionDay day = new SessionDay(d, UNIVERSE, 42, 1.5, null);
            day.finish();
            for (int slot = 0; slot < UNIVERSE.size(); slot++) {
                for (int b = 0; b < 75; b++) {
                    closes.computeIfAbsent(UNIVERSE.get(slot).token(), k -> new ArrayList<>()).add(day.barClose[slot][b * 5 + 4]);
                }
            }
        }
        int symbolsWithTwoOrMore = 0;
        int total = 0;
        for (Map.Entry<Long, List<Long>> e : closes.entrySet()) {
            int n = signalsInLastSession(e.getValue());
            total += n;
            if (n >= 2) {
                symbolsWithTwoOrMore++;
            }
        }
        assertThat(symbolsWithTwoOrMore).as("symbols with 2+ signals in a session").isGreaterThanOrEqualTo(5);
        assertThat(total).as("signals over the NIFTY 50 in a session").isBetween(20, 400);
    }

    /** EMA seeded with the first close; RSI with Wilder averages seeded with the first gain/loss (ta4j conventions). */
    private static int signalsInLastSession(List<Long> closes) {
        int n = closes.size();
        double[] ema9 = new double[n];
        double[] ema21 = new double[n];
        double[] rsi = new double[n];
        double gain = 0;
        double loss = 0;
        for (int i = 0; i < n; i++) {
            double c = closes.get(i);
            ema9[i] = i == 0 ? c : ema9[i - 1] + (c - ema9[i - 1]) * 2 / 10.0;
            ema21[i] = i == 0 ? c : ema21[i - 1] + (c - ema21[i - 1]) * 2 / 22.0;
            double d = i == 0 ? 0 : c - closes.get(i - 1);
            double g = Math.max(d, 0);
            double l = Math.max(-d, 0);
            gain = i == 0 ? g : gain + (g - gain) / 14.0;
            loss = i == 0 ? l : loss + (l - loss) / 14.0;
            rsi[i] = loss == 0 ? 100 : 100 - 100 / (1 + gain / loss);
        }
        int signals = 0;
        for (int t = n - 75; t < n; t++) {
            boolean buy = ema9[t - 1] <= ema21[t - 1] && ema9[t] > ema21[t] && rsi[t] >= 50 && rsi[t] <= 70;
            boolean sell = ema9[t - 1] >= ema21[t - 1] && ema9[t] < ema21[t] && rsi[t] >= 30 && rsi[t] <= 50;
            if (buy || sell) {
                signals++;
            }
        }
        return signals;
    }
}
