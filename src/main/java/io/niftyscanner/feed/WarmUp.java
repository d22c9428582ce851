package io.niftyscanner.feed;

import io.niftyscanner.engine.Engine;
import io.niftyscanner.engine.EngineCommand;
import io.niftyscanner.kite.KiteException;
import io.niftyscanner.kite.KiteRestClient;
import io.niftyscanner.kite.Quote;
import io.niftyscanner.kite.TokenException;
import io.niftyscanner.market.Candle;
import io.niftyscanner.market.CandleQuality;
import io.niftyscanner.market.Instrument;
import io.niftyscanner.market.SessionCalendar;
import io.niftyscanner.market.Timeframe;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
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
 *
 * <p>Only cached candles the exchange vouches for are used (complete, repaired, historical); a gapped or partial one
 * counts as missing. A cache that no longer matches the exchange poisons every EMA and RSI, so cached series are checked before use,
 * cheaply. One {@code /quote/ohlc} request for all instruments gives each one's previous close, which must match the
 * close of the cache's last candle of the previous session (within {@link #PREVIOUS_CLOSE_TOLERANCE}: the exchange's
 * official close is not always the last trade); when candles are fetched anyway, the request starts one candle early
 * so that candle, cached and fetched, must be equal. A split or bonus makes Kite adjust its history, and both checks
 * notice. A series that fails either check (or cannot be checked) is dropped from the cache, the journal records why,
 * and it is fetched afresh.
 */
public final class WarmUp {
    private static final Logger LOG = LoggerFactory.getLogger(WarmUp.class);
    private static final long BUCKET = Timeframe.FIVE_MINUTES.millis();
    /** Relative difference between the exchange's previous close and the cache's that makes the cache suspect. */
    static final double PREVIOUS_CLOSE_TOLERANCE = 0.02;

    /** Progress of a warm-up, for the status line. */
    public interface Progress {
        void onProgress(int done, int total, String symbol);
    }

    /**
     * What a warm-up did.
     *
     * @param refetched      instruments whose cached series did not match the exchange's and was fetched afresh
     * @param refetchReasons why, with how many instruments each
     */
    public record Result(int instruments, int candlesLoaded, int fetchedFromKite, int fromCache, int failed, long millis,
                         int refetched, Map<String, Integer> refetchReasons) {
        public Result {
            refetchReasons = Map.copyOf(refetchReasons);
        }

        /** The status line's words: "Warm-up done: ...". */
        public String summary() {
            StringBuilder b = new StringBuilder("Warm-up done: ").append(candlesLoaded).append(" candles (").append(fromCache)
                    .append(" cached, ").append(fetchedFromKite).append(" fetched");
            if (failed > 0) {
                b.append(", ").append(failed).append(" instruments failed");
            }
            if (refetched > 0) {
                b.append("; ").append(refetched).append(refetched == 1 ? " instrument" : " instruments").append(" refetched: ");
                StringJoiner why = new StringJoiner("; ");
                refetchReasons.forEach((reason, n) -> why.add(reason + (refetchReasons.size() > 1 ? " (" + n + ")" : "")));
                b.append(why);
            }
            return b.append(") in ").append(millis).append(" ms").toString();
        }
    }

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

    /** The exchange's previous close of each instrument, from one /quote/ohlc request (batched by the client). */
    private Map<Long, Long> previousCloses(List<Instrument> instruments) {
        Map<String, Instrument> byKey = new HashMap<>();
        for (Instrument in : instruments) {
            byKey.put(in.quoteKey(), in);
        }
        Map<Long, Long> out = new HashMap<>();
        for (Map.Entry<String, Quote> e : rest.ohlc(byKey.keySet()).entrySet()) {
            Instrument in = byKey.get(e.getKey());
            if (in != null && e.getValue().close() > 0) {
                out.put(in.token(), e.getValue().close());
            }
        }
        return out;
    }

    /** Why the cached series cannot be used, or null when it matches the exchange's previous close (or cannot be compared). */
    private String previousCloseMismatch(Instrument in, TreeMap<Long, Candle> series, Map<Long, Long> previousCloses, long todayOpen) {
        Long exchange = previousCloses.get(in.token());
        Map.Entry<Long, Candle> last = series.lowerEntry(todayOpen);
        if (exchange == null || last == null) {
            return null;
        }
        LocalDate previousSession = calendar.previousTradingDay(SessionCalendar.istDate(todayOpen));
        if (last.getKey() != SessionCalendar.sessionCloseMillis(previousSession) - BUCKET) {
            return null; // the cache does not hold the previous session's last candle; the overlap check covers it
        }
        long cached = last.getValue().close();
        if (Math.abs(cached - exchange) <= PREVIOUS_CLOSE_TOLERANCE * exchange) {
            return null;
        }
        return String.format(Locale.ROOT, "the exchange's previous close %s differs from the cache's %s (a split or bonus"
                + " adjusts the exchange's history)", in.toPrice(exchange), in.toPrice(cached));
    }

