package io.niftyscanner.feed;

import static org.assertj.core.api.Assertions.assertThat;

import io.niftyscanner.engine.Engine;
import io.niftyscanner.engine.EngineCore;
import io.niftyscanner.engine.StrategyParams;
import io.niftyscanner.journal.GapRecord;
import io.niftyscanner.journal.Journal;
import io.niftyscanner.kite.KiteHttp;
import io.niftyscanner.kite.KiteRestClient;
import io.niftyscanner.kite.KiteSession;
import io.niftyscanner.market.Candle;
import io.niftyscanner.market.CandleQuality;
import io.niftyscanner.market.Instrument;
import io.niftyscanner.market.SessionCalendar;
import io.niftyscanner.market.Tick;
import io.niftyscanner.sandbox.FaultKind;
import io.niftyscanner.sandbox.ManualMarketClock;
import io.niftyscanner.sandbox.SandboxExchange;
import io.niftyscanner.sandbox.SandboxOptions;
import io.niftyscanner.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Gap repair against a real sandbox over HTTP, with time injected: a repair that fails during a burst of 5xx or 429
 * answers backs off on the injected clock (no request before the backoff is over), and lands once the burst ends.
 */
class GapRepairerTest {
    private static final LocalDate SESSION = LocalDate.of(2026, 11, 23);
    private static final List<Instrument> INSTRUMENTS = List.of(Instrument.nseEquity("INFY", 408065), Instrument.nseEquity("TCS", 2953217));

    @TempDir
    Path dir;

    private static long at(String hhmmss) {
        return SESSION.atTime(LocalTime.parse(hhmmss)).atZone(SessionCalendar.IST).toInstant().toEpochMilli();
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for: " + what);
            }
            Thread.sleep(10);
        }
    }

    @SuppressWarnings("unchecked")
    private static long historicalRequests(SandboxExchange x) {
        return ((Map<String, Long>) x.statsJson().get("requests")).getOrDefault("GET /instruments/historical", 0L);
    }

    @ParameterizedTest
    @EnumSource(value = FaultKind.class, names = {"SERVER_ERROR", "RATE_LIMIT"})
    void aRepairThatFailsDuringABurstBacksOffAndLandsAfterwards(FaultKind burst) throws Exception {
        MutableClock wall = new MutableClock(Instant.parse("2026-11-23T04:46:00Z"));
        AtomicLong nanos = new AtomicLong(1_000_000_000L);
        ManualMarketClock market = new ManualMarketClock(Instant.ofEpochMilli(at("10:16:00")));
        SandboxExchange sandbox = SandboxExchange.start(SandboxOptions.defaults().withSeed(7).withInstruments(INSTRUMENTS)
                .withMarketClock(market).withWallClock(wall).withAutoPump(false));
        Engine engine = new Engine(new EngineCore(INSTRUMENTS, StrategyParams.defaults(), null));
        engine.start();
        try (Journal journal = Journal.open(dir.resolve("journal.db"))) {
            for (Instrument in : INSTRUMENTS) {
                engine.submit(new Tick(in.token(), at("10:00:01"), 1000_00, 100));
                engine.submit(new Tick(in.token(), at("10:03:00"), 1001_00, 200));
                engine.submit(new Tick(in.token(), at("10:11:30"), 1002_00, 300));
                engine.submit(new Tick(in.token(), at("10:15:01"), 1003_00, 400));
            }
            MarketClock clock = new MarketClock(wall, nanos::get);
            clock.observe(at("10:16:00"));
            GapLog log = new GapLog() {
                @Override
                public long recordGap(long fromMillis, long toMillis, String reason) {
                    return journal.recordGap(0, fromMillis, toMillis, reason, wall.millis());
                }

                @Override
                public void extendGap(long gapId, long fromMillis, long toMillis) {
                    journal.extendGap(gapId, fromMillis, toMillis);
                }

                @Override
                public void recordRepair(long gapId, int repairedCandles) {
                    journal.recordRepair(gapId, repairedCandles, wall.millis());
                }
            };
            KiteRestClient rest = new KiteRestClient(KiteHttp.shared(), sandbox.restUrl(), new KiteSession("sandbox", "sandbox"));
            try (GapRepairer repairer = new GapRepairer(rest, INSTRUMENTS, engine, log, clock, 3_000,
                    new Backoff(1_000, 60_000, nanos::get))) {
                repairer.gap(at("10:04:00"), at("10:11:30"), "socket dropped");
                assertThat(engine.awaitQueued(10_000)).isTrue();
                assertThat(engine.snapshot().awaitingRepair()).as("10:00 and 10:10 gapped, 10:05 missing, per instrument").isEqualTo(6);

                sandbox.fault(burst, Duration.ofSeconds(10));
                repairer.poll();
                await("the first try failed", () -> repairer.failuresInARow() == 1 && repairer.pendingGaps() == INSTRUMENTS.size());
                assertThat(historicalRequests(sandbox)).as("the pass stops at the first failure").isEqualTo(1);
                assertThat(repairer.lastError()).isNotEmpty();

                repairer.poll();
                assertThat(repairer.pendingGaps()).as("no pass starts before the backoff is over").isEqualTo(INSTRUMENTS.size());
                nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(999));
                repairer.poll();
                assertThat(repairer.pendingGaps()).as("still backing off after 999 ms").isEqualTo(INSTRUMENTS.size());
                assertThat(historicalRequests(sandbox)).isEqualTo(1);

                nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(1));
                repairer.poll();
                await("the second try failed", () -> repairer.failuresInARow() == 2 && repairer.pendingGaps() == INSTRUMENTS.size());
                assertThat(historicalRequests(sandbox)).isEqualTo(2);

                wall.advance(Duration.ofSeconds(10)); // the burst is over
                nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(1_999));
                repairer.poll();
                assertThat(repairer.pendingGaps()).as("the second backoff is 2 s").isEqualTo(INSTRUMENTS.size());
                nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(1));
                repairer.poll();
                await("repaired", () -> repairer.pendingGaps() == 0);
                assertThat(repairer.failuresInARow()).isZero();
                assertThat(engine.awaitQueued(10_000)).isTrue();

                for (Instrument in : INSTRUMENTS) {
                    wall.advance(Duration.ofSeconds(1)); // the sandbox's rate limit runs on its (hand-moved) wall clock
                    List<Candle> series = engine.snapshot().view(in.token()).recentCandles();
                    List<Candle> exchange = rest.historical(in.token(), "5minute", Instant.ofEpochMilli(at("10:00:00")),
                            Instant.ofEpochMilli(at("10:10:00")));
                    assertThat(series).extracting(Candle::startMillis).containsExactly(at("10:00:00"), at("10:05:00"), at("10:10:00"));
                    assertThat(series).allMatch(c -> c.quality() == CandleQuality.REPAIRED);
                    assertThat(series.stream().map(c -> List.of(c.open(), c.high(), c.low(), c.close(), c.volume())).toList())
                            .isEqualTo(exchange.stream().map(c -> List.of(c.open(), c.high(), c.low(), c.close(), c.volume())).toList());
                }
                assertThat(engine.snapshot().awaitingRepair()).isZero();
                List<GapRecord> gaps = journal.gaps();
                assertThat(gaps).hasSize(1);
                assertThat(gaps.get(0).repaired()).isTrue();
                assertThat(gaps.get(0).repairedCandles()).isEqualTo(6);
            }
        } finally {
            engine.close();
            sandbox.close();
        }
    }
}
