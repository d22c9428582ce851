package io.niftyscanner.app;

import io.niftyscanner.alerts.AlertEvent;
import io.niftyscanner.alerts.AlertService;
import io.niftyscanner.alerts.StandardAlerts;
import io.niftyscanner.config.ConfigException;
import io.niftyscanner.config.DataMode;
import io.niftyscanner.config.InstrumentTokensFile;
import io.niftyscanner.config.ScannerConfig;
import io.niftyscanner.engine.Engine;
import io.niftyscanner.engine.EngineCore;
import io.niftyscanner.engine.EngineListener;
import io.niftyscanner.engine.EngineSnapshot;
import io.niftyscanner.engine.IndicatorSets;
import io.niftyscanner.engine.IndicatorValues;
import io.niftyscanner.engine.InstrumentView;
import io.niftyscanner.engine.StrategyParams;
import io.niftyscanner.feed.CandleCache;
import io.niftyscanner.feed.FeedSink;
import io.niftyscanner.feed.FeedStatus;
import io.niftyscanner.feed.FeedSupervisor;
import io.niftyscanner.feed.GapRepairer;
import io.niftyscanner.feed.HybridSchedule;
import io.niftyscanner.feed.MarketClock;
import io.niftyscanner.feed.MarketFeed;
import io.niftyscanner.feed.PollingFeed;
import io.niftyscanner.feed.StreamingFeed;
import io.niftyscanner.feed.WarmUp;
import io.niftyscanner.journal.Journal;
import io.niftyscanner.journal.TickRecorder;
import io.niftyscanner.kite.KiteHttp;
import io.niftyscanner.kite.KiteRestClient;
import io.niftyscanner.kite.KiteSession;
import io.niftyscanner.kite.KiteTicker;
import io.niftyscanner.market.Candle;
import io.niftyscanner.market.Instrument;
import io.niftyscanner.market.SessionCalendar;
import io.niftyscanner.market.Signal;
import io.niftyscanner.market.Tick;
import io.niftyscanner.orders.LiveGate;
import io.niftyscanner.orders.OrderEvent;
import io.niftyscanner.orders.OrderListener;
import io.niftyscanner.orders.PositionsEvent;
import io.niftyscanner.orders.TradingControl;
import io.niftyscanner.sandbox.SandboxExchange;
import io.niftyscanner.sandbox.SandboxOptions;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running scanner: wires the exchange (Kite or the embedded sandbox), the Kite client, the engine thread, the
 * journal, gap repair, warm-up and the feed supervisor. The one place these objects are constructed; shared by the
 * window and the headless runner.
 */
public final class ScannerRuntime implements ScannerSession {
    private static final Logger LOG = LoggerFactory.getLogger(ScannerRuntime.class);
    private static final int SIGNALS_KEPT = 500;

    /**
     * What the runtime reports as it runs. Candles and signals arrive only once the journal has committed them, on the
     * journal writer's thread; statuses on the supervisor's. Do not block.
     */
    public interface Events {
        default void onCandle(Instrument instrument, Candle candle) {}

        default void onSignal(Signal signal) {}

        default void onStatus(FeedStatus status, boolean changed) {}

        default void onCandleRepaired(Instrument instrument, Candle before, Candle after) {}

        /** One of our orders changed state (on the order executor's thread). */
        default void onOrder(OrderEvent order) {}

        /** The day's loss reached risk.max.loss.per.day: no new entries until the next session. */
        default void onBreaker(String reason, double dayPnl, long marketMillis) {}

        /** The order book was read after a (re)start: the open positions trading knows (on the order executor's thread). */
        default void onPositions(PositionsEvent positions) {}

        /** An alert went out for a committed signal (after its {@link #onSignal}), on the journal writer's thread. */
        default void onAlert(AlertEvent alert) {}
    }

