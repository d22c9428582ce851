package io.niftyscanner.feed;

import io.niftyscanner.engine.Engine;
import io.niftyscanner.kite.KiteException;
import io.niftyscanner.kite.KiteRestClient;
import io.niftyscanner.kite.TokenException;
import io.niftyscanner.market.Candle;
import io.niftyscanner.market.Instrument;
import io.niftyscanner.market.SessionCalendar;
import io.niftyscanner.market.Timeframe;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Repairs candles built from incomplete data. A gap marks the affected candles in the engine at once (no signal fires
 * from them); once every bucket it touches has closed on the market clock, the exchange's 5-minute candles for that
 * stretch are fetched for every instrument (at Kite's historical rate) and replace the marked ones. Each gap and its
 * repair is journaled. Overlapping gaps are merged.
 */
public final class GapRepairer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GapRepairer.class);
    private static final long BUCKET = Timeframe.FIVE_MINUTES.millis();
    private static final long RETRY_NANOS = TimeUnit.SECONDS.toNanos(30);

    private final KiteRestClient rest;
    private final List<Instrument> instruments;
    private final Engine engine;
    private final GapLog log;
    private final MarketClock clock;
    private final long settleMillis;
    private final ExecutorService worker;
    private final List<Pending> pending = new ArrayList<>();
    private final AtomicInteger gaps = new AtomicInteger();
    private final AtomicInteger repairs = new AtomicInteger();
    private final AtomicLong lastRepairMillis = new AtomicLong(-1);
    private final AtomicLong repairedCandles = new AtomicLong();
    private volatile String lastError = "";
    private boolean running;

    private record Pending(long from, long to, List<Long> ids, List<String> reasons, long notBeforeNanos) {}

    /** @param settleMillis how long after a bucket closes before its exchange candle is asked for */
    public GapRepairer(KiteRestClient rest, List<Instrument> instruments, Engine engine, GapLog log, MarketClock clock,
                       long settleMillis) {
        this.rest = rest;
        this.instruments = List.copyOf(instruments);
        this.engine = engine;
        this.log = log;
        this.clock = clock;
        this.settleMillis = settleMillis;
        this.worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "gap-repair");
            t.setDaemon(true);
            return t;
        });
    }

    /** Marks data in [from, to] as missing for every instrument. Thread-safe. */
    public void gap(long fromMillis, long toMillis, String reason) {
        if (toMillis < fromMillis) {
            return;
        }
        engine.execute(core -> {
            for (Instrument in : instruments) {
                core.markGap(in.token(), fromMillis, toMillis);
            }
        });
        gaps.incrementAndGet();
        synchronized (pending) {
            Pending merged = null;
            for (int i = pending.size() - 1; i >= 0; i--) {
                Pending p = pending.get(i);
                boolean touches = p.from() <= toMillis && fromMillis <= p.to();
                if (touches) {
                    pending.remove(i);
                    List<Long> ids = new ArrayList<>(p.ids());
                    List<String> reasons = new ArrayList<>(p.reasons());
                    if (merged != null) {
                        ids.addAll(merged.ids());
                        reasons.addAll(merged.reasons());
                    }
                    long from = Math.min(p.from(), merged == null ? fromMillis : merged.from());
                    long to = Math.max(p.to(), merged == null ? toMillis : merged.to());
                    merged = new Pending(from, to, ids, reasons, 0);
                }
            }
            if (merged == null) {
                long id = log.recordGap(fromMillis, toMillis, reason);
                merged = new Pending(fromMillis, toMillis, new ArrayList<>(List.of(id)), new ArrayList<>(List.of(reason)), 0);
            } else {
                if (!merged.reasons().contains(reason)) {
                    merged.reasons().add(reason);
                }
                log.extendGap(merged.ids().get(0), merged.from(), merged.to());
            }
            pending.add(merged);
        }
        LOG.info("gap {} .. {} ({}): candles marked, repair after they close", Instant.ofEpochMilli(fromMillis),
                Instant.ofEpochMilli(toMillis), reason);
    }

    /** Starts the repair of every gap whose buckets have all closed. Called periodically by the supervisor. */
    public void poll() {
        long cutoff = SessionCalendar.bucketStart(clock.now() - settleMillis, Timeframe.FIVE_MINUTES);
        List<Pending> due = new ArrayList<>();
        synchronized (pending) {
            if (running) {
                return;
            }
            for (int i = pending.size() - 1; i >= 0; i--) {
                Pending p = pending.get(i);
                if (p.from() >= cutoff || clock.nanos() < p.notBeforeNanos()) {
                    continue;
                }
                pending.remove(i);
                if (p.to() >= cutoff) {
                    due.add(new Pending(p.from(), cutoff - 1, p.ids(), p.reasons(), 0));
                    pending.add(new Pending(cutoff, p.to(), p.ids(), p.reasons(), 0));
                } else {
                    due.add(p);
                }
            }
            if (due.isEmpty()) {
                return;
            }
            running = true;
        }
        worker.execute(() -> {
            try {
                for (Pending p : due) {
                    repair(p);
                }
            } finally {
                synchronized (pending) {
                    running = false;
                }
            }
        });
    }

    private void repair(Pending p) {
        long started = clock.nanos();
        long from = SessionCalendar.bucketStart(p.from(), Timeframe.FIVE_MINUTES);
        long lastBucket = SessionCalendar.bucketStart(p.to(), Timeframe.FIVE_MINUTES);
        Instant fromT = Instant.ofEpochMilli(from);
        Instant toT = Instant.ofEpochMilli(lastBucket + BUCKET - 1000);
        AtomicInteger changed = new AtomicInteger();
        List<Long> failed = new ArrayList<>();
        for (Instrument in : instruments) {
            if (Thread.currentThread().isInterrupted()) {
                return; // shutting down: the gap stays unrepaired in the journal
            }
            try {
                List<Candle> candles = rest.historical(in.token(), Timeframe.FIVE_MINUTES.kiteInterval(), fromT, toT);
                engine.execute(core -> changed.addAndGet(core.repair(in.token(), candles)));
            } catch (TokenException e) {
                lastError = e.getMessage();
                LOG.warn("gap repair stopped: {}", e.getMessage());
                requeue(new Pending(p.from(), p.to(), p.ids(), p.reasons(), clock.nanos() + RETRY_NANOS));
                return;
            } catch (KiteException e) {
                if (Thread.currentThread().isInterrupted()) {
                    return;
                }
                failed.add(in.token());
                lastError = e.getMessage();
                LOG.warn("gap repair of {} failed: {}", in.symbol(), e.getMessage());
            }
        }
        if (!failed.isEmpty()) {
            requeue(new Pending(p.from(), p.to(), new ArrayList<>(), new ArrayList<>(p.reasons()), clock.nanos() + RETRY_NANOS));
        }
        awaitEngine(engine);
        long took = (clock.nanos() - started) / 1_000_000L;
        lastRepairMillis.set(took);
        repairs.incrementAndGet();
        repairedCandles.addAndGet(changed.get());
        for (long id : p.ids()) {
            log.recordRepair(id, changed.get());
        }
        LOG.info("repaired {} candles of {} instruments for {} .. {} in {} ms", changed.get(), instruments.size(), fromT, toT, took);
    }

    private void requeue(Pending p) {
        synchronized (pending) {
            pending.add(p);
        }
    }

    public int gaps() {
        return gaps.get();
    }

    public int repairs() {
        return repairs.get();
    }

    public long repairedCandles() {
        return repairedCandles.get();
    }

    /** Duration of the latest repair (fetch + apply), -1 before the first. */
    public long lastRepairMillis() {
        return lastRepairMillis.get();
    }

    public int pendingGaps() {
        synchronized (pending) {
            return pending.size() + (running ? 1 : 0);
        }
    }

    public String lastError() {
        return lastError;
    }

    @Override
    public void close() {
        worker.shutdownNow();
        try {
            worker.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits (bounded) until the engine has applied the commands queued so far. */
    static void awaitEngine(Engine engine) {
        try {
            engine.awaitQueued(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
