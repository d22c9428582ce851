package io.niftyscanner.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.niftyscanner.engine.InstrumentView;
import io.niftyscanner.engine.StrategyParams;
import io.niftyscanner.market.Candle;
import io.niftyscanner.market.CandleQuality;
import io.niftyscanner.market.Instrument;
import io.niftyscanner.market.SessionCalendar;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The chart's series: journal history before the engine's candles, the forming candle last, indicators by hand. */
class ChartSeriesSourceTest {
    private static final Instrument RELIANCE = Instrument.nseEquity("RELIANCE", 738561);
    private static final LocalDate MONDAY = LocalDate.of(2026, 11, 23);
    private static final long OPEN = SessionCalendar.sessionOpenMillis(MONDAY);
    private static final long BUCKET = 300_000;
    /** EMA 2 and 3, RSI 2: small enough to work out by hand. */
    private static final StrategyParams PARAMS = new StrategyParams(2, 3, 2, 50, 70, 30, 50, 3, 2, 1.5, 3, false, 5000, 2000);

    private static Candle candle(long start, double close, CandleQuality q) {
        long c = Math.round(close * 100);
        return new Candle(RELIANCE.token(), start, c, c + 50, c - 50, c, 100, 10, q);
    }

    @Test
    void historyFromTheJournalThenTheEnginesCandlesThenTheFormingOneWithIndicatorsAtEach() {
        List<long[]> asked = new ArrayList<>();
        Candle older = candle(OPEN - 3 * 86_400_000L, 10, CandleQuality.HISTORICAL);
        ChartSeriesSource source = new ChartSeriesSource(PARAMS, new SessionCalendar(Set.of()), 2, (token, from, to) -> {
            asked.add(new long[] {token, from, to});
            return List.of(older);
        });
        List<Candle> retained = List.of(candle(OPEN, 11, CandleQuality.PARTIAL), candle(OPEN + BUCKET, 12, CandleQuality.COMPLETE));
        Candle forming = candle(OPEN + 2 * BUCKET, 11, CandleQuality.COMPLETE);
        InstrumentView view = new InstrumentView(RELIANCE, 1100, OPEN + 2 * BUCKET + 1000, forming, retained, null, null);

        ChartSeries s = source.build(view, List.of(), OPEN + 2 * BUCKET + 1000);

        assertThat(s.size()).isEqualTo(4);
        assertThat(s.closedCount()).isEqualTo(3);
        assertThat(s.candle(0)).isSameAs(older);
        assertThat(s.candle(3)).isSameAs(forming);
        assertThat(s.hasForming()).isTrue();
        long thursday = SessionCalendar.sessionOpenMillis(LocalDate.of(2026, 11, 19));
        assertThat(asked).hasSize(1);
        assertThat(asked.get(0)).containsExactly(RELIANCE.token(), thursday, OPEN);
        // closes 10, 11, 12, 11: EMA2 k=2/3, EMA3 k=1/2, Wilder RSI2 seeded with zero averages
        assertThat(s.emaFast(1)).isCloseTo(10.666667, within(1e-6));
        assertThat(s.emaFast(3)).isCloseTo(11.185185, within(1e-6));
        assertThat(s.emaSlow(2)).isCloseTo(11.25, within(1e-9));
        assertThat(s.emaSlow(3)).isCloseTo(11.125, within(1e-9));
        assertThat(s.rsi(2)).isCloseTo(100.0, within(1e-9));
        assertThat(s.rsi(3)).as("the forming candle's preview").isCloseTo(42.857143, within(1e-6));
        assertThat(s.indexOf(OPEN + BUCKET)).isEqualTo(2);
        assertThat(s.indexOf(OPEN + 7)).isEqualTo(-1);

        source.build(view, List.of(), OPEN + 2 * BUCKET + 2000);
        assertThat(asked).as("the same window is read from the journal once").hasSize(1);
    }

    @Test
    void aJournalThatCannotBeReadLeavesTheSessionsCandles() {
        ChartSeriesSource source = new ChartSeriesSource(PARAMS, new SessionCalendar(Set.of()), 2, (token, from, to) -> {
            throw new IllegalStateException("database is locked");
        });
        InstrumentView view = new InstrumentView(RELIANCE, 1100, OPEN + 1000, null, List.of(candle(OPEN, 11, CandleQuality.COMPLETE)), null, null);
        ChartSeries s = source.build(view, List.of(), OPEN + BUCKET + 1000);
        assertThat(s.size()).isEqualTo(1);
        assertThat(s.hasForming()).isFalse();
    }
}