    /**
     * Start-up choices beyond the config file.
     *
     * @param mode                initial data mode (null = the config's)
     * @param pollIntervalSeconds poll interval override (0 = the config's)
     * @param warmUp              load recent candles from the journal and Kite's historical route at start
     * @param sandbox             how to run the embedded sandbox when it is used (null = from config)
     * @param autoTrade           trade signals from the start (--auto-trade), else as orders.auto says
     * @param confirmLiveUserId   --confirm-live USER_ID: the session's confirmation of live orders (with orders.live), or null
     */
    public record Options(DataMode mode, int pollIntervalSeconds, boolean warmUp, SandboxOptions sandbox, MarketClock clock,
                          boolean autoTrade, String confirmLiveUserId) {
        public Options(DataMode mode, int pollIntervalSeconds, boolean warmUp, SandboxOptions sandbox) {
            this(mode, pollIntervalSeconds, warmUp, sandbox, null, false, null);
        }

        public Options(DataMode mode, int pollIntervalSeconds, boolean warmUp, SandboxOptions sandbox, MarketClock clock) {
            this(mode, pollIntervalSeconds, warmUp, sandbox, clock, false, null);
        }

        public static Options defaults() {
            return new Options(null, 0, true, null);
        }

        /** The same options with an injected market clock (tests move time instead of waiting); null = the system's. */
        public Options withClock(MarketClock marketClock) {
            return new Options(mode, pollIntervalSeconds, warmUp, sandbox, marketClock, autoTrade, confirmLiveUserId);
        }
    }

    private final ScannerConfig config;
    private final List<Instrument> instruments;
    private final Map<Long, Instrument> byToken = new HashMap<>();
    private final SandboxExchange sandbox;
    private final String exchangeLabel;
    private final KiteRestClient rest;
    private final Journal journal;
    private final JournalFirst journalFirst;
    private final AlertService alerts;
    private final Engine engine;
    private final GapRepairer repairer;
    private final FeedSupervisor supervisor;
    private final MarketClock clock;
    private final SessionCalendar calendar;
    private final Deque<Signal> signals = new ArrayDeque<>();
    private final Events events;
    private final ChartSeriesSource charts;
    /** The market the candle cache belongs to; null when it cannot be told (then nothing warms up from the cache). */
    private final String market;
    private final CandleCache candleCache;
    private final Trading trading;
    private final TickRecorder recorder;
    private final Map<String, Long> signalDetectedMillis = new java.util.concurrent.ConcurrentHashMap<>();
    private final SignalLatency latency = new SignalLatency();
    private final AutoCloseable uncaughtRegistration;
    private final AtomicBoolean closed = new AtomicBoolean();
    /** Watches .env for the morning's new token and the clock for 06:00; null on the embedded sandbox (no login there). */
    private volatile TokenRollover tokenRollover;

