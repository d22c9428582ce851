package io.niftyscanner.feed;

import static org.assertj.core.api.Assertions.assertThat;

import io.niftyscanner.config.ConfigLoader;
import io.niftyscanner.config.DataMode;
import io.niftyscanner.engine.Engine;
import io.niftyscanner.engine.EngineCore;
import io.niftyscanner.engine.StrategyParams;
import io.niftyscanner.market.Instrument;
import io.niftyscanner.market.SessionCalendar;
import io.niftyscanner.market.Tick;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What the status says on the shipped NSE calendar, on moved clocks: MARKET_CLOSED on a weekday holiday, LIVE through
 * the Muhurat session on a Sunday evening, and when the market opens next. The feed is scripted at the MarketFeed port;
 * the supervisor, the engine and the calendar are the real ones.
 */
class CalendarStatusTest {
    private static final Instrument INFY = Instrument.nseEquity("INFY", 408065);
    private static final SessionCalendar SHIPPED = ConfigLoader.load(Path.of("").toAbsolutePath(), Map.of(), Map.of()).calendar();

    private final AtomicLong wallMillis = new AtomicLong();
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final MarketClock clock = new MarketClock(new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(wallMillis.get());
        }
    }, nanos::get);
    private final List<FeedStatus> statuses = new CopyOnWriteArrayList<>();
    private final List<AutoCloseable> cleanup = new ArrayList<>();
    private FeedSupervisor supervisor;

    @AfterEach
    void tearDown() throws Exception {
        for (int i = cleanup.size() - 1; i >= 0; i--) {
            cleanup.get(i).close();
        }
    }

    private static long ist(String localDateTime) {
        return OffsetDateTime.parse(localDateTime + "+05:30").toInstant().toEpochMilli();
    }

    /** A stream that connects at once and delivers only what the test pushes into the supervisor's sink. */
    private static final class ScriptedStream implements MarketFeed {
        private final FeedReporter reporter;

        ScriptedStream(FeedReporter reporter) {
            this.reporter = reporter;
        }

        @Override
        public String kind() {
            return STREAM;
        }

        @Override
        public void start(long resumeFromMillis) {
            reporter.connected(STREAM);
        }

        @Override
        public void reconnect() {
            reporter.connected(STREAM);
        }

        @Override
        public void close() {}
    }

    private void startAt(String wallIst) {
        wallMillis.set(ist(wallIst));
        Engine engine = new Engine(new EngineCore(List.of(INFY), StrategyParams.defaults(), null));
        engine.start();
        GapRepairer repairer = new GapRepairer(null, List.of(INFY), engine, GapLog.NONE, clock, 3000);
        supervisor = new FeedSupervisor((kind, sink, reporter) -> new ScriptedStream(reporter), engine, clock, SHIPPED,
                new HybridSchedule(List.of()), repairer, DataMode.STREAM, (s, changed) -> statuses.add(s));
        cleanup.add(engine);
        cleanup.add(repairer);
        cleanup.add(supervisor);
        supervisor.start(null, List.of(INFY));
    }

    /** Waits for the supervisor's once-a-second beats: each publishes a status, so two of them prove a decision ran. */
    private void awaitBeats(int n) throws InterruptedException {
        int before = statuses.size();
        await(n + " beats", () -> statuses.size() >= before + n);
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(10);
        }
    }

    @Test
    void aWeekdayHolidayIsMarketClosedWhenNoDataArrivesAndSaysWhenItOpens() throws Exception {
        startAt("2026-03-03T10:00:00"); // Holi, a Tuesday: 1 of the 13 holidays the old list lacked
        await("LIVE on connect", () -> supervisor.status().state() == FeedState.LIVE);
        nanos.addAndGet(TimeUnit.SECONDS.toNanos(16)); // quiet for longer than 15 s: the calendar decides
        await("MARKET_CLOSED", () -> supervisor.status().state() == FeedState.MARKET_CLOSED);
        assertThat(supervisor.status().nextOpen()).isEqualTo(Instant.ofEpochMilli(ist("2026-03-04T09:15:00")));
    }

    @Test
    void theMuhuratSessionOnASundayEveningIsLiveAndClosesAtItsEnd() throws Exception {
        startAt("2026-11-08T18:20:00");
        supervisor.sink().onTick(new Tick(INFY.token(), ist("2026-11-08T18:20:00"), 1_650_00, 1_000));
        await("LIVE", () -> supervisor.status().state() == FeedState.LIVE);
        nanos.addAndGet(TimeUnit.MINUTES.toNanos(50)); // 19:10 on the exchange's clock, still inside 18:00-19:15
        awaitBeats(2);
        assertThat(supervisor.status().state()).isEqualTo(FeedState.LIVE);
        assertThat(statuses).extracting(FeedStatus::state).doesNotContain(FeedState.MARKET_CLOSED);

        nanos.addAndGet(TimeUnit.MINUTES.toNanos(6)); // 19:16: over
        await("MARKET_CLOSED", () -> supervisor.status().state() == FeedState.MARKET_CLOSED);
        assertThat(supervisor.status().nextOpen()).as("Monday the 9th; the 10th is a holiday")
                .isEqualTo(Instant.ofEpochMilli(ist("2026-11-09T09:15:00")));
    }

    @Test
    void beforeTheMuhuratSessionTheStatusSaysItOpensThatEvening() throws Exception {
        startAt("2026-11-08T11:00:00");
        await("LIVE on connect", () -> supervisor.status().state() == FeedState.LIVE);
        nanos.addAndGet(TimeUnit.SECONDS.toNanos(16));
        await("MARKET_CLOSED", () -> supervisor.status().state() == FeedState.MARKET_CLOSED);
        assertThat(supervisor.status().nextOpen()).isEqualTo(Instant.ofEpochMilli(ist("2026-11-08T18:00:00")));
    }
}
