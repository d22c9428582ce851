package io.niftyscanner.app;

import io.niftyscanner.config.Secrets;
import io.niftyscanner.feed.CandleCache;
import io.niftyscanner.feed.GapLog;
import io.niftyscanner.journal.Journal;
import io.niftyscanner.market.Candle;
import java.time.Clock;
import java.util.List;

/** The journal in the shapes the feed package asks for. */
final class JournalAdapters {
    private JournalAdapters() {}

    static GapLog gapLog(Journal journal, Clock wall) {
        return new GapLog() {
            @Override
            public long recordGap(long fromMillis, long toMillis, String reason) {
                return journal.recordGap(0, fromMillis, toMillis, Secrets.redact(reason), wall.millis());
            }

            @Override
            public void extendGap(long gapId, long fromMillis, long toMillis) {
                journal.extendGap(gapId, fromMillis, toMillis);
            }

            @Override
            public void recordRepair(long gapId, int repairedCandles) {
                journal.recordRepair(gapId, repairedCandles, wall.millis());
            }
        };
    }

    /** The journal's candle cache of one market. */
    static CandleCache candleCache(Journal journal, String market, Clock wall) {
        return new CandleCache() {
            @Override
            public List<Candle> candles(long token, long fromMillis, long toMillis) {
                return journal.candles(market, token, fromMillis, toMillis);
            }

            @Override
            public void save(List<Candle> candles) {
                journal.saveCandles(market, candles);
            }

            @Override
            public void drop(long token, String reason) {
                journal.dropCachedSeries(market, token, reason, wall.millis());
            }
        };
    }
}
