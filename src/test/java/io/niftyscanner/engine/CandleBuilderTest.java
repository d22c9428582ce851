package io.niftyscanner.engine;

import static io.niftyscanner.engine.Ist.t;
import static org.assertj.core.api.Assertions.assertThat;

import io.niftyscanner.engine.CandleBuilder.Result;
import io.niftyscanner.market.Candle;
import io.niftyscanner.market.CandleQuality;
import io.niftyscanner.market.Instrument;
import io.niftyscanner.market.SessionCalendar;
import io.niftyscanner.market.Tick;
import io.niftyscanner.market.Timeframe;
import java.util.List;
import org.junit.jupiter.api.Test;

class CandleBuilderTest {
    private static final long TOKEN = 738561;
    private final CandleBuilder builder = new CandleBuilder(TOKEN, Timeframe.FIVE_MINUTES, SessionCalendar.withoutHolidays());

    @Test
    void firstTickAtTheOpenStartsTheFirstBucketAndItsLastMillisecondStaysInIt() {
        assertThat(builder.onTick(t("09:15:00.000"), 100_00, 10)).isEqualTo(Result.ADDED);
        assertThat(builder.formingBucketStart()).isEqualTo(t("09:15:00"));
        assertThat(builder.onTick(t("09:19:59.999"), 101_00, 25)).isEqualTo(Result.ADDED);
        assertThat(builder.onTick(t("09:20:00.000"), 102_00, 40)).isEqualTo(Result.CLOSED_AND_ADDED);
        Candle first = builder.takeClosed();
        assertThat(first).isEqualTo(new Candle(TOKEN, t("09:15:00"), 100_00, 101_00, 100_00, 101_00, 25, 2, CandleQuality.COMPLETE));
        assertThat(builder.formingBucketStart()).isEqualTo(t("09:20:00"));
        assertThat(builder.forming().volume()).isEqualTo(15);
    }

    @Test
    void theLastBucketStartsAt1525AndTakes152959() {
        builder.onTick(t("09:16:00"), 100_00, 0);
        assertThat(builder.onTick(t("15:29:59"), 100_50, 500)).isEqualTo(Result.CLOSED_AND_ADDED);
        assertThat(builder.formingBucketStart()).isEqualTo(t("15:25:00"));
        assertThat(builder.onTick(t("15:30:00"), 100_60, 600)).isEqualTo(Result.OUT_OF_SESSION);
        assertThat(builder.flush().startMillis()).isEqualTo(t("15:25:00"));
    }

    @Test
    void preOpenAndPostCloseTicksAreIgnored() {
        assertThat(builder.onTick(t("09:14:59.999"), 99_00, 1000)).isEqualTo(Result.OUT_OF_SESSION);
        assertThat(builder.onTick(t("09:07:30"), 99_00, 900)).isEqualTo(Result.OUT_OF_SESSION);
        assertThat(builder.onTick(t("15:30:00"), 99_00, 900)).isEqualTo(Result.OUT_OF_SESSION);
        assertThat(builder.onTick(t("15:45:00"), 99_00, 900)).isEqualTo(Result.OUT_OF_SESSION);
        assertThat(builder.hasForming()).isFalse();
    }

    @Test
    void weekendTicksAreOutOfSessionWithACalendar() {
        assertThat(builder.onTick(Ist.at("2026-11-22T10:00:00"), 100_00, 1)).isEqualTo(Result.OUT_OF_SESSION);
    }

    @Test
    void withoutACalendarTheExchangeTimestampDecidesSoASpecialSaturdaySessionBuildsCandles() {
        CandleBuilder hoursOnly = new CandleBuilder(TOKEN, Timeframe.FIVE_MINUTES, null);
        assertThat(hoursOnly.onTick(Ist.at("2025-02-01T10:00:00"), 100_00, 1)).isEqualTo(Result.ADDED);
        assertThat(hoursOnly.onTick(Ist.at("2025-02-01T09:14:59"), 100_00, 1)).isEqualTo(Result.OUT_OF_SESSION);
        assertThat(hoursOnly.onTick(Ist.at("2025-02-01T15:30:00"), 100_00, 1)).isEqualTo(Result.OUT_OF_SESSION);
    }

