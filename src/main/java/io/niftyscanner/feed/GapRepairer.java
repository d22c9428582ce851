package io.niftyscanner.feed;

import io.niftyscanner.engine.Engine;
import io.niftyscanner.engine.EngineCommand;
import io.niftyscanner.engine.EngineCore;
import io.niftyscanner.kite.KiteException;
import io.niftyscanner.kite.KiteRestClient;
import io.niftyscanner.kite.RetryPolicy;
import io.niftyscanner.kite.TokenException;
import io.niftyscanner.market.Candle;
import io.niftyscanner.market.Instrument;
import io.niftyscanner.market.SessionCalendar;
import io.niftyscanner.market.Timeframe;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Repairs candles built from incomplete data. A gap is a stretch of market time: it marks every 5-minute bucket it
 * touches in the engine at once (no signal fires from them), including buckets in which no tick arrived at all. Once
 * a bucket has closed on the market clock (plus a settle time), the exchange's 5-minute candles are fetched, one
 * request per instrument covering all its due buckets, and replace the marked ones. A failed fetch (5xx, 429, network,
 * an expired token) keeps the buckets and is retried after an exponential backoff on the injected clock, until it lands
 * or the repairer closes. Each gap and its repair is journaled; overlapping gaps share one journal record.
 */
public final class GapRepairer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GapRepairer.class);
    private static final long BUCKET = Timeframe.FIVE_MINUTES.millis();
    private static final long ENGINE_WAIT_SECONDS = 60;
    /** How often a bucket the exchange's answer lacked is asked for again before it is left marked. */
    private static final int MAX_EMPTY_ANSWERS = 5;

    private final KiteRestClient rest;
    private final List<Instrument> instruments;
    private final Engine engine;
    private final GapLog log;
    private final MarketClock clock;
    private final long settleMillis;
    private final Backoff backoff;
    private final ExecutorService worker;
    private final Object lock = new Object();
    /** token -> bucket starts awaiting repair; guarded by lock. */
    private final Map<Long, TreeSet<Long>> pending = new LinkedHashMap<>();
    /** token -> bucket -> answers without a candle for it; guarded by lock. */
    private final Map<Long, Map<Long, Integer>> emptyAnswers = new HashMap<>();
    /** Journal records of gaps not yet fully repaired; guarded by lock. */
    private final List<Record> open = new ArrayList<>();
    private final AtomicInteger gaps = new AtomicInteger();
    private final AtomicInteger repairs = new AtomicInteger();
    private final AtomicLong lastRepairMillis = new AtomicLong(-1);
    private final AtomicLong repairedCandles = new AtomicLong();
    private volatile String lastError = "";
    private volatile boolean closed;
    /** Guarded by lock. */
    private boolean running;

    private static final class Record {
        final long id;
        long from;
        long to;
        int repaired;

        Record(long id, long from, long to) {
            this.id = id;
            this.from = from;
            this.to = to;
        }
    }

    /**
     * @param settleMillis how long after a bucket closes on the market clock before its exchange candle is asked for
     * @param rest         reads are sent once: this class backs off and retries on its own (one backoff, not two)
     */
    public GapRepairer(KiteRestClient rest, List<Instrument> instruments, Engine engine, GapLog log, MarketClock clock,
                       long settleMillis) {
        this(rest, instruments, engine, log, clock, settleMillis, new Backoff(1_000, 60_000, clock::nanos));
    }

    GapRepairer(KiteRestClient rest, List<Instrument> instruments, Engine engine, GapLog log, MarketClock clock,
                long settleMillis, Backoff backoff) {
        this.rest = rest == null ? null : rest.withRetryPolicy(RetryPolicy.NONE); // null: tests that never repair
        this.instruments = List.copyOf(instruments);
        this.engine = engine;
        this.log = log;
        this.clock = clock;
        this.settleMillis = settleMillis;
        this.backoff = backoff;
        this.worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "gap-repair");
            t.setDaemon(true);
            return t;
        });
    }

    /** Marks data in [from, to] (market time, inclusive) as missing for every instrument and queues its repair. Thread-safe. */
    public void gap(long fromMillis, long toMillis, String reason) {
        if (toMillis < fromMillis || closed) {
            return;
        }
        engine.command(new EngineCommand.MarkGap(fromMillis, toMillis)).exceptionally(e -> {
            LOG.debug("gap {} .. {} not marked: {}", fromMillis, toMillis, e.getMessage());
            return null;
        });
        long firstBucket = SessionCalendar.bucketStart(fromMillis, Timeframe.FIVE_MINUTES);
        long lastBucket = SessionCalendar.bucketStart(toMillis, Timeframe.FIVE_MINUTES);
        boolean created;
        synchronized (lock) {
            for (Instrument in : instruments) {
                for (long b = firstBucket; b <= lastBucket; b += BUCKET) {
                    if (SessionCalendar.inSessionHours(b)) {
                        // only with a bucket to repair: an empty entry (a gap after the close) kept pendingGaps() above 0 for good
                        pending.computeIfAbsent(in.token(), t -> new TreeSet<>()).add(b);
                    }
                }
            }
            created = journal(fromMillis, toMillis, reason);
        }
        if (created) {
            gaps.incrementAndGet();
            LOG.info("gap {} .. {} ({}): candles marked, repair after they close", Instant.ofEpochMilli(fromMillis),
                    Instant.ofEpochMilli(toMillis), reason);
        }
    }

    /** Joins the gap to an open journal record it overlaps, or records a new one; returns whether it is new. */
    private boolean journal(long from, long to, String reason) {
        for (Record r : open) {
            if (r.from <= to && from <= r.to) {
                if (from < r.from || to > r.to) {
                    r.from = Math.min(r.from, from);
                    r.to = Math.max(r.to, to);
                    log.extendGap(r.id, r.from, r.to);
                }
                return false;
            }
        }
        open.add(new Record(log.recordGap(from, to, reason), from, to));
        return true;
    }

    /**
     * Starts a repair pass when buckets have closed and the backoff after a failure is over. Called periodically by the
     * supervisor (every second) and by tests after moving the clock.
     */
    public void poll() {
        if (closed || !backoff.ready()) {
            return;
        }
        long cutoff = clock.now() - settleMillis;
        Map<Long, List<Long>> due = new LinkedHashMap<>();
        synchronized (lock) {
            if (running) {
                return;
            }
            for (Map.Entry<Long, TreeSet<Long>> e : pending.entrySet()) {
                List<Long> ready = new ArrayList<>();
                for (long b : e.getValue()) {
                    if (b + BUCKET > cutoff) {
                        break;
                    }
                    ready.add(b);
                }
                if (!ready.isEmpty()) {
                    due.put(e.getKey(), ready);
                }
            }
            if (due.isEmpty()) {
                return;
            }
            running = true;
        }
        try {
            worker.execute(() -> {
                try {
                    repair(due);
                } finally {
                    synchronized (lock) {
                        running = false;
                    }
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            synchronized (lock) {
                running = false;
            }
        }
    }

    private void repair(Map<Long, List<Long>> due) {
        long started = clock.nanos();
        int changed = 0;
        for (Instrument in : instruments) {
            List<Long> buckets = due.get(in.token());
            if (buckets == null) {
                continue;
            }
            if (closed || Thread.currentThread().isInterrupted()) {
                return; // shutting down: the gap stays unrepaired in the journal
            }
            long from = buckets.get(0);
            long to = buckets.get(buckets.size() - 1) + BUCKET - 1;
            List<Candle> candles;
            try {
                candles = rest.historical(in.token(), Timeframe.FIVE_MINUTES.kiteInterval(), Instant.ofEpochMilli(from),
                        Instant.ofEpochMilli(to - 999));
            } catch (KiteException e) {
                if (closed || Thread.currentThread().isInterrupted()) {
                    return;
                }
                lastError = e.getMessage();
                if (e instanceof TokenException || e.isTransient()) {
                    long wait = backoff.failed();
                    LOG.warn("gap repair of {} failed ({}); {} instruments wait, next try in {} s", in.symbol(), e.getMessage(),
                            due.size(), wait / 1000.0);
                    break;
                }
                LOG.warn("gap repair of {} failed and is not retried: {}", in.symbol(), e.getMessage());
                settle(in.token(), buckets, new EngineCore.RepairResult(0, EngineCore.RepairResult.NOTHING_PENDING));
                continue;
            }
            EngineCore.RepairResult result;
            try {
                result = engine.command(new EngineCommand.Repair(in.token(), candles, from, to)).get(ENGINE_WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (ExecutionException | TimeoutException e) {
                lastError = "the engine did not apply a repair: " + e;
                LOG.warn("gap repair of {}: {}; retried later", in.symbol(), lastError);
                backoff.failed();
                break;
            }
            backoff.succeeded();
            changed += result.changed();
            settle(in.token(), buckets, result);
        }
        long took = (clock.nanos() - started) / 1_000_000L;
        lastRepairMillis.set(took);
        repairs.incrementAndGet();
        repairedCandles.addAndGet(changed);
        synchronized (lock) {
            closeRepairedRecords();
        }
        if (changed > 0) {
            LOG.info("repaired {} candles in {} ms ({} instruments still have buckets waiting)", changed, took, pendingGaps());
        }
    }

    /** Takes the asked buckets off the list except those the engine could not repair yet. */
    private void settle(long token, List<Long> asked, EngineCore.RepairResult result) {
        synchronized (lock) {
            for (long b : result.changedBuckets()) {
                for (Record r : open) {
                    if (b + BUCKET > r.from && b <= r.to) {
                        r.repaired++;
                        break;
                    }
                }
            }
            TreeSet<Long> buckets = pending.get(token);
            if (buckets == null) {
                return;
            }
            Map<Long, Integer> empties = emptyAnswers.computeIfAbsent(token, t -> new HashMap<>());
            for (long b : asked) {
                if (b >= result.pendingFromMillis()) {
                    continue;
                }
                if (result.unresolved().contains(b)) {
                    int n = empties.merge(b, 1, Integer::sum);
                    if (n < MAX_EMPTY_ANSWERS) {
                        continue;
                    }
                    LOG.warn("the exchange has no 5-minute candle for token {} at {} after {} answers; that bucket stays marked",
                            token, Instant.ofEpochMilli(b), n);
                }
                buckets.remove(b);
                empties.remove(b);
            }
            if (buckets.isEmpty()) {
                pending.remove(token);
                emptyAnswers.remove(token);
            }
        }
    }

    private void closeRepairedRecords() {
        for (Iterator<Record> it = open.iterator(); it.hasNext(); ) {
            Record r = it.next();
            long firstBucket = SessionCalendar.bucketStart(r.from, Timeframe.FIVE_MINUTES);
            long lastBucket = SessionCalendar.bucketStart(r.to, Timeframe.FIVE_MINUTES);
            boolean waiting = false;
            for (NavigableSet<Long> buckets : pending.values()) {
                Long b = buckets.ceiling(firstBucket);
                if (b != null && b <= lastBucket) {
                    waiting = true;
                    break;
                }
            }
            if (!waiting) {
                log.recordRepair(r.id, r.repaired);
                it.remove();
            }
        }
    }

    public int gaps() {
        return gaps.get();
    }

    /** Repair passes done (each fetches the due buckets of every instrument that has some). */
    public int repairs() {
        return repairs.get();
    }

    public long repairedCandles() {
        return repairedCandles.get();
    }

    /** Duration of the latest repair pass (fetch + apply), -1 before the first. */
    public long lastRepairMillis() {
        return lastRepairMillis.get();
    }

    /** Instruments with buckets waiting for repair (plus one while a pass runs); 0 when everything is repaired. */
    public int pendingGaps() {
        synchronized (lock) {
            return pending.size() + (running ? 1 : 0);
        }
    }

    /**
     * Whether buckets that closed (plus the settle time) by the given market time still wait for their repair, or a
     * pass is running.
     */
    public boolean repairsDueBy(long marketMillis) {
        long cutoff = marketMillis - settleMillis;
        synchronized (lock) {
            if (running) {
                return true;
            }
            for (TreeSet<Long> buckets : pending.values()) {
                if (!buckets.isEmpty() && buckets.first() + BUCKET <= cutoff) {
                    return true;
                }
            }
            return false;
        }
    }

    /** Buckets (instrument x 5 minutes) waiting for the exchange's candle. */
    public int pendingBuckets() {
        synchronized (lock) {
            int n = 0;
            for (TreeSet<Long> b : pending.values()) {
                n += b.size();
            }
            return n;
        }
    }

    /** Failures in a row of the repair fetches (0 after a success). */
    public int failuresInARow() {
        return backoff.failuresInARow();
    }

    public String lastError() {
        return lastError;
    }

    @Override
    public void close() {
        closed = true;
        worker.shutdownNow();
        try {
            worker.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
