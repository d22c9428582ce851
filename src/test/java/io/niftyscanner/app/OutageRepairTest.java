package io.niftyscanner.app;

import static io.niftyscanner.app.SandboxRig.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.niftyscanner.config.DataMode;
import io.niftyscanner.feed.FeedState;
import io.niftyscanner.feed.MarketClock;
import io.niftyscanner.market.Candle;
import io.niftyscanner.market.Instrument;
import io.niftyscanner.market.SessionCalendar;
import io.niftyscanner.market.Timeframe;
import io.niftyscanner.sandbox.FaultKind;
import io.niftyscanner.sandbox.SandboxOptions;
import io.niftyscanner.testing.MovedTime;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Outages longer than a candle, against the embedded sandbox over real sockets: every bucket an outage touches is
 * marked and replaced by the exchange's candle, including buckets in which no tick arrived at all, and no volume of a
 * missed bucket leaks into the next candle. The proof is the end state: every candle equals the sandbox's
 * /instruments/historical candle for the same bucket.
 */
class OutageRepairTest {
    private static final long BUCKET = Timeframe.FIVE_MINUTES.millis();

    @TempDir
    Path dir;

    private static long candlesOf(SandboxRig rig, Instrument in) {
        return rig.candles.stream().filter(c -> c.token() == in.token()).count();
    }

    /** Buckets the scanner never built a candle for but got from the exchange's history. */
    private static long filledBuckets(SandboxRig rig) {
        return rig.repaired.stream().filter(r -> rig.candles.stream()
                .noneMatch(c -> c.token() == r.token() && c.startMillis() == r.startMillis())).count();
    }

    @Test
    void aStallSpanningTwoWholeBucketsAtSpeed60EndsWithEveryCandleEqualToTheExchanges() throws Exception {
        try (SandboxRig rig = new SandboxRig(dir, DataMode.STREAM, 60, LocalTime.of(9, 15), Map.of())) {
            await("a candle of every instrument", Duration.ofSeconds(30), () -> SandboxRig.INSTRUMENTS.stream()
                    .allMatch(in -> candlesOf(rig, in) >= 1));
            long open = SessionCalendar.sessionOpenMillis(SandboxRig.SESSION);
            await("late in a bucket", Duration.ofSeconds(20), () -> {
                long into = (rig.runtime.sandbox().marketTimeMillis() - open) % BUCKET;
                return into > 240_000 && into < 280_000;
            });
            long stalledAt = rig.runtime.sandbox().marketTimeMillis();
            // 12 s at speed 60 is 12 market minutes without a single frame: the two buckets after this one have no tick
            rig.runtime.sandbox().fault(FaultKind.STALL, Duration.ofSeconds(12));
            await("the outage is noticed", Duration.ofSeconds(10), () -> rig.runtime.supervisor().inOutage());
            await("data flows again", Duration.ofSeconds(40), () -> !rig.runtime.supervisor().inOutage()
                    && rig.runtime.clock().now() > stalledAt + 12 * 60_000L);
            long resumedBucketEnd = SessionCalendar.bucketStart(rig.runtime.clock().now(), Timeframe.FIVE_MINUTES) + BUCKET;
            await("the bucket data resumed in has closed and every candle is repaired", Duration.ofSeconds(90),
                    () -> rig.runtime.clock().now() > resumedBucketEnd + 30_000 && rig.runtime.repairer().pendingGaps() == 0
                            && rig.runtime.engine().snapshot().awaitingRepair() == 0);

            for (Instrument in : SandboxRig.INSTRUMENTS) {
                assertThat(rig.assertSeriesEqualsExchange(in, open)).isGreaterThanOrEqualTo(4);
            }
            assertThat(filledBuckets(rig)).as("buckets without a tick were filled from history")
                    .isGreaterThanOrEqualTo(2L * SandboxRig.INSTRUMENTS.size());
            assertThat(rig.statuses).as("the status said candles await repair").anyMatch(s -> s.candlesAwaitingRepair() > 0);
            assertThat(rig.runtime.journal().gaps()).anyMatch(g -> g.reason().contains("disconnected") && g.repaired());
        }
    }

    @Test
    void aSevenMinuteOutageAtSpeed1OnAMovedClockEndsWithEveryCandleEqualToTheExchanges() throws Exception {
        MovedTime time = new MovedTime();
        Instant start = SandboxRig.SESSION.atTime(LocalTime.of(10, 4, 20)).atZone(SessionCalendar.IST).toInstant();
        SandboxOptions sandbox = SandboxOptions.defaults().withSeed(7).withWallClock(time)
                .withMarketClock(io.niftyscanner.sandbox.MarketClock.scaled(time, start, 1));
        MarketClock scannerClock = new MarketClock(time, time::nanos);
        try (SandboxRig rig = new SandboxRig(dir, DataMode.STREAM, sandbox, Map.of(), false, scannerClock)) {
            await("streaming", Duration.ofSeconds(15), () -> rig.status().state() == FeedState.LIVE && rig.runtime.view().ticks() > 10);
            long tenOClock = SessionCalendar.sessionOpenMillis(SandboxRig.SESSION) + 45 * 60_000L;

            rig.runtime.sandbox().fault(FaultKind.DROP, Duration.ZERO);
            time.advance(Duration.ofMinutes(7)); // the network is down for seven market minutes: 10:05 passes without a tick
            await("data flows again", Duration.ofSeconds(20), () -> !rig.runtime.supervisor().inOutage()
                    && rig.runtime.clock().now() > tenOClock + 11 * 60_000L && rig.status().state() == FeedState.LIVE);
            // let the bucket data resumed in (10:10) close: market time moves on as the sandbox streams it
            while (rig.runtime.clock().now() < tenOClock + 15 * 60_000L + 10_000) {
                time.advance(Duration.ofSeconds(20));
                long target = rig.runtime.sandbox().marketTimeMillis();
                await("the streamed ticks reached the engine", Duration.ofSeconds(10),
                        () -> rig.runtime.engine().snapshot().marketTimeMillis() >= target - 5_000);
            }
            await("every candle repaired", Duration.ofSeconds(60), () -> rig.runtime.repairer().pendingGaps() == 0
                    && rig.runtime.engine().snapshot().awaitingRepair() == 0);

            for (Instrument in : SandboxRig.INSTRUMENTS) {
                assertThat(rig.assertSeriesEqualsExchange(in, tenOClock)).as(in.symbol() + ": 10:00, 10:05, 10:10")
                        .isGreaterThanOrEqualTo(3);
            }
            assertThat(filledBuckets(rig)).as("10:05 had no tick: filled from history").isGreaterThanOrEqualTo(SandboxRig.INSTRUMENTS.size());
        }
    }

