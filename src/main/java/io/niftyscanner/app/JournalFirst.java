package io.niftyscanner.app;

import io.niftyscanner.journal.Journal;
import io.niftyscanner.market.Candle;
import io.niftyscanner.market.Signal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What is shown is what is kept: closed candles, repaired candles and signals are committed to the journal before
 * anyone sees them. The engine hands them over without blocking; one thread ("journal-writer") commits everything
 * queued so far in one transaction, then passes each on, in order, to be shown, alerted on or traded on. The delay is
 * one commit plus whatever queued behind it: a few milliseconds on a healthy disk.
 *
 * <p>If the journal cannot commit (a full disk, a file it may not write, a lock another program holds; after a few
 * quick retries, none when the lock already waited), the failure is shown as an ERROR with what to do, {@link Health}
 * hears it (the runtime stops new orders), and the items are passed on anyway: a trader who cannot keep a signal still
 * needs to see it. What was shown but not saved is kept in memory and committed first, in order, the moment the
 * journal takes a commit again: it is tried with every new batch and every {@value #RETRY_BROKEN_MILLIS} ms.
 */
final class JournalFirst implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(JournalFirst.class);
    private static final long[] RETRY_MILLIS = {20, 100, 400};
    private static final long SLOW_COMMIT_MILLIS = 200;
    private static final Object STOP = new Object();
    static final long RETRY_BROKEN_MILLIS = 2_000;
    /** Shown but unsaved items kept for the journal's return: a whole day of the NIFTY 50's candles and more. */
    static final int MAX_BACKLOG = 50_000;
    private static final int SQLITE_BUSY = 5;
    private static final int SQLITE_LOCKED = 6;

    /** Where committed items go, on the writer thread, in the order the engine produced them. */
    interface Downstream {
        void candleClosed(Candle candle);

        void candleRepaired(Candle before, Candle after);

        void signal(Signal signal);
    }

    /** Where items are committed: the journal (tests may put a slow or failing one in its place). */
    interface Store {
        /** Commits all of them or none; returns only once they are on disk. */
        void record(List<Candle> candles, List<Signal> signals, long recordedAtMillis);

        /** Where it keeps them, for messages. */
        String where();

        /** @param market the market the candles belong to (their cache is kept per market) */
        static Store of(Journal journal, String market) {
            return new Store() {
                @Override
                public void record(List<Candle> candles, List<Signal> signals, long recordedAtMillis) {
                    journal.record(market, candles, signals, recordedAtMillis);
                }

                @Override
                public String where() {
                    return journal.file().toString();
                }
            };
        }
    }

    /** Shows a failure to the trader. */
    interface Failures {
        void report(String what, Throwable error, String action);
    }

    /** Hears when the journal stops taking commits and when it takes them again; on the writer thread. */
    interface Health {
        Health NONE = new Health() {
            @Override
            public void unwritable(String reason) {}

            @Override
            public void writableAgain(int savedLate) {}
        };

        /** @param reason the journal's own words (a full disk, a lock) */
        void unwritable(String reason);

        /** @param savedLate items that were shown while it could not write, now committed */
        void writableAgain(int savedLate);
    }

    private record Closed(Candle candle) {}

    private record Repaired(Candle before, Candle after) {}

    private final Store store;
    private final Downstream downstream;
    private final Failures failures;
    private final Health health;
    private final Clock clock;
    // owned by the writer thread
    private final List<Object> backlog = new ArrayList<>();
    private long droppedFromBacklog;
    private volatile boolean writable = true;
    private final BlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private final AtomicLong committed = new AtomicLong();
    private volatile long slowestCommitMillis;
    private volatile boolean closing;

    JournalFirst(Store store, Downstream downstream, Failures failures, Clock clock) {
        this(store, downstream, failures, Health.NONE, clock);
    }

    JournalFirst(Store store, Downstream downstream, Failures failures, Health health, Clock clock) {
        this.store = store;
        this.downstream = downstream;
        this.failures = failures;
        this.health = health;
        this.clock = clock;
        this.thread = new Thread(this::run, "journal-writer");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    void candleClosed(Candle candle) {
        queue.add(new Closed(candle));
    }

    void candleRepaired(Candle before, Candle after) {
        queue.add(new Repaired(before, after));
    }

    void signal(Signal signal) {
        queue.add(signal);
    }

    /** Whether the last commit worked (false from a failed commit until the journal takes one again). */
    boolean writable() {
        return writable;
    }

    /** Items committed so far. */
    long committed() {
        return committed.get();
    }

    /** The longest commit so far, in milliseconds (what a shown item waited for at most, beyond the queue). */
    long slowestCommitMillis() {
        return slowestCommitMillis;
    }

    private void run() {
        List<Object> batch = new ArrayList<>();
        try {
            while (true) {
                Object first = backlog.isEmpty() ? queue.take() : queue.poll(RETRY_BROKEN_MILLIS, TimeUnit.MILLISECONDS);
                if (first != null) {
                    batch.add(first);
                    queue.drainTo(batch);
                }
                boolean stop = batch.remove(STOP);
                if (!batch.isEmpty() || !backlog.isEmpty()) {
                    commit(batch);
                    passOn(batch);
                    batch.clear();
                }
                if (stop) {
                    if (!backlog.isEmpty()) {
                        LOG.error("stopping with {} shown items the journal could not save ({}): they are lost from the"
                                + " journal", backlog.size(), store.where());
                    }
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.warn("journal writer interrupted with {} items not committed", queue.size() + batch.size());
        }
    }

    private void commit(List<Object> batch) throws InterruptedException {
        List<Object> items = new ArrayList<>(backlog.size() + batch.size());
        items.addAll(backlog); // first: what was shown earlier is saved before what follows, repairs after their candles
        items.addAll(batch);
        List<Candle> candles = new ArrayList<>();
        List<Signal> signals = new ArrayList<>();
        for (Object item : items) {
            if (item instanceof Closed c) {
                candles.add(c.candle());
            } else if (item instanceof Repaired r) {
                candles.add(r.after());
            } else {
                signals.add((Signal) item);
            }
        }
        RuntimeException last = null;
        int retries = writable ? RETRY_MILLIS.length : 0; // while broken, one try per round
        for (int attempt = 0; attempt <= retries; attempt++) {
            long started = System.nanoTime();
            try {
                store.record(candles, signals, clock.millis());
                long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
                if (took > slowestCommitMillis) {
                    slowestCommitMillis = took;
                    if (took > SLOW_COMMIT_MILLIS) {
                        LOG.warn("a journal commit took {} ms: candles and signals are shown that much later. Check the disk"
                                + " holding {}", took, store.where());
                    }
                }
                committed.addAndGet(items.size());
                int late = backlog.size();
                backlog.clear();
                if (!writable) {
                    writable = true;
                    LOG.warn("the journal {} can write again: {} items shown while it could not are saved now", store.where(), late);
                    health.writableAgain(late);
                }
                return;
            } catch (RuntimeException e) {
                last = e;
                if (locked(e)) {
                    break; // the journal already waited out its busy timeout for the lock
                }
                if (attempt < retries) {
                    LOG.warn("journal commit failed (attempt {}), retrying: {}", attempt + 1, e.getMessage());
                    Thread.sleep(RETRY_MILLIS[attempt]);
                }
            }
        }
        backlog.addAll(batch);
        if (backlog.size() > MAX_BACKLOG) {
            int drop = backlog.size() - MAX_BACKLOG;
            backlog.subList(0, drop).clear();
            droppedFromBacklog += drop;
            LOG.error("the journal has not written for so long that {} shown items were given up on (oldest first)", droppedFromBacklog);
        }
        if (!writable) {
            LOG.debug("the journal still cannot write: {}", last.getMessage());
            return;
        }
        writable = false;
        health.unwritable(last.getMessage());
        failures.report("the journal", last, "New orders are stopped; scanning goes on, and the " + candles.size() + " candles and "
                + signals.size() + " signals shown are kept in memory and saved once it can write again. Free disk space,"
                + " make " + store.where() + " writable, or close the other program that holds it (another scanner?);"
                + " details in logs/scanner.log.");
    }

    /** A lock another connection holds (SQLITE_BUSY or SQLITE_LOCKED, after the journal's busy timeout). */
    static boolean locked(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql && (sql.getErrorCode() == SQLITE_BUSY || sql.getErrorCode() == SQLITE_LOCKED)) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    private void passOn(List<Object> batch) {
        for (Object item : batch) {
            try {
                if (item instanceof Closed c) {
                    downstream.candleClosed(c.candle());
                } else if (item instanceof Repaired r) {
                    downstream.candleRepaired(r.before(), r.after());
                } else {
                    downstream.signal((Signal) item);
                }
            } catch (RuntimeException e) {
                failures.report("showing a journaled " + (item instanceof Signal ? "signal" : "candle"), e, null);
            }
        }
    }

    /** Commits and passes on everything handed over so far, then stops the writer (waits at most 10 s). */
    @Override
    public void close() {
        if (closing) {
            return;
        }
        closing = true;
        queue.add(STOP);
        try {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            LOG.error("the journal writer did not finish within 10 s; {} items may not be saved", queue.size());
        }
    }
}