    @Test
    void firstTickInThe0915BucketMeansBaselineZeroAndACompleteCandle() {
        builder.onTick(t("09:17:00"), 100_00, 5_000);
        builder.onTick(t("09:18:00"), 100_00, 7_000);
        Candle c = builder.flush();
        assertThat(c.volume()).isEqualTo(7_000);
        assertThat(c.quality()).isEqualTo(CandleQuality.COMPLETE);
    }

    @Test
    void joiningMidSessionTakesTheFirstCumulativeVolumeAsBaselineAndMarksThatCandlePartial() {
        builder.onTick(t("11:02:10"), 100_00, 1_000_000);
        builder.onTick(t("11:03:10"), 100_10, 1_000_300);
        assertThat(builder.onTick(t("11:05:00"), 100_20, 1_000_500)).isEqualTo(Result.CLOSED_AND_ADDED);
        Candle partial = builder.takeClosed();
        assertThat(partial.quality()).isEqualTo(CandleQuality.PARTIAL);
        assertThat(partial.volume()).isEqualTo(300);
        Candle next = builder.flush();
        assertThat(next.quality()).isEqualTo(CandleQuality.COMPLETE);
        assertThat(next.volume()).isEqualTo(200);
    }

    @Test
    void theBaselineRestartsOnANewIstDay() {
        builder.onTick(t("15:20:00"), 100_00, 9_000_000);
        builder.onTick(t("15:29:00"), 100_00, 9_000_100);
        long nextDay = Ist.at("2026-11-24T09:15:02");
        assertThat(builder.onTick(nextDay, 101_00, 1_000)).isEqualTo(Result.CLOSED_AND_ADDED);
        builder.onTick(nextDay + 1000, 101_00, 1_500);
        Candle firstOfDay = builder.flush();
        assertThat(firstOfDay.volume()).isEqualTo(1_500);
        assertThat(firstOfDay.quality()).isEqualTo(CandleQuality.COMPLETE);
    }

    @Test
    void outOfOrderTicksInsideTheOpenBucketWidenTheRangeButDoNotMoveTheCloseBackInTime() {
        builder.onTick(t("09:15:10"), 100_00, 10);
        builder.onTick(t("09:15:30"), 101_00, 20);
        builder.onTick(t("09:15:20"), 98_00, 15);
        builder.onTick(t("09:15:25"), 103_00, 18);
        Candle c = builder.flush();
        assertThat(c.open()).isEqualTo(100_00);
        assertThat(c.high()).isEqualTo(103_00);
        assertThat(c.low()).isEqualTo(98_00);
        assertThat(c.close()).isEqualTo(101_00);
        assertThat(c.volume()).isEqualTo(20);
        assertThat(c.tickCount()).isEqualTo(4);
    }

    @Test
    void cumulativeVolumeGoingBackwardsNeverMakesNegativeVolume() {
        builder.onTick(t("09:15:10"), 100_00, 1_000);
        builder.onTick(t("09:20:10"), 100_00, 900);
        builder.onTick(t("09:20:20"), 100_00, 950);
        assertThat(builder.onTick(t("09:25:00"), 100_00, 1_100)).isEqualTo(Result.CLOSED_AND_ADDED);
        assertThat(builder.takeClosed().volume()).isZero();
        assertThat(builder.flush().volume()).isEqualTo(100);
    }

    @Test
    void aTickForAClosedBucketIsLateAndNotMerged() {
        builder.onTick(t("09:15:10"), 100_00, 10);
        builder.onTick(t("09:20:01"), 100_00, 20);
        Candle closed = builder.takeClosed();
        assertThat(builder.onTick(t("09:19:59"), 50_00, 30)).isEqualTo(Result.LATE);
        assertThat(builder.lateBucketStart()).isEqualTo(t("09:15:00"));
        assertThat(closed.low()).isEqualTo(100_00);
        assertThat(builder.forming().low()).isEqualTo(100_00);
    }

