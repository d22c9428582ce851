package io.niftyscanner.feed;

import static org.assertj.core.api.Assertions.assertThat;

import io.niftyscanner.kite.Quote;
import io.niftyscanner.market.Instrument;
import io.niftyscanner.market.SessionCalendar;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What the warm-up asks for, and in which order (issue 12, item 5). */
class WarmUpWindowTest {
    private static long ist(int day, int hour, int minute) {
        return SessionCalendar.istMillis(LocalDate.of(2026, 11, day), LocalTime.of(hour, minute));
    }

    @Test
    void theIndicatorsNeed94CandlesWhenTheirFirstCandleMustWeighUnderOnePerMille() {
        // RSI 14 and ATR 14 (Wilder, 1/14) are the slowest: 13/14 to the 93rd is 0.00101, to the 94th 0.00094
        assertThat(Math.pow(13.0 / 14, 93)).isGreaterThan(0.001);
        assertThat(Math.pow(13.0 / 14, 94)).isLessThan(0.001);
        assertThat(WarmUp.candlesNeeded(9, 21, 14, 14, 30)).isEqualTo(94);
        // EMA 50 (m = 2/51) needs 173; a strategy that waits 200 candles gets 200
        assertThat(WarmUp.candlesNeeded(9, 50, 14, 14, 30)).isEqualTo(173);
        assertThat(WarmUp.candlesNeeded(9, 21, 14, 14, 200)).isEqualTo(200);
    }

    @Test
    void theWindowReachesBackOverSessionsAndHolidaysButNotPastTheConfiguredDays() {
        SessionCalendar calendar = new SessionCalendar(Set.of(LocalDate.of(2026, 11, 24))); // Tuesday a holiday
        WarmUp warmUp = new WarmUp(null, CandleCache.NONE, calendar, 5, 94);
        // Wednesday 09:15, nothing closed today: Monday's 75 candles and Friday's last 19 (13:55 on)
        assertThat(warmUp.fetchWindowStart(ist(25, 9, 15), ist(25, 9, 16))).isEqualTo(ist(20, 13, 55));
        // Wednesday 10:00 (9 candles today): Monday's 75 and Friday's last 10
        assertThat(warmUp.fetchWindowStart(ist(25, 10, 0), ist(25, 10, 1))).isEqualTo(ist(20, 14, 40));
        // after the close the whole of today counts
        assertThat(warmUp.fetchWindowStart(ist(25, 15, 30), ist(25, 16, 0))).isEqualTo(ist(23, 13, 55));
        // strategy.warmup.days = 1 caps the window at the previous session's open
        WarmUp oneDay = new WarmUp(null, CandleCache.NONE, calendar, 1, 94);
        assertThat(oneDay.fetchWindowStart(ist(25, 9, 15), ist(25, 9, 16))).isEqualTo(ist(23, 9, 15));
    }

    private static Quote quote(long token, long lastPrice, long volume) {
        return new Quote("NSE:" + token, token, lastPrice, 0, volume, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    @Test
    void theMostTradedInstrumentsAreFetchedFirstAndUnquotedOnesKeepTheirOrderLast() {
        Instrument a = Instrument.nseEquity("A", 257);
        Instrument b = Instrument.nseEquity("B", 513);
        Instrument c = Instrument.nseEquity("C", 769);
        Instrument d = Instrument.nseEquity("D", 1025);
        Instrument e = Instrument.nseEquity("E", 1281);
        Map<Long, Quote> quotes = Map.of(
                b.token(), quote(b.token(), 100_000, 2_000_000),  // 2,000 crore paise of value
                c.token(), quote(c.token(), 300_000, 1_000_000),  // 3,000: the most traded
                e.token(), quote(e.token(), 50_000, 0));          // nothing traded yet: like no quote
        assertThat(WarmUp.byLiquidity(List.of(a, b, c, d, e), quotes)).containsExactly(c, b, a, d, e);
    }
}
