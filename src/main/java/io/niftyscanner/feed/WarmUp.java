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
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads recent 5-minute candles for every instrument so the indicators are ready at 09:15: from the cache first,
 * then only what is missing from Kite's historical route.
 *
 * <p>The window is the last {@code strategy.warmup.days} sessions before today (see {@link #windowStart}), so every
 * EMA, RSI and ATR is computed over the same history as a chart of those sessions shows. One request per instrument
 * that lacks candles, as many in flight as the historical limit allows (3 a second, paced by the client's rate limiter,
 * no idle gaps), in order of liquidity: the day's traded value (volume times last price) from one {@code /quote}
 * request, most traded first (the configured order where the quote has nothing). Each instrument's candles go to the
 * engine the moment they land, so it is ready, and can signal, while the others still load.
 *
 * <p>Only cached candles the exchange vouches for are used (complete, repaired, historical); a gapped or partial one
 * counts as missing. A cache that no longer matches the exchange poisons every EMA and RSI, so cached series are checked before use,
 * cheaply. The same {@code /quote} request gives each instrument's previous close, which must match the
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
    /** Historical requests in flight at once: Kite's limit per second, so the rate limiter alone sets the pace. */
    static final int IN_FLIGHT = 3;

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

    /** Each instrument's quote (previous close, volume, last price), from one /quote request (batched by the client). */
    private Map<Long, Quote> quotes(List<Instrument> instruments) {
        Map<String, Instrument> byKey = new HashMap<>();
        for (Instrument in : instruments) {
            byKey.put(in.quoteKey(), in);
        }
        Map<Long, Quote> out = new HashMap<>();
        for (Map.Entry<String, Quote> e : rest.quote(byKey.keySet()).entrySet()) {
            Instrument in = byKey.get(e.getKey());
            if (in != null) {
                out.put(in.token(), e.getValue());
            }
        }
        return out;
    }

    /** Most traded first (volume times last price); instruments the quote says nothing about keep their order, last. */
    static List<Instrument> byLiquidity(List<Instrument> instruments, Map<Long, Quote> quotes) {
        List<Instrument> ordered = new ArrayList<>(instruments);
        ordered.sort(java.util.Comparator.comparingDouble((Instrument in) -> {
            Quote q = quotes.get(in.token());
            return q == null || q.volume() <= 0 || q.lastPrice() <= 0 ? 0.0 : (double) q.volume() * q.lastPrice();
        }).reversed());
        return ordered;
    }

    /** Why the cached series cannot be used, or null when it matches the exchange's previous close (or cannot be compared). */
    private String previousCloseMismatch(Instrument in, TreeMap<Long, Candle> series, Map<Long, Quote> quotes, long todayOpen) {
        Quote quote = quotes.get(in.token());
        Long exchange = quote == null || quote.close() <= 0 ? null : quote.close();
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

    /** What the warm-up of one instrument did; counted together at the end. */
    private static final class Tally {
        final AtomicInteger loaded = new AtomicInteger();
        final AtomicInteger fetched = new AtomicInteger();
        final AtomicInteger cached = new AtomicInteger();
        final AtomicInteger failed = new AtomicInteger();
        final AtomicInteger refetched = new AtomicInteger();
        final AtomicInteger done = new AtomicInteger();
        final Map<String, Integer> reasons = new java.util.concurrent.ConcurrentHashMap<>();
        final List<CompletableFuture<Integer>> loads = new java.util.concurrent.CopyOnWriteArrayList<>();
    }

    public Result run(List<Instrument> instruments, long marketNowMillis, Engine engine, Progress progress, MarketClock clock) {
        long started = clock.nanos();
        long from = windowStart(marketNowMillis);
        long lastClosedEnd = SessionCalendar.bucketStart(marketNowMillis, Timeframe.FIVE_MINUTES);
        long todayOpen = SessionCalendar.sessionOpenMillis(SessionCalendar.istDate(marketNowMillis));
        Map<Long, TreeMap<Long, Candle>> cachedSeries = new HashMap<>();
        boolean anyMissing = false;
        boolean anyCached = false;
        for (Instrument in : instruments) {
            TreeMap<Long, Candle> series = new TreeMap<>();
            for (Candle c : cache.candles(in.token(), from, lastClosedEnd)) {
                if (c.quality() != CandleQuality.GAPPED && c.quality() != CandleQuality.PARTIAL) {
                    series.put(c.startMillis(), c); // a marked candle is no candle to warm up from: fetched as missing
                }
            }
            cachedSeries.put(in.token(), series);
            anyCached |= !series.isEmpty();
            anyMissing |= firstMissingBucket(series, from, lastClosedEnd) < lastClosedEnd;
        }
        Map<Long, Quote> quotes = Map.of();
        String uncheckable = null;
        if (anyCached || anyMissing) {
            try {
                quotes = quotes(instruments);
            } catch (KiteException e) {
                if (e instanceof TokenException) {
                    throw e;
                }
                if (anyCached) {
                    uncheckable = "the cache could not be checked against the exchange (" + e.getMessage() + ")";
                    LOG.warn("warm-up: {}; every cached series is fetched afresh", uncheckable);
                } else {
                    LOG.warn("warm-up: no quotes to order the instruments by liquidity ({}); fetching in the configured order",
                            e.getMessage());
                }
            }
        }
        Tally tally = new Tally();
        List<Instrument> toFetch = new ArrayList<>();
        for (Instrument in : byLiquidity(instruments, quotes)) {
            TreeMap<Long, Candle> series = cachedSeries.get(in.token());
            String why = series.isEmpty() ? null : uncheckable != null ? uncheckable
                    : previousCloseMismatch(in, series, quotes, todayOpen);
            if (why != null) {
                refetch(in, series, why, tally.reasons);
                tally.refetched.incrementAndGet();
            }
            if (firstMissingBucket(series, from, lastClosedEnd) < lastClosedEnd) {
                toFetch.add(in);
            } else {
                tally.cached.addAndGet(series.size());
                ready(in, series, engine, progress, instruments.size(), tally);
            }
        }
        fetchAll(toFetch, cachedSeries, from, lastClosedEnd, marketNowMillis, engine, progress, instruments.size(), tally);
        try {
            CompletableFuture.allOf(tally.loads.toArray(new CompletableFuture<?>[0])).get(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the engine did not take the warm-up candles: " + e.getMessage(), e);
        }
        Result r = new Result(instruments.size(), tally.loaded.get(), tally.fetched.get(), tally.cached.get(), tally.failed.get(),
                (clock.nanos() - started) / 1_000_000L, tally.refetched.get(), tally.reasons);
        LOG.info("{}", r.summary());
        return r;
    }

    /** The instrument's series goes to the engine now: it is ready (and can signal) while others still load. */
    private void ready(Instrument in, TreeMap<Long, Candle> series, Engine engine, Progress progress, int total, Tally tally) {
        List<Candle> history = new ArrayList<>(series.values());
        tally.loaded.addAndGet(history.size());
        tally.loads.add(engine.command(new EngineCommand.LoadHistory(in.token(), history)));
        progress.onProgress(tally.done.incrementAndGet(), total, in.symbol());
    }

    /**
     * Fetches the instruments in order, {@link #IN_FLIGHT} requests at a time so the historical rate limit alone sets the
     * pace; each is handed to the engine as soon as its candles land. An expired token stops the rest and is rethrown.
     */
    private void fetchAll(List<Instrument> toFetch, Map<Long, TreeMap<Long, Candle>> cachedSeries, long from, long end,
                          long marketNowMillis, Engine engine, Progress progress, int total, Tally tally) {
        if (toFetch.isEmpty()) {
            return;
        }
        java.util.concurrent.ConcurrentLinkedQueue<Instrument> queue = new java.util.concurrent.ConcurrentLinkedQueue<>(toFetch);
        java.util.concurrent.atomic.AtomicReference<TokenException> expired = new java.util.concurrent.atomic.AtomicReference<>();
        int workers = Math.min(IN_FLIGHT, toFetch.size());
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "warm-up-fetch");
            t.setDaemon(true);
            return t;
        });
        try {
            List<java.util.concurrent.Future<?>> running = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                running.add(pool.submit(() -> {
                    Instrument in;
                    while (expired.get() == null && (in = queue.poll()) != null) {
                        try {
                            TreeMap<Long, Candle> series = cachedSeries.get(in.token());
                            fetchInto(in, series, from, end, marketNowMillis, tally);
                            ready(in, series, engine, progress, total, tally);
                        } catch (TokenException e) {
                            expired.compareAndSet(null, e);
                        }
                    }
                }));
            }
            for (java.util.concurrent.Future<?> f : running) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            throw new IllegalStateException("warm-up fetch failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        if (expired.get() != null) {
            throw expired.get();
        }
    }

    /** One instrument's missing candles from the historical route, checked against its cache, saved to it. */
    private void fetchInto(Instrument in, TreeMap<Long, Candle> series, long from, long end, long marketNowMillis, Tally tally) {
        tally.cached.addAndGet(series.size());
        long fetchFrom = firstMissingBucket(series, from, end);
        try {
            Long anchor = series.lowerKey(fetchFrom);
            List<Candle> fresh = fetch(in, anchor != null ? anchor : fetchFrom, end, marketNowMillis);
            String differs = anchor == null ? null : overlapMismatch(in, series.get(anchor), fresh);
            if (differs != null) {
                tally.cached.addAndGet(-series.size());
                refetch(in, series, differs, tally.reasons);
                tally.refetched.incrementAndGet();
                fresh = fetch(in, from, end, marketNowMillis);
            }
            for (Candle c : fresh) {
                series.put(c.startMillis(), c);
            }
            cache.save(fresh);
            tally.fetched.addAndGet(fresh.size());
        } catch (TokenException e) {
            throw e;
        } catch (KiteException e) {
            tally.failed.incrementAndGet();
            LOG.warn("warm-up of {} failed: {}", in.symbol(), e.getMessage());
        }
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

    private synchronized void refetch(Instrument in, TreeMap<Long, Candle> series, String why, Map<String, Integer> reasons) {
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