    @Test
    void marketTimeClosesTheBucketAfterItsEndPlusGraceAndALaterTickForItIsLate() {
        builder.onTick(t("09:15:10"), 100_00, 10);
        assertThat(builder.onMarketTime(t("09:20:01.999"), 2000)).isNull();
        Candle c = builder.onMarketTime(t("09:20:02"), 2000);
        assertThat(c).isNotNull();
        assertThat(c.startMillis()).isEqualTo(t("09:15:00"));
        assertThat(builder.onTick(t("09:19:59.500"), 100_00, 11)).isEqualTo(Result.LATE);
        assertThat(builder.onTick(t("09:20:03"), 100_00, 12)).isEqualTo(Result.ADDED);
        assertThat(builder.flush().volume()).isEqualTo(2);
    }

    @Test
    void theEngineCountsOutOfSessionLateAndUnknownTicksAndReportsLateOnesThroughTheListener() {
        RecordingListener l = new RecordingListener();
        EngineCore core = new EngineCore(List.of(Instrument.nseEquity("RELIANCE", TOKEN)), StrategyParams.defaults(), l);
        core.onTick(new Tick(TOKEN, t("09:10:00"), 100_00, 1));
        core.onTick(new Tick(TOKEN, t("09:15:01"), 100_00, 2));
        core.onTick(new Tick(TOKEN, t("09:20:01"), 100_00, 3));
        Tick late = new Tick(TOKEN, t("09:19:58"), 100_00, 4);
        core.onTick(late);
        core.onTick(new Tick(12345, t("09:20:02"), 100_00, 5));
        assertThat(core.stats()).isEqualTo(new EngineStats(4, 1, 0, 1, 1, 1, 0));
        assertThat(l.lateTicks).containsExactly(late);
        assertThat(l.lateBuckets).containsExactly(t("09:15:00"));
        assertThat(l.unknown).hasSize(1);
    }

    @Test
    void aBucketMissedInAGapLendsNoVolumeToTheNextCandleAndNeitherSideOfTheGapIsComplete() {
        builder.onTick(t("09:15:01"), 100_00, 0);
        builder.onTick(t("09:19:50"), 101_00, 1_000);
        builder.markGap(t("09:19:50"), t("09:25:30")); // 09:20 passes without a tick; 3,600 shares trade unseen
        assertThat(builder.onTick(t("09:25:30"), 103_00, 4_600)).isEqualTo(Result.CLOSED_AND_ADDED);
        Candle before = builder.takeClosed();
        assertThat(before.startMillis()).isEqualTo(t("09:15:00"));
        assertThat(before.quality()).as("its end was missed").isEqualTo(CandleQuality.GAPPED);
        builder.onTick(t("09:27:00"), 104_00, 5_200);
        builder.onTick(t("09:30:01"), 104_50, 5_500);
        Candle after = builder.takeClosed();
        assertThat(after.startMillis()).isEqualTo(t("09:25:00"));
        assertThat(after.quality()).as("its beginning was missed").isEqualTo(CandleQuality.GAPPED);
        assertThat(after.volume()).as("600 seen in 09:25, not the 4,200 since the last tick before the gap").isEqualTo(600);
        Candle next = builder.flush();
        assertThat(next.quality()).as("after the gap ends, candles are complete again").isEqualTo(CandleQuality.COMPLETE);
        assertThat(next.volume()).isEqualTo(300);
    }

    @Test
    void aGapInsideOneBucketKeepsTheBaselineFromBeforeIt() {
        builder.onTick(t("09:15:01"), 100_00, 0);
        builder.onTick(t("09:19:00"), 101_00, 1_000);
        builder.onTick(t("09:20:10"), 101_00, 1_100);
        builder.markGap(t("09:21:00"), t("09:22:00"));
        builder.onTick(t("09:22:00"), 101_00, 1_700);
        builder.onTick(t("09:25:01"), 101_00, 1_800);
        Candle gapped = builder.takeClosed();
        assertThat(gapped.quality()).isEqualTo(CandleQuality.GAPPED);
        assertThat(gapped.volume()).as("cumulative volume covers the missed ticks of its own bucket").isEqualTo(700);
        assertThat(builder.flush().quality()).isEqualTo(CandleQuality.COMPLETE);
    }
}