    private ScannerRuntime(Builder b) {
        this.config = b.config;
        this.instruments = b.instruments;
        this.instruments.forEach(i -> byToken.put(i.token(), i));
        this.sandbox = b.sandbox;
        this.exchangeLabel = b.exchangeLabel;
        this.rest = b.rest;
        this.journal = b.journal;
        this.market = b.market;
        this.candleCache = b.market == null ? CandleCache.NONE : JournalAdapters.candleCache(b.journal, b.market, Clock.systemUTC());
        this.events = b.events;
        this.clock = b.clock;
        this.calendar = config.calendar();
        StrategyParams params = EngineParams.from(config);
        this.engine = new Engine(new EngineCore(instruments, params, new Listener(), calendar, IndicatorSets.incremental(params)),
                config.feed().engineQueueCapacity(), 250);
        this.engine.observeTicks(latency);
        this.charts = new ChartSeriesSource(params, calendar, config.strategy().warmupDays(), candleCache::candles);
        this.repairer = new GapRepairer(rest, instruments, engine, JournalAdapters.gapLog(journal, Clock.systemUTC()), clock,
                config.feed().candleGraceMillis() + 1000);
        long pollMillis = (b.options.pollIntervalSeconds() > 0 ? b.options.pollIntervalSeconds() : config.feed().pollIntervalSeconds()) * 1000L;
        KiteTicker.Options tickerOptions = KiteTicker.Options.defaults(b.wsUrl, b.session)
                .withWatchdogMillis(config.feed().watchdogSeconds() * 1000L)
                .withBackoff(1_000, 60_000, config.feed().reconnectMaxAttempts());
        this.recorder = config.paths().ticks() == null ? null
                : new TickRecorder(config.paths().ticks(), sandbox != null || KiteSession.SANDBOX.apiKey().equals(b.session.apiKey())
                ? "ticks-sandbox" : "ticks");
        this.supervisor = new FeedSupervisor(
                (kind, sink, reporter) -> kind.equals(MarketFeed.STREAM)
                        ? new StreamingFeed(tickerOptions.withSession(rest.session()), instruments, clock, recorded(sink), reporter)
                        : new PollingFeed(rest, instruments, pollMillis, calendar, clock, recorded(sink), reporter),
                engine, clock, calendar, new HybridSchedule(config.feed().hybridStreamWindows()), repairer,
                b.options.mode() != null ? b.options.mode() : config.feed().mode(), events::onStatus,
                config.feed().maxTickAheadSeconds() * 1000L, instruments.size());
        this.uncaughtRegistration = UncaughtFailures.register((thread, error) ->
                supervisor.reportFailure("the thread '" + thread.getName() + "'", error, null));
        this.alerts = StandardAlerts.create(config.alerts(), Clock.systemUTC());
        this.alerts.addListener(events::onAlert);
        // what is shown is kept, also when the market cannot be told: then under the server's address, never warmed up from
        this.journalFirst = new JournalFirst(JournalFirst.Store.of(journal, b.market != null ? b.market : "unidentified@" + b.restUrl),
                new Shown(), supervisor::reportFailure, new JournalHealth(), Clock.systemUTC());
        boolean simulatedVenue = sandbox != null || KiteSession.SANDBOX.apiKey().equals(b.session.apiKey());
        this.trading = new Trading(config, config.orders().autoTrade() || b.options.autoTrade(), simulatedVenue, instruments,
                journal, rest, b.session, b.wsUrl, simulatedVenue ? "sandbox exchange (its own order book)" : exchangeLabel, clock,
                engine::snapshot, new OrderListener() {
                    @Override
                    public void onOrder(OrderEvent e) {
                        events.onOrder(e);
                    }

                    @Override
                    public void onBreaker(String reason, double dayPnl, long marketMillis) {
                        events.onBreaker(reason, dayPnl, marketMillis);
                    }

                    @Override
                    public void onPositions(PositionsEvent positions) {
                        events.onPositions(positions);
                    }
                });
        this.alerts.addListener(a -> trading.alerted(a.alert().signalKey(), a.alert().alertTime().toEpochMilli()));
    }

    /** Starts everything; returns once the feed is starting (warm-up continues in the background). */
    public static ScannerRuntime start(ScannerConfig config, Options options, Events events) throws IOException {
        UncaughtFailures.install();
        ConfigWarnings.sayOnce(config);
        Builder b = new Builder(config, options, events);
        b.instruments = InstrumentTokensFile.load(config.paths().instruments());
        if (b.instruments.isEmpty()) {
            throw new ConfigException(config.paths().instruments() + " lists no instruments: run ./scanner fetch-instruments");
        }
        try {
            List<String> unknown = InstrumentTokensFile.unknownSymbols(b.instruments,
                    io.niftyscanner.config.Constituents.load(config.paths().constituents()));
            if (!unknown.isEmpty()) {
                LOG.warn("{} lists symbols that are not in {}: {}. They are scanned anyway; run ./scanner fetch-instruments"
                        + " to write the file from the list.", config.paths().instruments().getFileName(),
                        config.paths().constituents().getFileName(), unknown);
            }
        } catch (ConfigException e) {
            LOG.warn("{}", e.getMessage());
        }
        b.clock = options.clock() != null ? options.clock() : MarketClock.system();
        ScannerRuntime rt = null;
        try {
            connectExchange(b);
            boolean simulated = b.sandbox != null || KiteSession.SANDBOX.apiKey().equals(b.session.apiKey());
            b.journal = Journal.open(simulated ? sandboxJournal(config.paths().journal()) : config.paths().journal());
            b.market = MarketIdentity.of(b.sandbox, simulated, b.restUrl, b.rest).orElse(null);
            rt = new ScannerRuntime(b);
            if (options.confirmLiveUserId() != null) {
                LiveGate.Confirmation c = rt.trading.confirmLive(options.confirmLiveUserId());
                if (!c.confirmed()) {
                    throw new IllegalStateException(c.message());
                }
                LOG.warn("{}", c.message());
            }
            rt.engine.start();
            rt.supervisor.start(options.warmUp()
                    ? new WarmUp(rt.rest, rt.candleCache, rt.calendar,
                    config.strategy().warmupDays()) : null, rt.instruments);
            if (b.sandbox == null) {
                ScannerRuntime started = rt;
                String key = config.kite().credentials().apiKey();
                KiteSession watched = b.session.equals(KiteSession.SANDBOX) && !key.isEmpty() ? new KiteSession(key, "") : b.session;
                rt.tokenRollover = new TokenRollover(config.paths().envFile(), watched, b.clock, session -> {
                    started.rest.renewSession(session);
                    started.supervisor.sessionRenewed();
                }, started.supervisor::sessionExpired).start();
            }
            LOG.info("scanner started: {} instruments, {}", rt.instruments.size(), rt.exchangeLabel);
            return rt;
        } catch (IOException | RuntimeException e) {
            if (rt != null) {
                rt.close();
            } else {
                b.closeQuietly();
            }
            throw e;
        }
    }

