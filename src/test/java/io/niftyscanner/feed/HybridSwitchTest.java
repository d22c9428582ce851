package io.niftyscanner.feed;

import static org.assertj.core.api.Assertions.assertThat;

import io.niftyscanner.config.DataMode;
import io.niftyscanner.config.TimeWindow;
import io.niftyscanner.engine.Engine;
import io.niftyscanner.engine.EngineCore;
import io.niftyscanner.engine.StrategyParams;
import io.niftyscanner.market.Instrument;
import io.niftyscanner.market.SessionCalendar;
import io.niftyscanner.market.Tick;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Hybrid mode on a frozen market clock: the exchange's time moves only when the test moves it, so "it switched at
 * 10:00:01" is exact however slow the machine, and "not yet at 09:59:58" is proven by the supervisor's beats.
 */
class HybridSwitchTest {
    private static final Instrument INFY = Instrument.nseEquity("INFY", 408065);

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final MarketClock clock = new MarketClock(Clock.fixed(OffsetDateTime.parse("2026-11-23T09:59:00+05:30").toInstant(),
            ZoneOffset.UTC), nanos::get);
    private final List<FeedStatus> statuses = new CopyOnWriteArrayList<>();
    private final List<Long> marketTimes = new CopyOnWriteArrayList<>();
    private final List<AutoCloseable> cleanup = new ArrayList<>();

    @AfterEach
    void tearDown() throws Exception {
        for (int i = cleanup.size() - 1; i >= 0; i--) {
            cleanup.get(i).close();
        }
    }

    private static long ist(String time) {
        return OffsetDateTime.parse("2026-11-23T" + time + "+05:30").toInstant().toEpochMilli();
    }

    /** A feed of either kind that starts at once and delivers only what the test pushes. */
    private static MarketFeed scripted(String kind, FeedReporter reporter) {
        return new MarketFeed() {
            @Override
            public String kind() {
                return kind;
            }

            @Override
            public void start(long resumeFromMillis) {
                if (kind.equals(STREAM)) {
                    reporter.connected(STREAM);
                }
            }

            @Override
            public void reconnect() {}

            @Override
            public void close() {}
        };
    }

    private FeedSupervisor start() {
        Engine engine = new Engine(new EngineCore(List.of(INFY), StrategyParams.defaults(), null));
        engine.start();
        GapRepairer repairer = new GapRepairer(null, List.of(INFY), engine, GapLog.NONE, clock, 3000);
        FeedSupervisor supervisor = new FeedSupervisor((kind, sink, reporter) -> scripted(kind, reporter), engine, clock,
                SessionCalendar.withoutHolidays(), new HybridSchedule(TimeWindow.parseList("09:15-10:00,10:05-15:30")), repairer,
                DataMode.HYBRID, (s, changed) -> {
                    marketTimes.add(clock.now());
                    statuses.add(s);
                });
        cleanup.add(engine);
        cleanup.add(repairer);
        cleanup.add(supervisor);
        supervisor.start(null, List.of(INFY));
        return supervisor;
    }

    private void awaitBeats(int n) throws InterruptedException {
        int before = statuses.size();
        await(n + " beats", () -> statuses.size() >= before + n);
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(10);
        }
    }

    @Test
    void switchesToPollingAtTheFirstBeatPast1000AndBackAt1005OnTheExchangesClock() throws Exception {
        FeedSupervisor supervisor = start();
        await("streaming", () -> "stream".equals(supervisor.status().activeFeed()));
        // at the start of its bucket, so not taken for a joined candle (no repair: the repairer has no Kite client here)
        supervisor.sink().onTick(new Tick(INFY.token(), ist("09:55:00.500"), 1_650_00, 1_000));
        nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(299_000)); // 09:59:59.500
        awaitBeats(3);
        assertThat(supervisor.status().activeFeed()).as("09:59:59.500 is inside the stream window").isEqualTo("stream");

        nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(1_500)); // the exchange's clock: 10:00:01, and it stays there
        // the recorded statuses, not status(): the listener hears of a status a moment after status() has it
        await("polling", () -> statuses.stream().anyMatch(s -> "poll".equals(s.activeFeed())));
        int firstPoll = statuses.size() - 1;
        while (!"poll".equals(statuses.get(firstPoll).activeFeed()) || firstPoll > 0 && "poll".equals(statuses.get(firstPoll - 1).activeFeed())) {
            firstPoll--;
        }
        assertThat(marketTimes.get(firstPoll)).isEqualTo(ist("10:00:01"));
        assertThat(supervisor.switches()).isEqualTo(1);

        nanos.addAndGet(TimeUnit.MINUTES.toNanos(5)); // 10:05:01
        await("streaming again", () -> "stream".equals(supervisor.status().activeFeed()));
        assertThat(supervisor.switches()).isEqualTo(2);
        assertThat(statuses).allMatch(s -> s.mode() == DataMode.HYBRID);
    }
}
