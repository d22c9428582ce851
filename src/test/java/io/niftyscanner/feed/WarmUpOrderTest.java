package io.niftyscanner.feed;

import static org.assertj.core.api.Assertions.assertThat;

import io.niftyscanner.kite.Quote;
import io.niftyscanner.market.Instrument;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** In which order the warm-up fetches (issue 12, item 5). */
class WarmUpOrderTest {
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