    private static void connectExchange(Builder b) throws IOException {
        ScannerConfig.Kite kite = b.config.kite();
        if (kite.useSandbox()) {
            SandboxOptions so = b.options.sandbox() != null ? b.options.sandbox() : SandboxCommand.fromConfig(b.config);
            b.sandbox = SandboxExchange.start(so.instruments().isEmpty() ? so.withInstruments(b.instruments) : so);
            b.restUrl = b.sandbox.restUrl();
            b.wsUrl = b.sandbox.wsUrl();
            b.session = new KiteSession(b.sandbox.apiKey(), b.sandbox.accessToken());
            b.exchangeLabel = "SANDBOX exchange (simulated market, no real orders)";
        } else {
            b.restUrl = kite.restUrl().isEmpty() ? ScannerConfig.Kite.REAL_REST_URL : kite.restUrl();
            b.wsUrl = kite.wsUrl().isEmpty() ? ScannerConfig.Kite.REAL_WS_URL : kite.wsUrl();
            b.session = kite.credentials().canConnect() ? KiteSession.of(kite.credentials()) : KiteSession.SANDBOX;
            b.exchangeLabel = kite.restUrl().isEmpty() ? "Zerodha Kite" : "Kite-compatible server " + b.restUrl;
        }
        b.rest = new KiteRestClient(KiteHttp.shared(), b.restUrl, b.session);
    }

    /** With journal.ticks on, every tick a feed delivers is also recorded for replay (design.md 5 tick file). */
    private FeedSink recorded(FeedSink sink) {
        if (recorder == null) {
            return sink;
        }
        return new FeedSink() {
            @Override
            public void onTick(Tick tick) {
                recorder.record(tick);
                sink.onTick(tick);
            }

            @Override
            public void onAlive() {
                sink.onAlive();
            }
        };
    }

    /** Simulated data never mixes with real market data: the sandbox gets its own journal beside the real one. */
    static java.nio.file.Path sandboxJournal(java.nio.file.Path journal) {
        String name = journal.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String sandboxName = dot > 0 ? name.substring(0, dot) + "-sandbox" + name.substring(dot) : name + "-sandbox";
        return journal.resolveSibling(sandboxName);
    }

    public List<Instrument> instruments() {
        return instruments;
    }

    public boolean usesSandbox() {
        return sandbox != null;
    }

    /** The embedded sandbox, when this runtime started one (tests use its fault controls). */
    public SandboxExchange sandbox() {
        return sandbox;
    }

    public FeedSupervisor supervisor() {
        return supervisor;
    }

    public GapRepairer repairer() {
        return repairer;
    }

    public Engine engine() {
        return engine;
    }

    public KiteRestClient rest() {
        return rest;
    }

    /** The market the candle cache belongs to ("kite", "sandbox:sim-v1-seed13-tps1.5", ...), or null when none is cached. */
    public String market() {
        return market;
    }

    /** Alerts for committed signals; the window adds its channel, the journal and orders may listen. */
    public AlertService alerts() {
        return alerts;
    }

    public Journal journal() {
        return journal;
    }

    public MarketClock clock() {
        return clock;
    }

    /** Order execution: the orders pane's read model and actions (arm, confirm live, stop trading). */
    @Override
    public TradingControl trading() {
        return trading.control();
    }

