package io.niftyscanner.feed;

import io.niftyscanner.market.Candle;
import java.util.List;

/**
 * Closed 5-minute candles kept between runs (the journal), so a restart fetches only what is missing. One cache holds
 * one market's candles: Kite's, or one simulated sandbox market's.
 */
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

    /** Keeps candles (of any quality; the warm-up only uses those the exchange vouches for). */
    void save(List<Candle> candles);

    /**
     * The instrument's cached series no longer matches the exchange's: forget it, and record why. (The fresh candles
     * saved next replace it bucket by bucket anyway; a cache without a record of its own may keep this no-op.)
     */
    default void drop(long token, String reason) {}
}
