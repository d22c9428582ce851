package io.niftyscanner.app;

import static io.niftyscanner.app.SandboxRig.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.niftyscanner.config.DataMode;
import io.niftyscanner.feed.FeedState;
import io.niftyscanner.feed.FeedStatus;
import io.niftyscanner.journal.GapRecord;
import io.niftyscanner.market.Candle;
import io.niftyscanner.market.CandleQuality;
import io.niftyscanner.sandbox.FaultKind;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every sandbox fault, as the feeds meet it: the status a trader sees and the recovery. */
class FeedFaultsTest {
    @TempDir
    Path dir;

    private static SandboxRig streaming(Path dir) throws Exception {
        SandboxRig rig = new SandboxRig(dir, DataMode.STREAM, 30, LocalTime.of(9, 15), Map.of());
        await("LIVE", Duration.ofSeconds(15), () -> rig.status().state() == FeedState.LIVE && rig.runtime.view().ticks() > 0);
        return rig;
    }

    private static SandboxRig polling(Path dir) throws Exception {
        SandboxRig rig = new SandboxRig(dir, DataMode.POLL, 5, LocalTime.of(9, 30), Map.of());
        await("polling", Duration.ofSeconds(20), () -> rig.status().state() == FeedState.POLLING && rig.status().pollCycleMillis() >= 0);
        return rig;
    }

    @Test
    void aDroppedSocketReconnectsAndTheMissedStretchIsRepairedFromTheExchangesCandles() throws Exception {
        try (SandboxRig rig = streaming(dir)) {
            await("a candle closed", Duration.ofSeconds(20), () -> !rig.candles.isEmpty());
            int statusesBefore = rig.statuses.size();
            long dropNanos = System.nanoTime();
            rig.runtime.sandbox().fault(FaultKind.DROP, Duration.ZERO);
            await("reconnecting", Duration.ofSeconds(10), () -> rig.statuses.subList(statusesBefore, rig.statuses.size()).stream()
                    .anyMatch(s -> s.state() == FeedState.RECONNECTING));
            await("live again", Duration.ofSeconds(15), () -> rig.status().state() == FeedState.LIVE);
            long reconnectMillis = (System.nanoTime() - dropNanos) / 1_000_000L;
            await("repaired", Duration.ofSeconds(40), () -> !rig.repaired.isEmpty() && rig.runtime.repairer().pendingGaps() == 0);

            for (Candle c : rig.repaired) {
                assertThat(c.quality()).isEqualTo(CandleQuality.REPAIRED);
                Candle h = rig.runtime.rest().historical(c.token(), "5minute", Instant.ofEpochMilli(c.startMillis()),
                        Instant.ofEpochMilli(c.startMillis() + 299_000)).get(0);
                assertThat(List.of(c.startMillis(), c.open(), c.high(), c.low(), c.close(), c.volume()))
                        .as("repaired candle equals the sandbox's historical candle")
                        .isEqualTo(List.of(h.startMillis(), h.open(), h.high(), h.low(), h.close(), h.volume()));
            }
            List<GapRecord> gaps = rig.runtime.journal().gaps();
            assertThat(gaps).anyMatch(g -> g.reason().contains("disconnected") && g.repaired() && g.repairedCandles() > 0);
            System.err.printf("drop: LIVE again after %d ms; last repair took %d ms for %d instruments%n", reconnectMillis,
                    rig.runtime.repairer().lastRepairMillis(), SandboxRig.INSTRUMENTS.size());
        }
    }

    @Test
    void aSilentSocketIsDetectedByTheWatchdogAndReplaced() throws Exception {
        try (SandboxRig rig = streaming(dir)) {
            int before = rig.statuses.size();
            rig.runtime.sandbox().fault(FaultKind.STALL, Duration.ofSeconds(3));
            long stallNanos = System.nanoTime();
            await("watchdog trips", Duration.ofSeconds(20), () -> rig.statuses.subList(before, rig.statuses.size()).stream()
                    .anyMatch(s -> s.state() == FeedState.RECONNECTING));
            long detectMillis = (System.nanoTime() - stallNanos) / 1_000_000L;
            FeedStatus tripped = rig.statuses.subList(before, rig.statuses.size()).stream()
                    .filter(s -> s.state() == FeedState.RECONNECTING).findFirst().orElseThrow();
            assertThat(tripped.message()).as("the watchdog, not a TCP error, found it").containsPattern("no data from Kite for \\d+ ms")
                    .contains("(watchdog 2000 ms)");
            long silentMillis = Long.parseLong(tripped.message().replaceAll(".*no data from Kite for (\\d+) ms.*", "$1"));
            assertThat(silentMillis).as("not before the watchdog's 2 s").isGreaterThanOrEqualTo(2000);
            long ticksAtTrip = rig.runtime.view().ticks();
            await("live again after the stall, ticks flowing", Duration.ofSeconds(20), () -> rig.status().state() == FeedState.LIVE
                    && rig.runtime.view().ticks() > ticksAtTrip + 50);
            System.err.printf("stall: detected after %d ms%n", detectMillis);
        }
    }