    public Result run(List<Instrument> instruments, long marketNowMillis, Engine engine, Progress progress, MarketClock clock) {
        long started = clock.nanos();
        long from = windowStart(marketNowMillis);
        long lastClosedEnd = SessionCalendar.bucketStart(marketNowMillis, Timeframe.FIVE_MINUTES);
        long todayOpen = SessionCalendar.sessionOpenMillis(SessionCalendar.istDate(marketNowMillis));
        Map<Long, TreeMap<Long, Candle>> cachedSeries = new HashMap<>();
        for (Instrument in : instruments) {
            TreeMap<Long, Candle> series = new TreeMap<>();
            for (Candle c : cache.candles(in.token(), from, lastClosedEnd)) {
                if (c.quality() != CandleQuality.GAPPED && c.quality() != CandleQuality.PARTIAL) {
                    series.put(c.startMillis(), c); // a marked candle is no candle to warm up from: fetched as missing
                }
            }
            cachedSeries.put(in.token(), series);
        }
        Map<Long, Long> previousCloses = Map.of();
        String uncheckable = null;
        if (cachedSeries.values().stream().anyMatch(m -> !m.isEmpty())) {
            try {
                previousCloses = previousCloses(instruments);
            } catch (KiteException e) {
                if (e instanceof TokenException) {
                    throw e;
                }
                uncheckable = "the cache could not be checked against the exchange (" + e.getMessage() + ")";
                LOG.warn("warm-up: {}; every cached series is fetched afresh", uncheckable);
            }
        }
        int loaded = 0;
        int fetched = 0;
        int cached = 0;
        int failed = 0;
        int done = 0;
        int refetched = 0;
        Map<String, Integer> reasons = new LinkedHashMap<>();
        List<CompletableFuture<Integer>> loads = new ArrayList<>();
        for (Instrument in : instruments) {
            TreeMap<Long, Candle> series = cachedSeries.get(in.token());
            String why = series.isEmpty() ? null : uncheckable != null ? uncheckable
                    : previousCloseMismatch(in, series, previousCloses, todayOpen);
            if (why != null) {
                refetch(in, series, why, reasons);
                refetched++;
            }
            cached += series.size();
            long fetchFrom = firstMissingBucket(series, from, lastClosedEnd);
            if (fetchFrom < lastClosedEnd) {
                try {
                    Long anchor = series.lowerKey(fetchFrom);
                    List<Candle> fresh = fetch(in, anchor != null ? anchor : fetchFrom, lastClosedEnd, marketNowMillis);
                    String differs = anchor == null ? null : overlapMismatch(in, series.get(anchor), fresh);
                    if (differs != null) {
                        cached -= series.size();
                        refetch(in, series, differs, reasons);
                        refetched++;
                        fresh = fetch(in, from, lastClosedEnd, marketNowMillis);
                    }
                    for (Candle c : fresh) {
                        series.put(c.startMillis(), c);
                    }
                    cache.save(fresh);
                    fetched += fresh.size();
                } catch (KiteException e) {
                    failed++;
                    LOG.warn("warm-up of {} failed: {}", in.symbol(), e.getMessage());
                    if (e instanceof TokenException) {
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
        Result r = new Result(instruments.size(), loaded, fetched, cached, failed, (clock.nanos() - started) / 1_000_000L,
                refetched, reasons);
        LOG.info("{}", r.summary());
        return r;
    }

    /** Closed candles from the historical route for [from, end). */
    private List<Candle> fetch(Instrument in, long from, long end, long marketNowMillis) {
        List<Candle> fresh = new ArrayList<>();
        for (Candle c : rest.historical(in.token(), Timeframe.FIVE_MINUTES.kiteInterval(), Instant.ofEpochMilli(from),
                Instant.ofEpochMilli(end - 1000))) {
            if (c.startMillis() + BUCKET <= marketNowMillis) {
                fresh.add(c);
            }
        }
        return fresh;
    }

    /** Why the cached candle and the exchange's candle of the same bucket differ, or null when they are equal (or absent). */
    private static String overlapMismatch(Instrument in, Candle cached, List<Candle> fresh) {
        for (Candle c : fresh) {
            if (c.startMillis() == cached.startMillis()) {
                boolean same = c.open() == cached.open() && c.high() == cached.high() && c.low() == cached.low()
                        && c.close() == cached.close();
                return same ? null : String.format(Locale.ROOT, "the exchange's candle of %s closes at %s, the cache's at %s (the"
                        + " exchange's history changed, e.g. a split or bonus)", SessionCalendar.ist(c.startMillis()).toLocalDateTime(),
                        in.toPrice(c.close()), in.toPrice(cached.close()));
            }
        }
        return null;
    }

    private void refetch(Instrument in, TreeMap<Long, Candle> series, String why, Map<String, Integer> reasons) {
        LOG.info("warm-up: the cached candles of {} are not used and fetched afresh: {}", in.symbol(), why);
        cache.drop(in.token(), why);
        series.clear();
        reasons.merge(shortReason(why), 1, Integer::sum);
    }

    /** The reason without its numbers, so instruments with the same reason are counted together. */
    private static String shortReason(String why) {
        if (why.startsWith("the exchange's previous close")) {
            return "previous close differs from the cache (split or bonus?)";
        }
        if (why.startsWith("the exchange's candle of")) {
            return "the exchange's history differs from the cache (split or bonus?)";
        }
        return why;
    }
}
