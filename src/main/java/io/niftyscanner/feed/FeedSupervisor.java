package io.niftyscanner.feed;

import io.niftyscanner.config.DataMode;
import io.niftyscanner.engine.Engine;
import io.niftyscanner.market.Instrument;
import io.niftyscanner.market.SessionCalendar;
import io.niftyscanner.kite.TokenException;
import io.niftyscanner.market.Tick;
import io.niftyscanner.market.Timeframe;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns the data mode and the running feed. Switches between streaming and polling at runtime (and on the hybrid
 * schedule) without losing a candle: the engine and its candles stay, the stretch between the old feed's stop and the
 * new feed's first data is repaired from Kite's candles. Publishes one status model for the window and the headless
 * runner. All its state lives on one thread ("feed-supervisor"); feeds report to it through {@link FeedReporter}.
 */
public final class FeedSupervisor implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FeedSupervisor.class);
    /** What TOKEN_EXPIRED says: the one thing to do. The scanner watches .env and reconnects once a login wrote a new token. */
    public static final String TOKEN_HINT = "Kite session expired or invalid: run ./scanner login or use File > Log in to Kite;"
            + " the scanner picks up the new token by itself";
    static final String DETAILS = "details in logs/scanner.log";

    private final FeedFactory factory;
    private final Engine engine;
    private final MarketClock clock;
    private final SessionCalendar calendar;
    private final HybridSchedule schedule;
    private final GapRepairer repairer;
    private final FeedStatusListener listener;
    private final TickGate gate;
    private final Coverage coverage;
    private final ScheduledExecutorService loop;
    private final AtomicLong ticks = new AtomicLong();
    private final AtomicLong lastTickNanos = new AtomicLong();
    private final FeedSink sink = new Sink();
    private final FeedReporter reporter = new Reporter();

    // owned by the loop thread
    private DataMode mode;
    private MarketFeed active;
    private FeedState state = FeedState.INITIALIZING;
    private String message = "Starting";
    private boolean streamConnected;
    private int attempt;
    private long nextTryMillis;
    private long pollCycleMillis = -1;
    private long nextCycleMillis;
    private long nextOpenMillis;
    private long ticksAtLastBeat;
    private long nanosAtLastBeat;
    private double ticksPerSecond;
    private volatile String warmUpMessage;
    /** A background failure the trader must see until they act on it (Reconnect clears it); shown as ERROR. */
    private String problem;
    private WarmUp warmUp;
    private List<Instrument> warmUpInstruments;
    private boolean warmUpFailed;
    private volatile FeedStatus status;
    private volatile boolean closed;
    private int switches;
    private long connectedAtNanos;
    private static final long QUIET_NANOS = TimeUnit.SECONDS.toNanos(15);
    private static final long JOIN_TOLERANCE_MILLIS = 2_000;

    public FeedSupervisor(FeedFactory factory, Engine engine, MarketClock clock, SessionCalendar calendar,
                          HybridSchedule schedule, GapRepairer repairer, DataMode initialMode, FeedStatusListener listener) {
        this(factory, engine, clock, calendar, schedule, repairer, initialMode, listener, TimeUnit.MINUTES.toMillis(5), 3);
    }

    /**
     * @param maxTickAheadMillis a tick stamped further ahead of the market clock is not believed alone (see {@link TickGate})
     * @param instruments        how many instruments the feeds deliver (how many can agree on a new market time)
     */
    public FeedSupervisor(FeedFactory factory, Engine engine, MarketClock clock, SessionCalendar calendar,
                          HybridSchedule schedule, GapRepairer repairer, DataMode initialMode, FeedStatusListener listener,
                          long maxTickAheadMillis, int instruments) {
        this.gate = new TickGate(clock, maxTickAheadMillis, instruments);
        this.coverage = new Coverage(engine, clock, repairer);
        this.factory = factory;
        this.engine = engine;
        this.clock = clock;
        this.calendar = calendar;
        this.schedule = schedule;
        this.repairer = repairer;
        this.mode = initialMode;
        this.listener = listener;
        this.status = FeedStatus.initializing(Instant.ofEpochMilli(clock.wallMillis()), initialMode, "Starting");
        this.loop = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "feed-supervisor");
            t.setDaemon(true);
            return t;
        });
        engine.onDeath(e -> onLoop("show the engine's failure", () -> publish(true)));
    }

    /** Starts the feed for the initial mode, then warms the indicators up in the background. */
    public void start(WarmUp warmUp, List<Instrument> instruments) {
        onLoop("start the feed", () -> {
            publish(true);
            applyMode();
        });
        loop.scheduleAtFixedRate(guarded("the status beat", this::beat), 1, 1, TimeUnit.SECONDS);
        if (warmUp != null) {
            onLoop("start the warm-up", () -> {
                this.warmUp = warmUp;
                this.warmUpInstruments = instruments;
                startWarmUp();
            });
        }
    }

    /**
     * Shows a failure of a background task (or a thread that died) as an ERROR status with what to do, and logs it.
     * It stays until the trader presses Reconnect. Thread-safe.
     *
     * @param what   what failed, e.g. "gap repair"
     * @param action what the trader should do; null for the default (Reconnect, then check the log)
     */
    public void reportFailure(String what, Throwable error, String action) {
        if (closed) {
            LOG.error("{} failed while the scanner was stopping", what, error);
            return;
        }
        onLoop("report a failure", () -> failed(what, error, action));
    }

    /**
     * A failure shown by {@link #reportFailure} for {@code what} is over: it is cleared (unless another is shown now)
     * and {@code note} says so. Thread-safe.
     */
    public void recovered(String what, String note) {
        onLoop("report a recovery", () -> {
            if (problem != null && problem.startsWith(capitalized(what) + " failed")) {
                problem = null;
            }
            message = note;
            publish(true);
        });
    }

    private void failed(String what, Throwable error, String action) {
        String text = capitalized(what) + " failed: " + describe(error) + ". "
                + (action != null ? action : "Press Reconnect to restart the feed; " + DETAILS + ".");
        boolean fresh = !text.equals(problem);
        if (fresh) {
            LOG.error("{} failed", what, error);
            problem = text;
        }
        publish(fresh);
    }

    /** Runs a task on the supervisor thread; a failure is logged and shown, never lost in a future nobody reads. */
    private void onLoop(String what, Runnable task) {
        try {
            loop.execute(guarded(what, task));
        } catch (RejectedExecutionException stopped) {
            LOG.debug("supervisor stopped; not done: {}", what);
        }
    }

    private Runnable guarded(String what, Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (Throwable e) {
                failed("the feed supervisor (while it tried to " + what + ")", e, null);
            }
        };
    }

    private void startWarmUp() {
        warmUpFailed = false;
        warmUpMessage = "Warm-up: loading recent candles";
        Thread t = new Thread(() -> runWarmUp(warmUp, warmUpInstruments), "warm-up");
        t.setDaemon(true);
        t.start();
    }

    private void runWarmUp(WarmUp warmUp, List<Instrument> instruments) {
        try {
            // the window is on the exchange's clock: wait (briefly) for the first exchange timestamp
            long deadline = clock.nanos() + TimeUnit.SECONDS.toNanos(15);
            while (!clock.knowsExchangeTime() && clock.nanos() < deadline && !closed) {
                Thread.sleep(50);
            }
            WarmUp.Result r = warmUp.run(instruments, clock.now(), engine,
                    (done, total, symbol) -> warmUpMessage = "Warm-up: " + done + " of " + total + " instruments (" + symbol + ")", clock);
            warmUpMessage = null;
            String note = r.summary();
            onLoop("report the warm-up", () -> {
                message = note;
                publish(true);
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            warmUpMessage = null;
        } catch (Throwable e) {
            warmUpMessage = null;
            if (closed) {
                return;
            }
            boolean token = e instanceof TokenException;
            onLoop("report the warm-up's failure", () -> {
                warmUpFailed = true;
                if (token) {
                    state = FeedState.TOKEN_EXPIRED;
                    message = TOKEN_HINT;
                    publish(true);
                } else {
                    failed("warm-up", e, "Until it is done, signals start only after 30 live candles. Press Reconnect to try the"
                            + " warm-up again; " + DETAILS + ".");
                }
            });
        }
    }

    public void switchMode(DataMode newMode) {
        onLoop("switch the mode", () -> {
            if (newMode == mode) {
                return;
            }
            LOG.info("mode {} -> {}", mode.id(), newMode.id());
            mode = newMode;
            applyMode();
            publish(true);
        });
    }

    /** Restarts the feed if it failed (otherwise reconnects it), retries a failed warm-up, and clears a shown failure. */
    public void reconnect() {
        onLoop("reconnect", () -> {
            problem = null;
            if (warmUpFailed && warmUp != null) {
                startWarmUp();
            }
            if (active == null || state == FeedState.TOKEN_EXPIRED || state == FeedState.ERROR) {
                MarketFeed old = active;
                active = null;
                if (old != null) {
                    old.close();
                }
                applyMode();
            } else {
                active.reconnect();
            }
            publish(true);
        });
    }

    /**
     * The access token is known to be dead (Kite ends every session at 06:00 IST): stops the feed rather than let it
     * retry with a token that cannot work, and shows TOKEN_EXPIRED with what to do. What is missed meanwhile is repaired
     * once data flows again.
     */
    public void sessionExpired(String text) {
        onLoop("stop on an expired Kite session", () -> {
            if (state == FeedState.TOKEN_EXPIRED) {
                return;
            }
            if (active != null) {
                coverage.lost("the Kite session expired");
                closeQuietly(active); // stays the active feed, stopped: Reconnect or a new session restarts it
            }
            streamConnected = false;
            state = FeedState.TOKEN_EXPIRED;
            message = text == null || text.isBlank() ? TOKEN_HINT : text;
            LOG.warn("{}", message);
            publish(true);
        });
    }

    /**
     * A new access token is in use (a login wrote it to .env): restarts the feed with it (the stream connects and
     * subscribes everything again; polling resumes), and a warm-up that failed on the old token.
     */
    public void sessionRenewed() {
        onLoop("reconnect with the new Kite session", () -> {
            if (warmUpFailed && warmUp != null) {
                startWarmUp();
            }
            MarketFeed old = active;
            active = null;
            if (old != null) {
                coverage.lost("reconnecting with a new Kite session");
                closeQuietly(old);
            }
            LOG.info("new Kite session: restarting the feed");
            applyMode();
            publish(true);
        });
    }

    public FeedStatus status() {
        return status;
    }

    public DataMode mode() {
        return status.mode();
    }

    public long ticks() {
        return ticks.get();
    }

    /** Mode switches done so far (for tests and the status bar). */
    public int switches() {
        return switches;
    }

    public FeedSink sink() {
        return sink;
    }

    /** Ticks the feeds delivered that were refused before the market clock and the engine, by reason. */
    public RefusedTicks refusedTicks() {
        return gate.refused();
    }

    /** Whether market data is being missed right now (an outage that has not ended). */
    public boolean inOutage() {
        return coverage.inOutage();
    }

    private void applyMode() {
        if (closed) {
            return;
        }
        String kind;
        if (mode == DataMode.HYBRID && !clock.knowsExchangeTime()) {
            // the schedule is on exchange time: until the exchange has spoken, keep what runs or stream (it tells fastest)
            kind = active != null ? active.kind() : MarketFeed.STREAM;
        } else {
            kind = schedule.resolve(mode, clock.now()) == DataMode.STREAM ? MarketFeed.STREAM : MarketFeed.POLL;
        }
        if (active != null && active.kind().equals(kind)) {
            return;
        }
        long resume = 0;
        if (active != null) {
            resume = clock.now();
            coverage.lost("data mode switch");
            active.close();
            switches++;
        }
        streamConnected = false;
        pollCycleMillis = -1;
        attempt = 0;
        nextTryMillis = 0;
        try {
            active = factory.create(kind, sink, reporter);
            state = kind.equals(MarketFeed.STREAM) ? FeedState.RECONNECTING : FeedState.POLLING;
            message = kind.equals(MarketFeed.STREAM) ? "Connecting the stream" : "First polling cycle";
            active.start(resume);
        } catch (RuntimeException e) {
            LOG.error("the {} feed could not start", kind, e);
            MarketFeed failed = active;
            active = null;
            if (failed != null) {
                closeQuietly(failed);
            }
            if (resume > 0) {
                repairer.gap(resume, clock.now(), "feed could not start");
            }
            state = FeedState.ERROR;
            message = "The " + kind + " feed could not start: " + describe(e) + ". Check the Kite settings (KITE_REST_URL,"
                    + " KITE_WS_URL, .env), then press Reconnect; " + DETAILS + ".";
            return;
        }
        LOG.info("{} feed started (mode {})", kind, mode.id());
    }

    private static void closeQuietly(MarketFeed feed) {
        try {
            feed.close();
        } catch (RuntimeException e) {
            LOG.warn("closing a failed feed: {}", e.toString());
        }
    }

    private void beat() {
        if (closed) {
            return;
        }
        coverage.beat(active != null && active.kind().equals(MarketFeed.STREAM));
        if (mode == DataMode.HYBRID && state != FeedState.TOKEN_EXPIRED) { // a dead token: no feed starts until a new one
            FeedState before = state;
            String kind = active == null ? "" : active.kind();
            applyMode();
            if (active != null && !active.kind().equals(kind)) {
                LOG.info("hybrid schedule: {} -> {} (was {})", kind, active.kind(), before);
                publish(true);
            }
        }
        if (active != null && active.kind().equals(MarketFeed.STREAM) && streamConnected) {
            // exchange time decides; with none yet, the wall clock does once the socket has been quiet a while
            boolean quiet = !clock.knowsExchangeTime() && clock.nanos() - connectedAtNanos > QUIET_NANOS;
            boolean open = clock.knowsExchangeTime() || quiet ? calendar.inSession(clock.now()) : true;
            if (state == FeedState.LIVE && !open) {
                state = FeedState.MARKET_CLOSED;
                nextOpenMillis = calendar.nextOpen(Instant.ofEpochMilli(clock.now())).toEpochMilli();
                message = "";
                publish(true);
            } else if (state == FeedState.MARKET_CLOSED && open) {
                state = FeedState.LIVE;
                publish(true);
            }
        }
        repairer.poll();
        long nowNanos = clock.nanos();
        long n = ticks.get();
        if (nanosAtLastBeat > 0) {
            ticksPerSecond = (n - ticksAtLastBeat) * 1e9 / Math.max(1, nowNanos - nanosAtLastBeat);
        }
        ticksAtLastBeat = n;
        nanosAtLastBeat = nowNanos;
        publish(false);
    }

    /** What the trader sees: the engine's death above all, then an expired token, then a background failure, then the feed. */
    private void publish(boolean changed) {
        long lastTick = lastTickNanos.get();
        long age = lastTick == 0 ? -1 : (clock.nanos() - lastTick) / 1_000_000L;
        FeedState shown = state;
        String text = warmUpMessage != null && (state == FeedState.LIVE || state == FeedState.POLLING || state == FeedState.INITIALIZING)
                ? warmUpMessage : message;
        Throwable engineDeath = engine.death();
        if (engineDeath != null) {
            shown = FeedState.ERROR;
            text = "The engine stopped: " + describe(engineDeath) + ". Candles, indicators and signals are no longer updated:"
                    + " restart the scanner; " + DETAILS + ".";
        } else if (problem != null && state != FeedState.TOKEN_EXPIRED) {
            shown = FeedState.ERROR;
            text = problem;
        }
        FeedStatus s = new FeedStatus(Instant.ofEpochMilli(clock.wallMillis()), mode, active == null ? "" : active.kind(), shown, text,
                ticksPerSecond, age, pollCycleMillis, state == FeedState.POLLING && nextCycleMillis > 0 ? Instant.ofEpochMilli(nextCycleMillis) : null,
                attempt, nextTryMillis, shown == FeedState.MARKET_CLOSED && nextOpenMillis > 0 ? Instant.ofEpochMilli(nextOpenMillis) : null,
                engine.snapshot().awaitingRepair());
        FeedStatus before = status;
        status = s;
        boolean significant = changed || before.state() != s.state() || before.mode() != s.mode()
                || !before.activeFeed().equals(s.activeFeed()) || !Objects.equals(before.message(), s.message())
                || before.candlesAwaitingRepair() != s.candlesAwaitingRepair();
        try {
            listener.onStatus(s, significant);
        } catch (RuntimeException e) {
            // shown from the next status on (the window reads status() directly); no re-publish into the failing listener
            String text2 = "Showing the status failed: " + describe(e) + ". The scanner carries on; " + DETAILS + ".";
            if (!text2.equals(problem)) {
                LOG.error("status listener failed", e);
                problem = text2;
            }
        }
    }

    /** The exception's own words, or its type when it has none (a NullPointerException, an Error). */
    static String describe(Throwable e) {
        String m = e.getMessage();
        String name = e.getClass().getSimpleName();
        if (m == null || m.isBlank()) {
            return name;
        }
        return e instanceof Error ? name + ": " + m : m;
    }

    private static String capitalized(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private boolean fromActive(String feed) {
        return active != null && active.kind().equals(feed);
    }

    @Override
    public void close() {
        closed = true;
        onLoop("close the feed", () -> {
            if (active != null) {
                MarketFeed feed = active;
                active = null;
                closeQuietly(feed);
            }
        });
        loop.shutdown();
        try {
            if (!loop.awaitTermination(10, TimeUnit.SECONDS)) {
                loop.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private final class Sink implements FeedSink {
        private final AtomicBoolean first = new AtomicBoolean(true);

        @Override
        public void onTick(Tick tick) {
            switch (gate.check(tick)) {
                case ACCEPT:
                    deliver(tick);
                    break;
                case RELEASE:
                    // ticks of several instruments agree on a market time the clock did not expect: what lies between is missed
                    coverage.lost("the exchange's time jumped ahead of the market clock");
                    for (Tick t : gate.takeReleased()) {
                        deliver(t);
                    }
                    break;
                default:
                    break;
            }
        }

        private void deliver(Tick tick) {
            long t = tick.exchangeTimeMillis();
            clock.observe(t);
            if (t > 0 && calendar.inRegularSession(t) && first.compareAndSet(true, false)) {
                long bucket = SessionCalendar.bucketStart(t, Timeframe.FIVE_MINUTES);
                if (t - bucket > JOIN_TOLERANCE_MILLIS) {
                    // joined after the bucket began: its open, high and low may be missing until the exchange's candle replaces it
                    repairer.gap(bucket, t, "joined mid-candle");
                }
            }
            ticks.incrementAndGet();
            lastTickNanos.set(clock.nanos());
            if (coverage.inOutage() && !engine.hasRoom()) {
                engine.submit(tick); // refused and counted; the outage goes on
                return;
            }
            if (t > 0) {
                coverage.accepted(t); // before the tick: the engine learns the gap first, so its candle is judged by it
            }
            if (!engine.submit(tick)) {
                coverage.lost(t > 0 ? t : coverage.completeUntil(), "the engine's queue was full");
            }
        }

        @Override
        public void onAlive() {
            coverage.alive();
        }
    }

    private final class Reporter implements FeedReporter {
        @Override
        public void connected(String feed) {
            onLoop("handle a connect", () -> {
                if (!fromActive(feed)) {
                    return;
                }
                streamConnected = true;
                connectedAtNanos = clock.nanos();
                attempt = 0;
                nextTryMillis = 0;
                if (clock.knowsExchangeTime() && !calendar.inSession(clock.now())) {
                    state = FeedState.MARKET_CLOSED;
                    nextOpenMillis = calendar.nextOpen(Instant.ofEpochMilli(clock.now())).toEpochMilli();
                } else {
                    state = FeedState.LIVE;
                }
                message = "";
                publish(true);
            });
        }

        @Override
        public void reconnecting(String feed, int n, long delayMillis, String reason) {
            onLoop("handle a disconnect", () -> {
                if (!fromActive(feed)) {
                    return;
                }
                streamConnected = false;
                state = FeedState.RECONNECTING;
                attempt = n;
                nextTryMillis = delayMillis;
                message = reason == null ? "" : reason;
                publish(true);
            });
        }

        @Override
        public void tokenExpired(String feed, String text) {
            onLoop("handle an expired token", () -> {
                if (!fromActive(feed)) {
                    return;
                }
                streamConnected = false;
                state = FeedState.TOKEN_EXPIRED;
                message = TOKEN_HINT;
                publish(true);
            });
        }

        @Override
        public void failed(String feed, String text, long retryInMillis) {
            onLoop("handle a feed failure", () -> {
                if (!fromActive(feed)) {
                    return;
                }
                state = FeedState.ERROR;
                message = text + (retryInMillis >= 0 ? " (retrying in " + (retryInMillis / 1000) + " s)" : "");
                publish(true);
            });
        }

        @Override
        public void pollCycle(long cycleMillis, long nextCycleEpochMillis, int quotes) {
            onLoop("handle a polling cycle", () -> {
                if (!fromActive(MarketFeed.POLL)) {
                    return;
                }
                state = FeedState.POLLING;
                pollCycleMillis = cycleMillis;
                nextCycleMillis = nextCycleEpochMillis;
                message = quotes + " quotes";
                publish(true);
            });
        }

        @Override
        public void marketClosed(String feed, long nextOpenEpochMillis) {
            onLoop("handle a closed market", () -> {
                if (!fromActive(feed)) {
                    return;
                }
                boolean was = state == FeedState.MARKET_CLOSED;
                state = FeedState.MARKET_CLOSED;
                nextOpenMillis = nextOpenEpochMillis;
                message = "";
                publish(!was);
            });
        }

        @Override
        public void gap(long fromMillis, long toMillis, String reason) {
            repairer.gap(fromMillis, toMillis, reason);
        }

        @Override
        public void lost(String feed, String reason) {
            coverage.lost(reason);
        }
    }
}
