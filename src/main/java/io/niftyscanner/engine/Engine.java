package io.niftyscanner.engine;

import io.niftyscanner.market.Tick;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine thread (named "engine"): owns one {@link EngineCore} and feeds it from two queues. Market data (ticks
 * and market-time updates) goes into a bounded queue that never blocks a feed thread: when it is full the item is
 * refused, counted, and the caller learns it ({@link #submit} returns false) so it can mark the lost stretch as a gap.
 * Commands (history, gaps, repairs, barriers) go into their own unbounded queue and are never dropped; each runs after
 * the market data accepted before it and before the data accepted after it, so the core never needs a lock.
 * A fresh {@link EngineSnapshot} is published for readers at most every {@code snapshotPeriodMillis} while work
 * arrives, and after every command.
 *
 * <p>Listener callbacks run on the engine thread and must not block: a slow listener delays every tick.
 */
public final class Engine implements AutoCloseable {
    public static final int DEFAULT_QUEUE_CAPACITY = 1 << 20;
    private static final Logger LOG = LoggerFactory.getLogger(Engine.class);
    private static final int BATCH = 4096;
    private static final Object STOP = new Object();
    /** Wakes an idle engine thread for a command; not market data. */
    private static final Object WAKE = new Object();

    private final EngineCore core;
    private final BlockingQueue<Object> data;
    private final ConcurrentLinkedQueue<Queued> commands = new ConcurrentLinkedQueue<>();
    private final Object lifecycle = new Object();
    private final long snapshotPeriodNanos;
    private final Thread thread;
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong droppedTicks = new AtomicLong();
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

    /** Guarded by {@link #lifecycle}: the engine thread ran its last commands; later ones are refused. */
    private boolean stopped;
    /** Market data items processed; engine thread only. */
    private long processed;

    /** A command and the amount of market data that was accepted before it. */
    private record Queued(long position, Object work, CompletableFuture<Object> result) {}

    public Engine(EngineCore core) {
        this(core, DEFAULT_QUEUE_CAPACITY, 250);
    }

    public Engine(EngineCore core, int queueCapacity, long snapshotPeriodMillis) {
        this.core = core;
        this.data = new ArrayBlockingQueue<>(queueCapacity);
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

    /**
     * Enqueues a tick; never blocks. Returns false (and counts a dropped tick) when the queue is full or the engine
     * closed: the caller must treat the tick's time as missed data.
     */
    public boolean submit(Tick tick) {
        boolean ok = offerData(tick);
        if (!ok) {
            droppedTicks.incrementAndGet();
        }
        return ok;
    }

    /** Enqueues a market-time update (exchange time or heartbeat); never blocks. A refused one is superseded by the next. */
    public boolean submitMarketTime(long epochMillis) {
        return offerData(new MarketTime(epochMillis));
    }

    private boolean offerData(Object item) {
        if (closing || death != null || !data.offer(item)) {
            long n = dropped.incrementAndGet();
            if (Long.bitCount(n) == 1) {
                LOG.warn("engine data queue full or closed: {} items refused so far", n);
            }
            return false;
        }
        accepted.incrementAndGet();
        return true;
    }

    /**
     * Runs a command on the engine thread, after the market data accepted before this call. Never dropped: the future
     * completes with the command's answer, or exceptionally when the command throws or the engine is closed.
     */
    @SuppressWarnings("unchecked")
    public <R> CompletableFuture<R> command(EngineCommand<R> command) {
        CompletableFuture<Object> result = new CompletableFuture<>();
        if (!enqueue(command, result)) {
            result.completeExceptionally(new IllegalStateException("the engine is closed"));
        }
        return (CompletableFuture<R>) (CompletableFuture<?>) result;
    }

    /**
     * Runs arbitrary work on the engine thread, in order with the data submitted before it (tests, tools). Never dropped;
     * false only when the engine is closed.
     */
    public boolean execute(Consumer<EngineCore> work) {
        return enqueue(work, new CompletableFuture<>());
    }

    private boolean enqueue(Object work, CompletableFuture<Object> result) {
        synchronized (lifecycle) {
            if (closing || stopped || death != null) {
                return false;
            }
            commands.add(new Queued(accepted.get(), work, result));
        }
        data.offer(WAKE); // a full queue means the thread is busy and reaches the command soon anyway
        return true;
    }

    /**
     * Waits (at most {@code timeoutMillis}) until the engine has run everything queued before this call, and
     * {@link #snapshot()} shows it. Returns false on timeout or when the engine is closed.
     */
    public boolean awaitQueued(long timeoutMillis) throws InterruptedException {
        try {
            command(new EngineCommand.Barrier()).get(timeoutMillis, TimeUnit.MILLISECONDS);
            return true;
        } catch (ExecutionException | TimeoutException e) {
            return false;
        }
    }

    /** The latest published snapshot (immutable; safe from any thread). */
    public EngineSnapshot snapshot() {
        return snapshot;
    }

    /** Market data items (ticks and market-time updates) refused because the queue was full or the engine closed. */
    public long droppedItems() {
        return dropped.get();
    }

    /** Ticks refused because the queue was full or the engine closed. */
    public long droppedTicks() {
        return droppedTicks.get();
    }

    public long failedItems() {
        return failures.get();
    }

    /** Whether the market data queue can take another item now. */
    public boolean hasRoom() {
        return !closing && data.remainingCapacity() > 0;
    }

    /** Market data waiting for the engine thread. */
    public int queueSize() {
        return data.size();
    }

    /** Commands waiting for the engine thread. */
    public int pendingCommands() {
        return commands.size();
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
                Object first = data.poll(Math.max(1, snapshotPeriodNanos), TimeUnit.NANOSECONDS);
                if (first != null) {
                    batch.add(first);
                    data.drainTo(batch, BATCH - 1);
                }
                boolean stop = false;
                boolean command = false;
                for (Object item : batch) {
                    command |= runDueCommands();
                    if (item == STOP) {
                        stop = true;
                        break;
                    }
                    if (item == WAKE) {
                        continue;
                    }
                    process(item);
                    processed++;
                    dirty = true;
                }
                batch.clear();
                if (stop) {
                    runRemainingCommands();
                    return;
                }
                command |= runDueCommands();
                dirty |= command;
                long now = System.nanoTime();
                if (dirty && (command || now - lastPublish >= snapshotPeriodNanos)) {
                    snapshot = core.snapshot();
                    lastPublish = now;
                    dirty = false;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Throwable e) {
            died(e);
        } finally {
            failRemainingCommands();
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

    /** Runs the commands whose market data has been processed; returns whether any ran. */
    private boolean runDueCommands() {
        boolean ran = false;
        Queued q;
        while ((q = commands.peek()) != null && q.position() <= processed) {
            commands.poll();
            runCommand(q);
            ran = true;
        }
        return ran;
    }

    private void runRemainingCommands() {
        List<Queued> rest = new ArrayList<>();
        synchronized (lifecycle) {
            stopped = true;
            Queued q;
            while ((q = commands.poll()) != null) {
                rest.add(q);
            }
        }
        rest.forEach(this::runCommand);
    }

    private void failRemainingCommands() {
        synchronized (lifecycle) {
            stopped = true;
            Queued q;
            while ((q = commands.poll()) != null) {
                q.result().completeExceptionally(new IllegalStateException("the engine stopped before running " + q.work()));
            }
        }
    }

    @SuppressWarnings("unchecked")
    private void runCommand(Queued q) {
        try {
            Object answer;
            if (q.work() instanceof EngineCommand) {
                answer = ((EngineCommand<?>) q.work()).applyTo(core);
            } else {
                ((Consumer<EngineCore>) q.work()).accept(core);
                answer = null;
            }
            if (q.work() instanceof EngineCommand.Barrier) {
                snapshot = core.snapshot(); // whoever waits on the barrier reads the snapshot next
            }
            q.result().complete(answer);
        } catch (RuntimeException e) {
            failures.incrementAndGet();
            LOG.error("engine could not run {}", q.work(), e);
            q.result().completeExceptionally(e);
        }
    }

    private void process(Object item) {
        try {
            if (item instanceof Tick) {
                core.onTick((Tick) item);
                if (tickObserver != null) {
                    tickObserver.afterTick((Tick) item);
                }
            } else {
                core.onMarketTime(((MarketTime) item).epochMillis);
                if (tickObserver != null) {
                    tickObserver.afterMarketTime(((MarketTime) item).epochMillis);
                }
            }
        } catch (RuntimeException e) {
            failures.incrementAndGet();
            LOG.error("engine could not process {}", item, e);
        }
    }

    /**
     * Processes everything already submitted (data and commands), publishes a last snapshot and stops the thread.
     * Commands submitted from now on are refused.
     */
    @Override
    public void close() {
        synchronized (lifecycle) {
            if (closing) {
                return;
            }
            closing = true;
        }
        try {
            if (thread.isAlive() && !data.offer(STOP, 10, TimeUnit.SECONDS)) {
                LOG.warn("engine queue stayed full for 10 s while closing");
            }
            thread.join(TimeUnit.SECONDS.toMillis(10));
            if (thread.isAlive()) {
                LOG.warn("engine thread did not stop within 10 s; {} items still queued", data.size());
                thread.interrupt();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (!thread.isAlive()) {
                failRemainingCommands();
            }
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
