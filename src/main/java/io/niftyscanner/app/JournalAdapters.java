package io.niftyscanner.app;

import io.niftyscanner.config.Secrets;
import io.niftyscanner.feed.CandleCache;
import io.niftyscanner.feed.GapLog;
import io.niftyscanner.journal.Journal;
import io.niftyscanner.journal.JournalException;
import io.niftyscanner.market.Candle;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The journal in the shapes the feed package asks for. The gap log is bookkeeping beside the repairs: when the journal
 * cannot be written, the repairs go on unrecorded (the journal writer shows that failure; {@link JournalFirst}).
 */
final class JournalAdapters {
    private static final Logger LOG = LoggerFactory.getLogger(JournalAdapters.class);

    private JournalAdapters() {}

    static GapLog gapLog(Journal journal, Clock wall) {
        return new GapLog() {
            @Override
            public long recordGap(long fromMillis, long toMillis, String reason) {
                try {
                    return journal.recordGap(0, fromMillis, toMillis, Secrets.redact(reason), wall.millis());
                } catch (JournalException e) {
                    LOG.warn("a gap is repaired but not recorded in the journal: {}", e.getMessage());
                    return 0;
                }
            }

            @Override
            public void extendGap(long gapId, long fromMillis, long toMillis) {
                try {
                    journal.extendGap(gapId, fromMillis, toMillis);
                } catch (JournalException e) {
                    LOG.warn("a gap's extent is not recorded in the journal: {}", e.getMessage());
                }
            }

            @Override
            public void recordRepair(long gapId, int repairedCandles) {
                try {
                    journal.recordRepair(gapId, repairedCandles, wall.millis());
                } catch (JournalException e) {
                    LOG.warn("a repair is done but not recorded in the journal: {}", e.getMessage());
                }
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
