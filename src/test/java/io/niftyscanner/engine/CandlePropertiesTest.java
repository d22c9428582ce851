package io.niftyscanner.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.niftyscanner.market.Candle;
import io.niftyscanner.market.Instrument;
import io.niftyscanner.market.SessionCalendar;
import io.niftyscanner.market.Signal;
import io.niftyscanner.market.Tick;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class CandlePropertiesTest {
    private static final List<Instrument> INSTRUMENTS = List.of(Instrument.nseEquity("RELIANCE", 738561),
            Instrument.nseEquity("INFY", 408065), Instrument.nseEquity("TCS", 2953217));

    /** A random multi-day tick stream: shuffled a little (out of order within seconds), joins at random times. */
    private static void run(long seed, int days, int ticksPerDay, java.util.function.Consumer<Tick> ticks, java.util.function.LongConsumer marketTime) {
        Random random = new Random(seed);
        long[] price = {2500_00, 1500_00, 3500_00};
        for (int d = 0; d < days; d++) {
            long open = SessionCalendar.sessionOpenMillis(java.time.LocalDate.of(2026, 11, 23).plusDays(d));
            long[] cumulative = new long[3];
            long joinAt = random.nextBoolean() ? 0 : random.nextInt(22_500_000);
            long time = open - 600_000 + random.nextInt(600_000);
            for (int n = 0; n < ticksPerDay; n++) {
                time += random.nextInt(40_000);
                int i = random.nextInt(3);
                price[i] = Math.max(5, price[i] + (random.nextInt(21) - 10) * 5L);
                cumulative[i] += random.nextInt(500);
                long jitter = random.nextInt(10) == 0 ? -random.nextInt(3000) : 0;
                if (time - open >= joinAt) {
                    ticks.accept(new Tick(INSTRUMENTS.get(i).token(), time + jitter, price[i], cumulative[i]));
                    if (random.nextInt(50) == 0) {
                        marketTime.accept(time + jitter);
                    }
                }
            }
        }
    }

    @Property(tries = 60)
    void candleInvariantsHold(@ForAll @LongRange(min = 1) long seed, @ForAll @IntRange(min = 1, max = 3) int days,
                              @ForAll @IntRange(min = 1, max = 1500) int ticksPerDay) {
        Map<String, long[]> dayVolume = new HashMap<>();   // token:day -> {sum of candle volumes, max cumulative, baseline}
        Map<String, Long> lastCumulative = new HashMap<>();
        Map<String, Long> baseline = new HashMap<>();
        Set<String> signalled = new HashSet<>();
        Map<Long, Long> lastStart = new HashMap<>();
        EngineListener check = new EngineListener() {
            @Override
            public void onCandleClosed(Candle c, IndicatorValues v) {
                assertThat(c.low()).isLessThanOrEqualTo(c.open()).isLessThanOrEqualTo(c.high());
                assertThat(c.low()).isLessThanOrEqualTo(c.close()).isLessThanOrEqualTo(c.high());
                assertThat(c.volume()).isNotNegative();
                assertThat(SessionCalendar.inSessionHours(c.startMillis())).isTrue();
                assertThat(c.startMillis()).isGreaterThan(lastStart.getOrDefault(c.token(), Long.MIN_VALUE));
                lastStart.put(c.token(), c.startMillis());
                dayVolume.computeIfAbsent(c.token() + ":" + SessionCalendar.istEpochDay(c.startMillis()), k -> new long[1])[0] += c.volume();
            }

            @Override
            public void onSignal(Signal s) {
                assertThat(signalled.add(s.token() + ":" + s.candleStartMillis())).as("one signal per candle").isTrue();
            }
        };
        EngineCore core = new EngineCore(INSTRUMENTS, StrategyParams.defaults().withWarmupCandles(3), check);
        run(seed, days, ticksPerDay, tick -> {
            EngineStats before = core.stats();
            core.onTick(tick);
            EngineStats after = core.stats();
            boolean accepted = after.lateTicks() == before.lateTicks() && after.outOfSessionTicks() == before.outOfSessionTicks();
            if (accepted) {
                String key = tick.token() + ":" + SessionCalendar.istEpochDay(tick.exchangeTimeMillis());
                long firstBucket = SessionCalendar.sessionOpenMillis(SessionCalendar.istDate(tick.exchangeTimeMillis()));
                boolean inFirstBucket = tick.exchangeTimeMillis() < firstBucket + 300_000;
                baseline.putIfAbsent(key, inFirstBucket ? 0L : tick.volume());
                lastCumulative.merge(key, tick.volume(), Math::max);
            }
        }, core::onMarketTime);
        core.flush();
        for (Map.Entry<String, long[]> e : dayVolume.entrySet()) {
            long expected = lastCumulative.get(e.getKey()) - baseline.get(e.getKey());
            assertThat(e.getValue()[0]).as("volume of %s", e.getKey()).isEqualTo(expected);
        }
    }
}