    @Override
    public ScannerView view() {
        EngineSnapshot snap = engine.snapshot();
        List<WatchRow> rows = new ArrayList<>(snap.instruments().size());
        for (InstrumentView v : snap.instruments()) {
            rows.add(row(v));
        }
        List<Signal> recent;
        synchronized (signals) {
            recent = new ArrayList<>(signals);
        }
        return new ScannerView(rows, recent, supervisor.status(), sandbox != null, exchangeLabel, snap.marketTimeMillis(),
                snap.stats().ticks(), snap.stats().candles(), snap.stats().lateTicks(), awaitingRepair(snap), journal.file(),
                latency.lastMicros());
    }

    /**
     * Candles built from incomplete data that the exchange's candle has not replaced yet: gapped or partial ones, and
     * buckets inside a gap that got no candle at all (the same number the status reports).
     */
    static int awaitingRepair(EngineSnapshot snap) {
        return snap.awaitingRepair();
    }

    @Override
    public ChartSeries chart(long token) {
        EngineSnapshot snap = engine.snapshot();
        InstrumentView v = snap.view(token);
        if (v == null) {
            return null;
        }
        List<Signal> recent;
        synchronized (signals) {
            recent = new ArrayList<>(signals);
        }
        synchronized (charts) {
            return charts.build(v, recent, snap.marketTimeMillis());
        }
    }

    static WatchRow row(InstrumentView v) {
        IndicatorValues iv = v.indicators();
        double last = v.lastPriceRupees();
        List<Candle> recent = v.recentCandles();
        long today = v.lastTickMillis() > 0 ? SessionCalendar.istEpochDay(v.lastTickMillis())
                : recent.isEmpty() ? 0 : SessionCalendar.istEpochDay(recent.get(recent.size() - 1).startMillis());
        double prevClose = Double.NaN;
        long dayVolume = 0;
        for (Candle c : recent) {
            if (SessionCalendar.istEpochDay(c.startMillis()) < today) {
                prevClose = c.closePrice();
            } else {
                dayVolume += c.volume();
            }
        }
        if (v.forming() != null) {
            dayVolume += v.forming().volume();
        }
        if (Double.isNaN(last) && !recent.isEmpty()) {
            last = recent.get(recent.size() - 1).closePrice();
        }
        double change = Double.isNaN(prevClose) || prevClose == 0 ? Double.NaN : (last - prevClose) * 100 / prevClose;
        Candle lastCandle = recent.isEmpty() ? null : recent.get(recent.size() - 1);
        return new WatchRow(v.instrument().symbol(), v.instrument().token(), last, change, dayVolume,
                iv == null ? Double.NaN : iv.emaFast(), iv == null ? Double.NaN : iv.emaSlow(), iv == null ? Double.NaN : iv.rsi(),
                lastCandle == null ? 0 : lastCandle.startMillis(), lastCandle == null ? "" : lastCandle.quality().name(),
                v.lastSignal() == null ? null : v.lastSignal().side(), v.lastTickMillis());
    }

    @Override
    public List<String> fetchInstruments() throws IOException {
        List<String> lines = new ArrayList<>(fetchWith(rest));
        lines.add("The new tokens are used from the next start.");
        return lines;
    }

    private List<String> fetchWith(KiteRestClient client) throws IOException {
        List<String> constituents = io.niftyscanner.config.Constituents.load(config.paths().constituents());
        return new io.niftyscanner.kite.InstrumentFetcher(client, Clock.systemUTC()).fetch(constituents, config.paths().instruments())
                .reportLines(constituents.size());
    }

    @Override
    public void switchMode(DataMode mode) {
        supervisor.switchMode(mode);
    }

    @Override
    public void reconnect() {
        supervisor.reconnect();
        trading.reconnect();
    }

    /**
     * Ends a planned run (scan --duration): stops the feed, then lets the repairs of the candles that had closed by now
     * land, for at most {@code max}: they wait on Kite's historical rate (3 requests a second, one per instrument), so
     * an outage shortly before the end would otherwise leave its candles marked in the run's output and the journal.
     * Returns how many candles still await repair. Stops waiting as soon as {@code cancelled} says so (Ctrl+C).
     */
    public int stopFeedAndFinishRepairs(Duration max, BooleanSupplier cancelled) throws InterruptedException {
        long endedAt = clock.now();
        supervisor.close();
        long deadline = System.nanoTime() + max.toNanos();
        while (repairer.repairsDueBy(endedAt) && System.nanoTime() < deadline && !cancelled.getAsBoolean()) {
            repairer.poll();
            Thread.sleep(100);
        }
        engine.awaitQueued(TimeUnit.SECONDS.toMillis(10));
        return engine.snapshot().awaitingRepair();
    }

