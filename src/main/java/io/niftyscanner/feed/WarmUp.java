package io.niftyscanner.feed;

import io.niftyscanner.engine.Engine;
import io.niftyscanner.engine.EngineCommand;
import io.niftyscanner.kite.KiteException;
import io.niftyscanner.kite.KiteRestClient;
import io.niftyscanner.market.Candle;
import io.niftyscanner.market.Instrument;
import io.niftyscanner.market.SessionCalendar;
import io.niftyscanner.market.Timeframe;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads recent 5-minute candles for every instrument so the indicators are ready at 09:15: from the cache first,
 * then only what is missing from Kite's historical route (the client keeps to 3 requests a second).
 */
public final class WarmUp {
    private static final Logger LOG = LoggerFactory.getLogger(WarmUp.class);
    private static final long BUCKET = Timeframe.FIVE_MINUTES.millis();

    /** Progress of a warm-up, for the status line. */
    public interface Progress {
        void onProgress(int done, int total, String symbol);
    }

    /** What a warm-up did. */
    public record Result(int instruments, int candlesLoaded, int fetchedFromKite, int fromCache, int failed, long millis) {}

    private final KiteRestClient rest;
    private final CandleCache cache;
    private final SessionCalendar calendar;
    private final int tradingDays;

    public WarmUp(KiteRestClient rest, CandleCache cache, SessionCalendar calendar, int tradingDays) {
        this.rest = rest;
        this.cache = cache;
        this.calendar = calendar;
        this.tradingDays = tradingDays;
    }

    /** The open of the earliest session the warm-up covers, for a market time. */
    public long windowStart(long marketNowMillis) {
        LocalDate day = SessionCalendar.istDate(marketNowMillis);
        for (int i = 0; i < tradingDays; i++) {
            day = calendar.previousTradingDay(day);
        }
        return SessionCalendar.sessionOpenMillis(day);
    }

    /**
     * The first session bucket in [from, end) that the cache lacks, or {@code end} when none is missing: one request
     * then fetches from there on, and a complete cache costs no request at all.
     */
    long firstMissingBucket(TreeMap<Long, Candle> cached, long from, long end) {
        LocalDate day = SessionCalendar.istDate(from);
        LocalDate last = SessionCalendar.istDate(end);
        for (; !day.isAfter(last); day = day.plusDays(1)) {
            if (!calendar.isTradingDay(day)) {
                continue;
            }
            long open = SessionCalendar.sessionOpenMillis(day);
            long close = Math.min(SessionCalendar.sessionCloseMillis(day), end);
            for (long t = Math.max(open, from); t < close; t += BUCKET) {
                if (!cached.containsKey(t)) {
                    return t;
                }
            }
        }
        return end;
    }

    public Result run(List<Instrument> instruments, long marketNowMillis, Engine engine, Progress progress, MarketClock clock) {
        long started = clock.nanos();
        long from = windowStart(marketNowMillis);
        long lastClosedEnd = SessionCalendar.bucketStart(marketNowMillis, Timeframe.FIVE_MINUTES);
        int loaded = 0;
        int fetched = 0;
        int cached = 0;
        int failed = 0;
        int done = 0;
        List<CompletableFuture<Integer>> loads = new ArrayList<>();
        for (Instrument in : instruments) {
            TreeMap<Long, Candle> series = new TreeMap<>();
            for (Candle c : cache.candles(in.token(), from, lastClosedEnd)) {
                series.put(c.startMillis(), c);
            }
            cached += series.size();
            long fetchFrom = firstMissingBucket(series, from, lastClosedEnd);
            if (fetchFrom < lastClosedEnd) {
                try {
                    List<Candle> fresh = new ArrayList<>();
                    for (Candle c : rest.historical(in.token(), Timeframe.FIVE_MINUTES.kiteInterval(),
                            Instant.ofEpochMilli(fetchFrom), Instant.ofEpochMilli(lastClosedEnd - 1000))) {
                        if (c.startMillis() + BUCKET <= marketNowMillis) {
                            fresh.add(c);
                            series.put(c.startMillis(), c);
                        }
                    }
                    cache.save(fresh);
                    fetched += fresh.size();
                } catch (KiteException e) {
                    failed++;
                    LOG.warn("warm-up of {} failed: {}", in.symbol(), e.getMessage());
                    if (e instanceof io.niftyscanner.kite.TokenException) {
                        throw e;
                    }
                }
            }
            List<Candle> history = new ArrayList<>(series.values());
            loaded += history.size();
            loads.add(engine.command(new EngineCommand.LoadHistory(in.token(), history)));
            progress.onProgress(++done, instruments.size(), in.symbol());
        }
        try {
            CompletableFuture.allOf(loads.toArray(new CompletableFuture<?>[0])).get(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the engine did not take the warm-up candles: " + e.getMessage(), e);
        }
        Result r = new Result(instruments.size(), loaded, fetched, cached, failed, (clock.nanos() - started) / 1_000_000L);
        LOG.info("warm-up: {}", r);
        return r;
    }
}
