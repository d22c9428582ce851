package io.niftyscanner.feed;

import io.niftyscanner.market.Candle;
import java.util.List;

/** Closed 5-minute candles kept between runs (the journal), so a restart fetches only what is missing. */
public interface CandleCache {
    CandleCache NONE = new CandleCache() {
        @Override
        public List<Candle> candles(long token, long fromMillis, long toMillis) {
            return List.of();
        }

        @Override
        public void save(List<Candle> candles) {}
    };

    List<Candle> candles(long token, long fromMillis, long toMillis);

    void save(List<Candle> candles);
}