    /** Whether {@link #close()} has run (or is running). */
    public boolean isClosed() {
        return closed.get();
    }

    /**
     * Stops everything, in order: the feeds, gap repair, the engine (which finishes what it was given), the journal
     * writer (which commits and passes on the rest), the alerts (which get a few seconds for what is in hand), the
     * journal, the embedded sandbox. Runs once; later calls return.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            uncaughtRegistration.close();
        } catch (Exception e) {
            LOG.warn("unregistering the failure handler: {}", e.toString());
        }
        TokenRollover watch = tokenRollover;
        if (watch != null) {
            watch.close();
        }
        supervisor.close();
        trading.close(); // no new orders while closing; orders resting at the exchange stay there
        repairer.close();
        engine.close();
        journalFirst.close();
        alerts.close();
        if (recorder != null) {
            recorder.close();
        }
        journal.close();
        if (sandbox != null) {
            sandbox.close();
        }
        LOG.info("scanner stopped");
    }

    /** On the engine thread: hands each result to the journal writer, never blocking. */
    private final class Listener implements EngineListener {
        @Override
        public void onCandleClosed(Candle candle, IndicatorValues values) {
            journalFirst.candleClosed(candle);
        }

        @Override
        public void onSignal(Signal signal) {
            signalDetectedMillis.put(signal.key(), System.currentTimeMillis());
            latency.signalRaised();
            journalFirst.signal(signal);
        }

        @Override
        public void onCandleRepaired(Candle before, Candle after) {
            journalFirst.candleRepaired(before, after);
        }
    }

    /** On the journal writer's thread, once committed: shown (window, stdout), and later alerted on and traded on. */
    private final class Shown implements JournalFirst.Downstream {
        @Override
        public void candleClosed(Candle candle) {
            Instrument in = byToken.get(candle.token());
            if (in != null) {
                events.onCandle(in, candle);
            }
        }

        @Override
        public void candleRepaired(Candle before, Candle after) {
            Instrument in = byToken.get(after.token());
            if (in != null) {
                events.onCandleRepaired(in, before, after);
            }
        }

        @Override
        public void signal(Signal signal) {
            synchronized (signals) {
                signals.addLast(signal);
                while (signals.size() > SIGNALS_KEPT) {
                    signals.removeFirst();
                }
            }
            events.onSignal(signal);
            alerts.onSignal(signal);
            Long detected = signalDetectedMillis.remove(signal.key());
            if (!journalFirst.writable()) {
                LOG.warn("signal {} is shown but not traded: the journal cannot record orders now", signal.key());
                return;
            }
            trading.onSignal(signal, detected == null ? System.currentTimeMillis() : detected);
        }
    }

    /**
     * A journal that cannot be written stops new orders: an order it cannot record could be sent twice after a restart.
     * When it writes again, orders stay stopped until the trader resumes trading (they may want to look first).
     */
    private final class JournalHealth implements JournalFirst.Health {
        @Override
        public void unwritable(String reason) {
            trading.holdEntries("the journal cannot be written (" + reason + "); resume trading once it can write again");
        }

        @Override
        public void writableAgain(int savedLate) {
            supervisor.recovered("the journal", "The journal can write again: the " + savedLate + " candles and signals shown"
                    + " meanwhile are saved. New orders stay stopped until you resume trading.");
        }
    }

    private static final class Builder {
        final ScannerConfig config;
        final Options options;
        final Events events;
        List<Instrument> instruments;
        SandboxExchange sandbox;
        String restUrl;
        String wsUrl;
        KiteSession session;
        String exchangeLabel;
        KiteRestClient rest;
        Journal journal;
        /** The market the candle cache belongs to; null when it cannot be told. */
        String market;
        MarketClock clock;

        Builder(ScannerConfig config, Options options, Events events) {
            this.config = config;
            this.options = options;
            this.events = events == null ? new Events() {} : events;
        }

        void closeQuietly() {
            if (journal != null) {
                journal.close();
            }
            if (sandbox != null) {
                sandbox.close();
            }
        }
    }
}
