package io.niftyscanner.engine;

import static io.niftyscanner.engine.Ist.t;
import static org.assertj.core.api.Assertions.assertThat;

import io.niftyscanner.market.Candle;
import io.niftyscanner.market.Instrument;
import io.niftyscanner.market.Tick;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class EngineThreadTest {

    @Test
    void ticksFromManyThreadsAreProcessedOnTheEngineThreadAndCloseDrainsTheQueue() throws Exception {
        List<Instrument> instruments = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            instruments.add(Instrument.nseEquity("S" + i, 1000 + i * 256L + 1));
        }
        List<String> callbackThreads = new CopyOnWriteArrayList<>();
        List<Candle> closed = new CopyOnWriteArrayList<>();
        EngineListener listener = new EngineListener() {
            @Override
            public void onCandleClosed(Candle candle, IndicatorValues values) {
                callbackThreads.add(Thread.currentThread().getName());
                closed.add(candle);
            }
        };
        Engine engine = new Engine(new EngineCore(instruments, StrategyParams.defaults(), listener), 100_000, 50);
        engine.start();
        CountDownLatch done = new CountDownLatch(instruments.size());
        for (Instrument in : instruments) {
            new Thread(() -> {
                for (int s = 0; s < 1200; s++) {  // 20 minutes, one tick a second: 4 candles
                    engine.submit(new Tick(in.token(), t("09:15:00") + s * 1000L, 100_00 + s, s));
                }
                done.countDown();
            }, "feed-" + in.symbol()).start();
        }
        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        engine.submitMarketTime(t("09:35:02"));
        CountDownLatch command = new CountDownLatch(1);
        engine.execute(core -> command.countDown());
        assertThat(command.await(10, TimeUnit.SECONDS)).isTrue();
        engine.close();
        assertThat(closed).hasSize(16);
        assertThat(callbackThreads).containsOnly("engine");
        EngineSnapshot snapshot = engine.snapshot();
        assertThat(snapshot.stats().ticks()).isEqualTo(4800);
        assertThat(snapshot.view(instruments.get(2).token()).recentCandles()).hasSize(4);
        assertThat(snapshot.view(instruments.get(2).token()).lastPrice()).isEqualTo(100_00 + 1199);
        assertThat(engine.submit(new Tick(1025, t("09:40:00"), 1, 1))).as("closed engine refuses work").isFalse();
    }

    @Test
    void aFullQueueRefusesTicksAndTellsTheCallerButNeverDropsACommand() throws Exception {
        Instrument in = Instrument.nseEquity("A", 257);
        RecordingListener listener = new RecordingListener();
        Engine engine = new Engine(new EngineCore(List.of(in), StrategyParams.defaults(), listener), 4, 20);
        engine.start();
        try {
            CountDownLatch busy = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            assertThat(engine.execute(core -> {
                busy.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            })).isTrue();
            assertThat(busy.await(10, TimeUnit.SECONDS)).isTrue();
            int accepted = 0;
            for (int s = 0; s < 10; s++) {
                if (engine.submit(new Tick(257, t("09:15:01") + s * 1000L, 100_00 + s, 10 + s))) {
                    accepted++;
                }
            }
            assertThat(accepted).as("the queue holds 4").isEqualTo(4);
            assertThat(engine.droppedTicks()).isEqualTo(6);

            // commands while the queue is full: all accepted, run in order after the 4 queued ticks
            var gap = engine.command(new EngineCommand.MarkGap(t("09:15:05"), t("09:16:00")));
            List<Candle> history = new ArrayList<>();
            for (int k = 0; k < 3; k++) {
                history.add(new Candle(257, t("09:00:00") - (3 - k) * 300_000L, 99_00, 99_00, 99_00, 99_00, 5, 0,
                        io.niftyscanner.market.CandleQuality.HISTORICAL));
            }
            var loaded = engine.command(new EngineCommand.LoadHistory(257, history));
            var ticksSeen = new java.util.concurrent.atomic.AtomicLong(-1);
            assertThat(engine.execute(core -> ticksSeen.set(core.stats().ticks()))).isTrue();
            assertThat(engine.pendingCommands()).isEqualTo(3);
            release.countDown();

            assertThat(gap.get(10, TimeUnit.SECONDS)).isNull();
            assertThat(loaded.get(10, TimeUnit.SECONDS)).isEqualTo(3);
            assertThat(engine.awaitQueued(10_000)).isTrue();
            assertThat(ticksSeen.get()).as("commands ran after the ticks accepted before them").isEqualTo(4);
            engine.submitMarketTime(t("09:20:03"));
            assertThat(engine.awaitQueued(10_000)).isTrue();
            assertThat(listener.candles).hasSize(1);
            assertThat(listener.candles.get(0).quality()).as("the marked stretch").isEqualTo(io.niftyscanner.market.CandleQuality.GAPPED);
        } finally {
            engine.close();
        }
        assertThat(engine.command(new EngineCommand.Barrier()).isCompletedExceptionally()).as("a closed engine refuses").isTrue();
    }

    @Test
    void aFailingCommandDoesNotStopTheEngine() throws Exception {
        Engine engine = new Engine(new EngineCore(List.of(Instrument.nseEquity("A", 257)), StrategyParams.defaults(), null));
        engine.start();
        engine.execute(core -> {
            throw new IllegalStateException("boom");
        });
        CountDownLatch after = new CountDownLatch(1);
        engine.execute(core -> after.countDown());
        assertThat(after.await(10, TimeUnit.SECONDS)).isTrue();
        engine.close();
        assertThat(engine.failedItems()).isEqualTo(1);
    }

    @Test
    void aSnapshotIsPublishedWhileTheEngineRunsAndMarketTimeClosesCandles() throws Exception {
        Instrument in = Instrument.nseEquity("A", 257);
        Engine engine = new Engine(new EngineCore(List.of(in), StrategyParams.defaults(), null), 1000, 20);
        engine.start();
        try {
            engine.submit(new Tick(257, t("09:15:01"), 100_00, 10));
            engine.submitMarketTime(t("09:20:02"));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (engine.snapshot().stats().candles() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            EngineSnapshot s = engine.snapshot();
            assertThat(s.stats().candles()).isEqualTo(1);
            assertThat(s.marketTimeMillis()).isEqualTo(t("09:20:02"));
            assertThat(s.view(257).forming()).isNull();
            assertThat(s.view(257).recentCandles()).extracting(Candle::volume).containsExactly(10L);
        } finally {
            engine.close();
        }
    }

    @Test
    void afterAwaitQueuedTheSnapshotShowsEverythingQueuedBeforeIt() throws Exception {
        Instrument in = Instrument.nseEquity("A", 257);
        // a snapshot period far longer than the test: only the barrier itself can have published what is checked
        Engine engine = new Engine(new EngineCore(List.of(in), StrategyParams.defaults(), null), 1000, 600_000);
        engine.start();
        try {
            for (int i = 0; i < 300; i++) {
                long time = t("09:15:00") + i * 1000L;
                engine.submit(new Tick(257, time, 100_00 + i, i + 1));
                engine.execute(core -> { }); // a command before the barrier, as the gap repairer's marks are
                assertThat(engine.awaitQueued(10_000)).isTrue();
                assertThat(engine.snapshot().view(257).lastTickMillis()).as("tick %d", i).isEqualTo(time);
            }
        } finally {
            engine.close();
        }
    }
}