    @Test
    void malformedFramesAreDroppedWholeAndTheStreamStaysLive() throws Exception {
        try (SandboxRig rig = streaming(dir)) {
            long ticksBefore = rig.runtime.view().ticks();
            rig.runtime.sandbox().fault(FaultKind.MALFORMED, Duration.ofSeconds(2));
            await("malformed frames sent", Duration.ofSeconds(30),
                    () -> ((Number) rig.runtime.sandbox().statsJson().get("malformed_frames_sent")).longValue() > 5);
            await("ticks flow again", Duration.ofSeconds(10), () -> rig.runtime.view().ticks() > ticksBefore + 50);
            assertThat(rig.status().state()).isEqualTo(FeedState.LIVE);
            assertThat(rig.runtime.engine().snapshot().stats().unknownTokenTicks()).as("no half-decoded tick reached the engine").isZero();
            assertThat(rig.runtime.engine().failedItems()).isZero();
            for (var v : rig.runtime.engine().snapshot().instruments()) {
                assertThat(v.lastPriceRupees()).as("sane prices only").isBetween(10.0, 100_000.0);
            }
        }
    }

    @Test
    void rateLimitAndServerErrorsAreSurvivedByThePoller() throws Exception {
        try (SandboxRig rig = polling(dir)) {
            for (FaultKind kind : List.of(FaultKind.RATE_LIMIT, FaultKind.SERVER_ERROR)) {
                long cyclesBefore = rig.statuses.stream().filter(s -> s.pollCycleMillis() >= 0).count();
                rig.runtime.sandbox().fault(kind, Duration.ofSeconds(2));
                await(kind + " answered", Duration.ofSeconds(10), () -> ((Number) rig.runtime.sandbox().statsJson()
                        .get(kind == FaultKind.RATE_LIMIT ? "rate_limited" : "server_errors")).longValue() > 0);
                await("polling again after " + kind, Duration.ofSeconds(40), () -> rig.status().state() == FeedState.POLLING
                        && rig.statuses.stream().filter(s -> s.pollCycleMillis() >= 0).count() > cyclesBefore + 2);
            }
            assertThat(rig.states()).doesNotContain(FeedState.TOKEN_EXPIRED);
        }
    }

    @Test
    void anExpiredTokenStopsTheStreamWithTheLoginHint() throws Exception {
        try (SandboxRig rig = streaming(dir)) {
            rig.runtime.sandbox().fault(FaultKind.EXPIRE_TOKEN, Duration.ZERO);
            rig.runtime.sandbox().fault(FaultKind.DROP, Duration.ZERO);
            await("token expired", Duration.ofSeconds(15), () -> rig.status().state() == FeedState.TOKEN_EXPIRED);
            assertThat(rig.status().message()).contains("./scanner login");
            long wsBefore = ((Number) ((Map<?, ?>) rig.runtime.sandbox().statsJson().get("websocket")).get("total")).longValue();
            awaitBeats(rig, 3); // the ticker stopped for good on the 403 (KiteTickerTest); the supervisor decides on its beats
            long wsAfter = ((Number) ((Map<?, ?>) rig.runtime.sandbox().statsJson().get("websocket")).get("total")).longValue();
            assertThat(wsAfter).as("no retry loop on a dead token").isEqualTo(wsBefore);
            assertThat(rig.status().state()).isEqualTo(FeedState.TOKEN_EXPIRED);
        }
    }

    @Test
    void anExpiredTokenStopsThePollerWithTheLoginHint() throws Exception {
        try (SandboxRig rig = polling(dir)) {
            rig.runtime.sandbox().fault(FaultKind.EXPIRE_TOKEN, Duration.ZERO);
            await("token expired", Duration.ofSeconds(15), () -> rig.status().state() == FeedState.TOKEN_EXPIRED);
            assertThat(rig.status().message()).contains("./scanner login");
            long quotes = rig.requests("GET /quote");
            awaitBeats(rig, 3); // three supervisor beats: longer than two of the rig's 1 s polling intervals
            assertThat(rig.requests("GET /quote")).as("polling stopped").isEqualTo(quotes);
            assertThat(rig.status().state()).isEqualTo(FeedState.TOKEN_EXPIRED);
        }
    }

    /** Waits for the supervisor's once-a-second status beats: each one is a moment at which it could have acted. */
    private static void awaitBeats(SandboxRig rig, int n) throws InterruptedException {
        long beats = rig.published.get();
        await(n + " supervisor beats", Duration.ofSeconds(30), () -> rig.published.get() >= beats + n);
    }
}
