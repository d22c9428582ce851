package io.niftyscanner.engine;

import io.niftyscanner.market.Tick;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine thread (named "engine"): owns one {@link EngineCore} and feeds it from a queue that any number of
 * feed threads fill with {@link #submit(Tick)}. Commands (history, gaps, repairs) run on the same thread through
 * {@link #execute(Consumer)}, so the core never needs a lock. A fresh {@link EngineSnapshot} is published for
 * readers at most every {@code snapshotPeriodMillis} while work arrives, and after every command.
 *
 * <p>Listener callbacks run on the engine thread and must not block: a slow listener delays every tick.
 */
public final class Engine implements AutoCloseable {
    public static final int DEFAULT_QUEUE_CAPACITY = 1 << 20;
    private static final Logger LOG = LoggerFactory.getLogger(Engine.class);
    private static final int BATCH = 4096;
    private static final Object STOP = new Object();

    private final EngineCore core;
    private final BlockingQueue<Object> queue;
    private final long snapshotPeriodNanos;
    private final Thread thread;
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private volatile EngineSnapshot snapshot = EngineSnapshot.EMPTY;
    private volatile boolean closing;
    private volatile Throwable death;
    private volatile Consumer<Throwable> deathListener = t -> {};
    /** Set before {@link #start()}; read only by the engine thread. */
    private TickObserver tickObserver;

    /**
     * Sees the market data right after the engine thread processed it, for latency measurement (benchmarks): what a
     * tick or a market-time update made the engine emit has been emitted by then. Runs on the engine thread: keep it
     * cheap and never block.
     */
    public interface TickObserver {
        void afterTick(Tick tick);

        default void afterMarketTime(long epochMillis) {}
    }

    public Engine(EngineCore core) {
        this(core, DEFAULT_QUEUE_CAPACITY, 250);
    }

    public Engine(EngineCore core, int queueCapacity, long snapshotPeriodMillis) {
        this.core = core;
        this.queue = new ArrayBlockingQueue<>(queueCapacity);
        this.snapshotPeriodNanos = TimeUnit.MILLISECONDS.toNanos(snapshotPeriodMillis);
        this.thread = new Thread(this::run, "engine");
        this.thread.setDaemon(true);
    }

    /** Installs the one {@link TickObserver}; call before {@link #start()}. */
    public void observeTicks(TickObserver observer) {
        if (thread.isAlive()) {
            throw new IllegalStateException("observe the engine's ticks before starting it");
        }
        this.tickObserver = observer;
    }

    public void start() {
        snapshot = core.snapshot();
        thread.start();
    }

    /** Enqueues a tick; never blocks. Returns false (and counts a drop) when the queue is full or the engine closed. */
    public boolean submit(Tick tick) {
        return enqueue(tick);
    }

    /** Enqueues a market-time update (exchange time or heartbeat); never blocks. */
    public boolean submitMarketTime(long epochMillis) {
        return enqueue(new MarketTime(epochMillis));
    }

    /** Runs a command on the engine thread, in order with the ticks submitted before it. */
    public boolean execute(Consumer<EngineCore> command) {
        return enqueue(command);
    }

    private boolean enqueue(Object item) {
        if (closing || death != null || !queue.offer(item)) {
            long n = dropped.incrementAndGet();
            if (Long.bitCount(n) == 1) {
                LOG.warn("engine queue full or closed: {} items dropped so far", n);
            }
            return false;
        }
        return true;
    }

    /**
     * Waits (at most {@code timeoutMillis}) until the engine has run everything queued before this call.
     * Returns false on timeout or when the engine is closed.
     */
    public boolean awaitQueued(long timeoutMillis) throws InterruptedException {
        java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
        return execute(core -> done.countDown()) && done.await(timeoutMillis, TimeUnit.MILLISECONDS);
    }

    /** The latest published snapshot (immutable; safe from any thread). */
    public EngineSnapshot snapshot() {
        return snapshot;
    }

    public long droppedItems() {
        return dropped.get();
    }

    public long failedItems() {
        return failures.get();
    }

    public int queueSize() {
        return queue.size();
    }

    /** Why the engine thread stopped on its own (an Error or an exception that escaped its loop); null while it is sound. */
    public Throwable death() {
        return death;
    }

    /** Called once, on the dying engine thread, if the engine stops on its own. Set it before {@link #start()}. */
    public void onDeath(Consumer<Throwable> listener) {
        this.deathListener = listener;
    }

    private void run() {
        List<Object> batch = new ArrayList<>(BATCH);
        long lastPublish = System.nanoTime();
        boolean dirty = false;
        try {
            while (true) {
                Object first = queue.poll(Math.max(1, snapshotPeriodNanos), TimeUnit.NANOSECONDS);
                if (first != null) {
                    batch.add(first);
                    queue.drainTo(batch, BATCH - 1);
                }
                boolean stop = false;
                boolean command = false;
                for (Object item : batch) {
                    if (item == STOP) {
                        stop = true;
                        break;
                    }
                    command |= item instanceof Consumer;
                    process(item);
                    dirty = true;
                }
                batch.clear();
                long now = System.nanoTime();
                if (dirty && (stop || command || now - lastPublish >= snapshotPeriodNanos)) {
                    snapshot = core.snapshot();
                    lastPublish = now;
                    dirty = false;
                }
                if (stop) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Throwable e) {
            died(e);
        } finally {
            if (death == null) {
                snapshot = core.snapshot();
            }
        }
    }

    private void died(Throwable e) {
        death = e;
        LOG.error("the engine thread died; candles, indicators and signals stop updating", e);
        try {
            deathListener.accept(e);
        } catch (RuntimeException listenerFailure) {
            LOG.error("engine death listener failed", listenerFailure);
        }
    }

    @SuppressWarnings("unchecked")
    private void process(Object item) {
        try {
            if (item instanceof Tick) {
                core.onTick((Tick) item);
                if (tickObserver != null) {
                    tickObserver.afterTick((Tick) item);
                }
            } else if (item instanceof MarketTime) {
                core.onMarketTime(((MarketTime) item).epochMillis);
                if (tickObserver != null) {
                    tickObserver.afterMarketTime(((MarketTime) item).epochMillis);
                }
            } else {
                ((Consumer<EngineCore>) item).accept(core);
            }
        } catch (RuntimeException e) {
            failures.incrementAndGet();
            LOG.error("engine could not process {}", item, e);
        }
    }

    /** Processes everything already submitted, publishes a last snapshot and stops the thread. */
    @Override
    public void close() {
        if (closing) {
            return;
        }
        try {
            closing = true;
            if (!queue.offer(STOP, 10, TimeUnit.SECONDS)) {
                LOG.warn("engine queue stayed full for 10 s while closing");
            }
            thread.join(TimeUnit.SECONDS.toMillis(10));
            if (thread.isAlive()) {
                LOG.warn("engine thread did not stop within 10 s; {} items still queued", queue.size());
                thread.interrupt();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static final class MarketTime {
        final long epochMillis;

        MarketTime(long epochMillis) {
            this.epochMillis = epochMillis;
        }

        @Override
        public String toString() {
            return "market time " + epochMillis;
        }
    }
}