    @Test
    void aFullEngineQueueLosesTicksNeverCommandsAndTheLostStretchIsRepaired() throws Exception {
        try (SandboxRig rig = new SandboxRig(dir, DataMode.STREAM, 60, LocalTime.of(9, 15), Map.of("engine.queue.capacity", "64"))) {
            await("a candle of every instrument", Duration.ofSeconds(30), () -> SandboxRig.INSTRUMENTS.stream()
                    .allMatch(in -> candlesOf(rig, in) >= 1));
            CountDownLatch blocked = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            assertThat(rig.runtime.engine().execute(core -> {
                blocked.countDown();
                try {
                    release.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            })).isTrue();
            assertThat(blocked.await(10, TimeUnit.SECONDS)).isTrue();
            long blockedAt = rig.runtime.clock().now();
            // the engine thread is busy for seven market minutes: its queue fills and ticks are refused
            await("ticks refused for a whole bucket", Duration.ofSeconds(30), () -> rig.runtime.engine().droppedTicks() > 0
                    && rig.runtime.clock().now() > blockedAt + 7 * 60_000L);
            assertThat(rig.runtime.supervisor().inOutage()).as("refused ticks are missed data").isTrue();
            assertThat(rig.runtime.engine().pendingCommands()).as("commands wait behind the full queue, none lost").isPositive();
            release.countDown();

            long releasedBucketEnd = SessionCalendar.bucketStart(rig.runtime.clock().now(), Timeframe.FIVE_MINUTES) + BUCKET;
            await("repaired", Duration.ofSeconds(90), () -> rig.runtime.clock().now() > releasedBucketEnd + 30_000
                    && rig.runtime.repairer().pendingGaps() == 0 && rig.runtime.engine().snapshot().awaitingRepair() == 0);
            long open = SessionCalendar.sessionOpenMillis(SandboxRig.SESSION);
            for (Instrument in : SandboxRig.INSTRUMENTS) {
                rig.assertSeriesEqualsExchange(in, open);
            }
            assertThat(rig.runtime.journal().gaps()).anyMatch(g -> g.reason().contains("queue was full") && g.repaired());
            assertThat(rig.runtime.engine().failedItems()).isZero();
        }
    }

    @Test
    void aTimestampFarInTheFutureIsRefusedAndMovesNeitherClockNorCandles() throws Exception {
        try (SandboxRig rig = new SandboxRig(dir, DataMode.STREAM, 60, LocalTime.of(9, 15), Map.of())) {
            await("a candle of every instrument", Duration.ofSeconds(30), () -> SandboxRig.INSTRUMENTS.stream()
                    .allMatch(in -> candlesOf(rig, in) >= 1));
            rig.runtime.sandbox().fault(FaultKind.FUTURE_TIMESTAMP, Duration.ZERO);
            rig.runtime.sandbox().fault(FaultKind.ZERO_PRICE, Duration.ZERO);
            await("both refused", Duration.ofSeconds(15), () -> rig.runtime.supervisor().refusedTicks().tooFarAhead() == 1
                    && rig.runtime.supervisor().refusedTicks().nonPositivePrice() == 1);
            long tomorrow = SessionCalendar.sessionOpenMillis(SandboxRig.SESSION.plusDays(1));
            assertThat(rig.runtime.clock().now()).as("the market clock stayed on today's session").isLessThan(tomorrow);
            Map<Long, Long> newest = new java.util.HashMap<>();
            for (Instrument in : SandboxRig.INSTRUMENTS) {
                newest.put(in.token(), rig.runtime.engine().snapshot().view(in.token()).recentCandles().stream()
                        .mapToLong(Candle::startMillis).max().orElse(0));
            }
            await("every instrument keeps closing candles", Duration.ofSeconds(30), () -> SandboxRig.INSTRUMENTS.stream()
                    .allMatch(in -> rig.runtime.engine().snapshot().view(in.token()).recentCandles().stream()
                            .mapToLong(Candle::startMillis).max().orElse(0) >= newest.get(in.token()) + 2 * BUCKET));
            assertThat(rig.runtime.engine().snapshot().marketTimeMillis()).isLessThan(tomorrow);
            assertThat(rig.runtime.engine().snapshot().stats().lateTicks()).as("no real tick was pushed aside as late").isZero();
            for (Instrument in : SandboxRig.INSTRUMENTS) {
                assertThat(rig.runtime.engine().snapshot().view(in.token()).recentCandles())
                        .as(in.symbol() + ": no candle from tomorrow, none with a zero price")
                        .allMatch(c -> c.startMillis() < tomorrow && c.low() > 0);
            }
        }
    }
}
