package io.niftyscanner.app;

import static io.niftyscanner.app.SandboxRig.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.niftyscanner.config.DataMode;
import io.niftyscanner.engine.Engine;
import io.niftyscanner.engine.EngineCore;
import io.niftyscanner.engine.StrategyParams;
import io.niftyscanner.feed.CandleCache;
import io.niftyscanner.feed.FeedState;
import io.niftyscanner.feed.FeedStatus;
import io.niftyscanner.feed.FeedStatusListener;
import io.niftyscanner.feed.FeedSupervisor;
import io.niftyscanner.feed.GapLog;
import io.niftyscanner.feed.GapRepairer;
import io.niftyscanner.feed.HybridSchedule;
import io.niftyscanner.feed.MarketClock;
import io.niftyscanner.feed.StreamingFeed;
import io.niftyscanner.feed.WarmUp;
import io.niftyscanner.kite.KiteHttp;
import io.niftyscanner.kite.KiteRestClient;
import io.niftyscanner.kite.KiteSession;
import io.niftyscanner.kite.KiteTicker;
import io.niftyscanner.market.Candle;
import io.niftyscanner.market.SessionCalendar;
import io.niftyscanner.market.Tick;
import io.niftyscanner.sandbox.FaultKind;
import io.niftyscanner.sandbox.SandboxExchange;
import io.niftyscanner.sandbox.SandboxOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Failures of background work are logged and shown as ERROR with what to do; none is lost in a thread or a future. */
class FailuresShownTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    private final List<AutoCloseable> cleanup = new ArrayList<>();

    @AfterEach
    void tearDown() throws Exception {
        for (int i = cleanup.size() - 1; i >= 0; i--) {
            cleanup.get(i).close();
        }
    }

    /** A supervisor on the real streaming feed against an embedded sandbox, with the ticker URL and the listener given. */
    private final class Rig {
        final SandboxExchange exchange;
        final KiteSession session;
        final KiteRestClient rest;
        final Engine engine;
        final MarketClock clock = MarketClock.system();
        final FeedSupervisor supervisor;
        final List<FeedStatus> statuses = new CopyOnWriteArrayList<>();

        Rig(AtomicReference<String> wsUrl, FeedStatusListener extra) throws Exception {
            exchange = SandboxExchange.start(SandboxOptions.defaults().withSpeed(30).withSeed(7)
                    .withStart(SandboxRig.SESSION, LocalTime.of(10, 0)).withInstruments(SandboxRig.INSTRUMENTS));
            cleanup.add(exchange);
            session = new KiteSession(exchange.apiKey(), exchange.accessToken());
            rest = new KiteRestClient(KiteHttp.shared(), exchange.restUrl(), session);
            engine = new Engine(new EngineCore(SandboxRig.INSTRUMENTS, StrategyParams.defaults(), null));
            GapRepairer repairer = new GapRepairer(rest, SandboxRig.INSTRUMENTS, engine, GapLog.NONE, clock, 3000);
            supervisor = new FeedSupervisor((kind, sink, reporter) -> new StreamingFeed(
                    KiteTicker.Options.defaults(wsUrl.get(), session), SandboxRig.INSTRUMENTS, clock, sink, reporter),
                    engine, clock, SessionCalendar.withoutHolidays(), new HybridSchedule(List.of()), repairer, DataMode.STREAM,
                    (s, changed) -> {
                        statuses.add(s);
                        extra.onStatus(s, changed);
                    });
            cleanup.add(engine);
            cleanup.add(repairer);
            cleanup.add(supervisor);
            engine.start();
        }
    }

    @Test
    void aTickerUrlThatCannotWorkIsAnErrorSayingWhatToDoAndReconnectStartsTheFeedOnceItIsFixed() throws Exception {
        AtomicReference<String> wsUrl = new AtomicReference<>();
        Rig rig = new Rig(wsUrl, (s, c) -> {});
        wsUrl.set("ws://127.0.0.1 :" + rig.exchange.wsPort()); // the space from the issue: URI.create throws on the supervisor
        rig.supervisor.start(null, SandboxRig.INSTRUMENTS);
        await("an ERROR status", WAIT, () -> rig.supervisor.status().state() == FeedState.ERROR);
        assertThat(rig.supervisor.status().message()).contains("The stream feed could not start").contains("Illegal character")
                .contains("press Reconnect").contains("KITE_WS_URL");

        rig.supervisor.reconnect(); // still bad: the same message again, no NullPointerException
        await("the reconnect tried again", WAIT, () -> rig.statuses.stream().filter(s -> s.state() == FeedState.ERROR).count() >= 2);
        assertThat(rig.supervisor.status().message()).contains("could not start").doesNotContain("NullPointerException");

        wsUrl.set(rig.exchange.wsUrl());
        rig.supervisor.reconnect();
        await("LIVE with the fixed URL", WAIT, () -> rig.supervisor.status().state() == FeedState.LIVE && rig.supervisor.ticks() > 0);
    }

    @Test
    void aFailingStatusListenerIsShownAsAnErrorInTheStatusTheWindowReads() throws Exception {
        AtomicReference<String> wsUrl = new AtomicReference<>();
        AtomicInteger calls = new AtomicInteger();
        Rig rig = new Rig(wsUrl, (s, changed) -> {
            if (calls.incrementAndGet() == 3) {
                throw new IllegalStateException("stdout is closed");
            }
        });
        wsUrl.set(rig.exchange.wsUrl());
        rig.supervisor.start(null, SandboxRig.INSTRUMENTS);
        await("ERROR", WAIT, () -> rig.supervisor.status().state() == FeedState.ERROR);
        assertThat(rig.supervisor.status().message()).contains("Showing the status failed: stdout is closed");
        rig.supervisor.reconnect();
        await("cleared by Reconnect", WAIT, () -> rig.supervisor.status().state() == FeedState.LIVE);
    }

    @Test
    void aWarmUpThatFailsIsAnErrorAndReconnectRetriesIt() throws Exception {
        AtomicReference<String> wsUrl = new AtomicReference<>();
        Rig rig = new Rig(wsUrl, (s, c) -> {});
        wsUrl.set(rig.exchange.wsUrl());
        AtomicInteger reads = new AtomicInteger();
        CandleCache brokenOnce = new CandleCache() {
            @Override
            public List<Candle> candles(long token, long fromMillis, long toMillis) {
                if (reads.incrementAndGet() == 1) {
                    throw new IllegalStateException("Journal data/journal.db: could not read candles: disk I/O error");
                }
                return List.of();
            }

            @Override
            public void save(List<Candle> candles) {}
        };
        rig.supervisor.start(new WarmUp(rig.rest, brokenOnce, SessionCalendar.withoutHolidays(), 1), SandboxRig.INSTRUMENTS);
        await("ERROR", WAIT, () -> rig.supervisor.status().state() == FeedState.ERROR);
        assertThat(rig.supervisor.status().message()).startsWith("Warm-up failed: Journal data/journal.db: could not read candles")
                .contains("Press Reconnect to try the warm-up again");
        rig.supervisor.reconnect();
        await("the warm-up done on the second try", Duration.ofSeconds(40),
                () -> rig.supervisor.status().message().startsWith("Warm-up done"));
        assertThat(rig.supervisor.status().state()).isEqualTo(FeedState.LIVE);
    }

    @Test
    void aDeadEngineThreadIsAnErrorThatNoLaterConnectTurnsBackIntoLive() throws Exception {
        try (SandboxRig rig = new SandboxRig(dir, DataMode.STREAM, 30, LocalTime.of(9, 30), Map.of())) {
            await("LIVE", WAIT, () -> rig.status().state() == FeedState.LIVE && rig.runtime.view().ticks() > 0);
            rig.runtime.engine().execute(core -> {
                throw new OutOfMemoryError("simulated: Java heap space");
            });
            await("ERROR", WAIT, () -> rig.status().state() == FeedState.ERROR);
            assertThat(rig.status().message()).contains("The engine stopped: OutOfMemoryError: simulated: Java heap space")
                    .contains("restart the scanner");
            assertThat(rig.runtime.engine().death()).isInstanceOf(OutOfMemoryError.class);
            int deathAt = rig.statuses.size() - 1;

            long sockets = websocketsOpened(rig);
            rig.runtime.sandbox().fault(FaultKind.DROP, Duration.ZERO);
            await("the stream connected again", WAIT, () -> websocketsOpened(rig) > sockets);
            long beats = rig.published.get();
            await("two more statuses", WAIT, () -> rig.published.get() >= beats + 2);
            assertThat(rig.statuses.subList(deathAt, rig.statuses.size())).extracting(FeedStatus::state).containsOnly(FeedState.ERROR);
            assertThat(rig.runtime.view().status().state()).as("what the window shows").isEqualTo(FeedState.ERROR);
            assertThat(rig.runtime.engine().submit(new Tick(738561, 1, 100, 1))).as("a dead engine takes nothing").isFalse();
        }
    }

    @Test
    void aThreadThatDiesOfAnUncaughtExceptionIsShownWithItsNameUntilReconnect() throws Exception {
        try (SandboxRig rig = new SandboxRig(dir, DataMode.STREAM, 30, LocalTime.of(9, 30), Map.of())) {
            await("LIVE", WAIT, () -> rig.status().state() == FeedState.LIVE);
            Thread t = new Thread(() -> {
                throw new IllegalStateException("alert sound device vanished");
            }, "alert-player");
            t.start();
            t.join();
            await("ERROR", WAIT, () -> rig.status().state() == FeedState.ERROR);
            assertThat(rig.status().message()).contains("The thread 'alert-player' failed: alert sound device vanished")
                    .contains("Press Reconnect");
            rig.runtime.reconnect();
            await("LIVE again", WAIT, () -> rig.status().state() == FeedState.LIVE);
        }
    }

    private static long websocketsOpened(SandboxRig rig) {
        return ((Number) ((Map<?, ?>) rig.runtime.sandbox().statsJson().get("websocket")).get("total")).longValue();
    }
}
