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
 * <p>If the journal cannot commit (after a few quick retries), the failure is shown as an ERROR and the items are
 * passed on anyway: a trader who cannot keep a signal still needs to see it.
 */
final class JournalFirst implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(JournalFirst.class);
    private static final long[] RETRY_MILLIS = {20, 100, 400};
    private static final long SLOW_COMMIT_MILLIS = 200;
    private static final Object STOP = new Object();

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

    private record Closed(Candle candle) {}

    private record Repaired(Candle before, Candle after) {}

    private final Store store;
    private final Downstream downstream;
    private final Failures failures;
    private final Clock clock;
    private final BlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private final AtomicLong committed = new AtomicLong();
    private volatile long slowestCommitMillis;
    private volatile boolean closing;

    JournalFirst(Store store, Downstream downstream, Failures failures, Clock clock) {
        this.store = store;
        this.downstream = downstream;
        this.failures = failures;
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
                batch.add(queue.take());
                queue.drainTo(batch);
                boolean stop = batch.remove(STOP);
                if (!batch.isEmpty()) {
                    commit(batch);
                    passOn(batch);
                    batch.clear();
                }
                if (stop) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.warn("journal writer interrupted with {} items not committed", queue.size() + batch.size());
        }
    }

    private void commit(List<Object> batch) throws InterruptedException {
        List<Candle> candles = new ArrayList<>();
        List<Signal> signals = new ArrayList<>();
        for (Object item : batch) {
            if (item instanceof Closed c) {
                candles.add(c.candle());
            } else if (item instanceof Repaired r) {
                candles.add(r.after());
            } else {
                signals.add((Signal) item);
            }
        }
        RuntimeException last = null;
        for (int attempt = 0; attempt <= RETRY_MILLIS.length; attempt++) {
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
                committed.addAndGet(batch.size());
                return;
            } catch (RuntimeException e) {
                last = e;
                if (attempt < RETRY_MILLIS.length) {
                    LOG.warn("journal commit failed (attempt {}), retrying: {}", attempt + 1, e.getMessage());
                    Thread.sleep(RETRY_MILLIS[attempt]);
                }
            }
        }
        failures.report("the journal", last, candles.size() + " candles and " + signals.size() + " signals are shown but not saved."
                + " Check the disk and " + store.where() + " (is another scanner using it?), then press Reconnect;"
                + " details in logs/scanner.log.");
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
