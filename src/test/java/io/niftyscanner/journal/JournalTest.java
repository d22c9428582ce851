package io.niftyscanner.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.niftyscanner.market.Candle;
import io.niftyscanner.market.CandleQuality;
import io.niftyscanner.market.Side;
import io.niftyscanner.market.Signal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalTest {
    @TempDir
    Path dir;

    private static final long T0 = 1_795_498_500_000L; // some 09:15 IST

    private static Candle candle(long start, long close, CandleQuality q) {
        return new Candle(738561, start, close - 100, close + 200, close - 300, close, 1234, 10, q);
    }

    @Test
    void signalsAreKeptOnceWithTheirProvenanceAcrossReopen() {
        Path file = dir.resolve("data/journal.db");
        Signal sig = new Signal(738561, "RELIANCE", Side.BUY, T0 + 300_000, candle(T0, 140_050, CandleQuality.COMPLETE), 140_050,
                1400.2, 1399.9, 1399.0, 1399.5, 61.5, 3.2, 1395.7, 1409.6, false, "EMA9 crossed above EMA21", Map.of("rsi_buy_min", 50.0));
        try (Journal j = Journal.open(file)) {
            assertThat(j.recordSignal(sig, T0 + 300_100)).isTrue();
            assertThat(j.recordSignal(sig, T0 + 300_200)).as("same signal twice").isFalse();
        }
        try (Journal j = Journal.open(file)) {
            List<Map<String, Object>> rows = j.signalsSince(T0);
            assertThat(rows).hasSize(1);
            assertThat(rows.get(0)).containsEntry("symbol", "RELIANCE").containsEntry("side", "BUY")
                    .containsEntry("rsi", 61.5).containsEntry("candle_close", 1400.5).containsEntry("thresholds", "rsi_buy_min=50.0");
        }
    }

    @Test
    void candleCacheReplacesAndReadsByRange() {
        try (Journal j = Journal.open(dir.resolve("j.db"))) {
            j.saveCandles("kite", List.of(candle(T0, 100_000, CandleQuality.HISTORICAL), candle(T0 + 300_000, 100_500, CandleQuality.GAPPED)));
            j.saveCandles("kite", List.of(candle(T0 + 300_000, 100_600, CandleQuality.REPAIRED)));
            List<Candle> got = j.candles("kite", 738561, T0, T0 + 600_000);
            assertThat(got).hasSize(2);
            assertThat(got.get(1).close()).isEqualTo(100_600);
            assertThat(got.get(1).quality()).isEqualTo(CandleQuality.REPAIRED);
            assertThat(j.candles("kite", 738561, T0 + 300_000, T0 + 300_001)).hasSize(1);
            assertThat(j.candles("kite", 408065, T0, T0 + 600_000)).isEmpty();
        }
    }

    @Test
    void twoMarketsNeverShareCachedCandlesAndADroppedSeriesIsJournaledWithWhy() {
        try (Journal j = Journal.open(dir.resolve("j.db"))) {
            j.saveCandles("sandbox:seed13", List.of(candle(T0, 100_000, CandleQuality.HISTORICAL)));
            j.saveCandles("sandbox:seed14", List.of(candle(T0, 200_000, CandleQuality.HISTORICAL)));
            assertThat(j.candles("sandbox:seed13", 738561, T0, T0 + 1)).extracting(Candle::close).containsExactly(100_000L);
            assertThat(j.candles("sandbox:seed14", 738561, T0, T0 + 1)).extracting(Candle::close).containsExactly(200_000L);
            assertThat(j.candles("kite", 738561, T0, T0 + 1)).isEmpty();

            j.dropCachedSeries("sandbox:seed13", 738561, "previous close differs", 42);
            assertThat(j.candles("sandbox:seed13", 738561, T0, T0 + 1)).isEmpty();
            assertThat(j.candles("sandbox:seed14", 738561, T0, T0 + 1)).hasSize(1);
            assertThat(j.cacheRefetches()).containsExactly(new io.niftyscanner.journal.CacheRefetch("sandbox:seed13", 738561,
                    "previous close differs", 42));
        }
    }

    @Test
    void gapsAndRepairsAreRecorded() {
        try (Journal j = Journal.open(dir.resolve("j.db"))) {
            long id = j.recordGap(0, T0, T0 + 60_000, "reconnect", T0 + 61_000);
            assertThat(j.gaps()).singleElement().satisfies(g -> assertThat(g.repaired()).isFalse());
            j.extendGap(id, T0 + 30_000, T0 + 120_000);
            assertThat(j.gaps().get(0).toMillis()).isEqualTo(T0 + 120_000);
            assertThat(j.gaps().get(0).fromMillis()).as("never narrowed").isEqualTo(T0);
            j.recordRepair(id, 49, T0 + 65_000);
            assertThat(j.gaps()).singleElement().satisfies(g -> {
                assertThat(g.repaired()).isTrue();
                assertThat(g.repairedCandles()).isEqualTo(49);
                assertThat(g.reason()).isEqualTo("reconnect");
            });
        }
    }

    @Test
    void corruptFileGivesAClearMessage() throws Exception {
        Path f = dir.resolve("bad.db");
        Files.writeString(f, "this is not a database, just text that is long enough to fill a header page ".repeat(20));
        assertThatThrownBy(() -> Journal.open(f)).isInstanceOf(JournalException.class)
                .hasMessageContaining("bad.db").hasMessageContaining("move it aside");
    }
}
