package io.niftyscanner.soak;

import io.niftyscanner.app.ScannerRuntime;
import io.niftyscanner.app.UncaughtFailures;
import io.niftyscanner.config.ConfigLoader;
import io.niftyscanner.config.DataMode;
import io.niftyscanner.config.InstrumentTokensFile;
import io.niftyscanner.config.ScannerConfig;
import io.niftyscanner.feed.FeedState;
import io.niftyscanner.feed.FeedStatus;
import io.niftyscanner.market.Candle;
import io.niftyscanner.market.CandleQuality;
import io.niftyscanner.market.Instrument;
import io.niftyscanner.market.SessionCalendar;
import io.niftyscanner.market.Signal;
import io.niftyscanner.orders.OrderEvent;
import io.niftyscanner.orders.OrderTags;
import io.niftyscanner.sandbox.SandboxOptions;
import io.niftyscanner.tools.Ta4jReference;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * One whole simulated session, 09:15 to 15:30, of the scanner in one data mode against its embedded sandbox exchange
 * at high market speed with auto-trading on, with a fault every few market minutes; then the checks. Failures are
 * collected (not thrown) so that a run reports everything it found in every mode.
 */
final class SoakSession {
    static final LocalDate SESSION = LocalDate.of(2026, 11, 23);
    static final List<Instrument> INSTRUMENTS = List.of(Instrument.nseEquity("RELIANCE", 738561), Instrument.nseEquity("INFY", 408065),
            Instrument.nseEquity("TCS", 2953217), Instrument.nseEquity("HDFCBANK", 341249), Instrument.nseEquity("SBIN", 779521));
    private static final long BUCKET = 300_000L;

    /**
     * The bound the soak states for getting back to health after a fault, in wall time: from the end of the fault (a
     * drop: the moment it happened; a timed fault: when the exchange stopped it; an expired token: the fresh login)
     * until the feed is LIVE or POLLING again with ticks reaching the engine. Reconnects back off from 1 s (doubling)
     * and the watchdog waits 2 s, so a healthy scanner is back within a few seconds; 30 s leaves room for a loaded
     * 2-core machine.
     */
    static final Duration RECONNECT_BOUND = Duration.ofSeconds(30);
    /** How long the token-expired state may take to show after the token died (the next poll, or the reconnect after the drop). */
    private static final Duration EXPIRY_SHOWN_BOUND = Duration.ofSeconds(30);

    /** One kind of fault and how it is injected. */
    enum Fault {
        DROP("drop", 0), STALL_SHORT("stall", 1.8), MALFORMED("malformed", 2), RATE_LIMIT("rate_limit", 3),
        SERVER_ERROR("server_error", 3), STALL_LONG("stall", 0), EXPIRE_TOKEN("expire_token", 0);

        final String wire;
        final double seconds;

        Fault(String wire, double seconds) {
            this.wire = wire;
            this.seconds = seconds;
        }

        /** Kinds as the figures count them: the two stalls are one kind. */
        String kind() {
            return wire;
        }
    }

    /** What happened to one fault. */
    record Injected(Fault fault, long marketMillis, double seconds, long recoveredMillis) {}

    final DataMode mode;
    private final Path dir;
    private final double speed;
    private final long seed;
    final List<String> failures = new CopyOnWriteArrayList<>();
    final List<Injected> injected = new ArrayList<>();
    private final List<FeedStatus> statuses = new CopyOnWriteArrayList<>();
    private final List<Long> statusNanos = new CopyOnWriteArrayList<>();
    private final Map<String, Candle> candles = new ConcurrentHashMap<>(); // token:start -> the last version shown
    private final List<Signal> signals = new CopyOnWriteArrayList<>();
    private final List<OrderEvent> orders = new CopyOnWriteArrayList<>();
    private final List<String> uncaught = new CopyOnWriteArrayList<>();
    /** Wall-clock windows (nanos) in which a token was dead on purpose: from the expire_token fault to the fresh login. */
    private final List<long[]> expiredWindows = new CopyOnWriteArrayList<>();
    private ScannerRuntime runtime;
    private ScannerConfig config;
    FeedStatus finalStatus;
    /** GapRepairer.pendingGaps() once the day's candles were all repaired (not always 0 in hybrid mode: see RELIABILITY.md). */
    int pendingGapsAtEnd;
    /** Wall nanos at which the first candle of each bucket was shown (the bucket closed), and the longest wait for a repair. */
    private final Map<Long, Long> bucketShownNanos = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicLong longestRepairNanos = new java.util.concurrent.atomic.AtomicLong();
    private ExchangeHttp exchange;
    // figures
    int candlesChecked;
    int candlesWrong;
    /** The day's candles the warm-up loaded from the exchange's history (they closed while it ran, at this speed). */
    int candlesFromWarmUp;
    int signalsChecked;
    int signalsWrong;
    int ordersOnBook;
    int repairedCandles;
    long longestRepairMillis;
    long wallMillis;

    SoakSession(DataMode mode, Path dir, double speed, long seed) {
        this.mode = mode;
        this.dir = dir;
        this.speed = speed;
        this.seed = seed;
    }

    /** Runs the session and the checks; never throws for what it finds (see {@link #failures}). */
    void run() {
        long started = System.nanoTime();
        try (AutoCloseable registration = UncaughtFailures.register((t, e) -> uncaught.add(t.getName() + ": " + e))) {
            start();
            driveFaults();
            awaitSessionEnd();
            check();
        } catch (Throwable e) {
            failures.add(mode + ": the soak itself failed: " + e);
            e.printStackTrace();
        } finally {
            if (runtime != null) {
                runtime.close();
            }
            wallMillis = (System.nanoTime() - started) / 1_000_000L;
        }
    }

    private void start() throws Exception {
        Path tokens = dir.resolve("instrument_tokens.json");
        InstrumentTokensFile.save(tokens, INSTRUMENTS, OffsetDateTime.parse("2026-11-23T08:30:00+05:30"));
        Map<String, String> overrides = new HashMap<>();
        overrides.put("instruments.file", tokens.toString());
        overrides.put("journal.path", dir.resolve("journal.db").toString());
        overrides.put("poll.interval.seconds", "1");
        overrides.put("feed.watchdog.seconds", "2");
        overrides.put("holidays", "");
        overrides.put("alerts.sound", "false");
        overrides.put("alerts.notification", "false");
        // the market runs at high speed: a signal is a few wall seconds old in market time by the time it is traded
        overrides.put("orders.signal.max.age.seconds", "1800");
        overrides.put("risk.max.orders.per.day", "200");
        // 15 market minutes (7.5 s at speed 120) before the exchange's own 15:25 square-off: room for a loaded machine
        overrides.put("orders.squareoff.time", "15:10");
        config = ConfigLoader.load(dir, Map.of(), overrides);
        SandboxOptions sandbox = SandboxOptions.defaults().withSpeed(speed).withSeed(seed).withStart(SESSION, LocalTime.of(9, 15));
        runtime = ScannerRuntime.start(config, new ScannerRuntime.Options(mode, 0, true, sandbox, null, true, null),
                new ScannerRuntime.Events() {
                    @Override
                    public void onStatus(FeedStatus status, boolean changed) {
                        if (changed) {
                            statusNanos.add(System.nanoTime());
                            statuses.add(status);
                        }
                    }

                    @Override
                    public void onSignal(Signal signal) {
                        signals.add(signal);
                    }

                    @Override
                    public void onCandle(Instrument instrument, Candle candle) {
                        bucketShownNanos.putIfAbsent(candle.startMillis(), System.nanoTime());
                        candles.put(candle.token() + ":" + candle.startMillis(), candle);
                    }

                    @Override
                    public void onCandleRepaired(Instrument instrument, Candle before, Candle after) {
                        Long shown = bucketShownNanos.get(after.startMillis());
                        if (shown != null) {
                            longestRepairNanos.accumulateAndGet(System.nanoTime() - shown, Math::max);
                        }
                        candles.put(after.token() + ":" + after.startMillis(), after);
                    }

                    @Override
                    public void onOrder(OrderEvent order) {
                        orders.add(order);
                    }
                });
        exchange = new ExchangeHttp(runtime.sandbox().restUrl(), runtime.sandbox().apiKey(), runtime.sandbox().accessToken());
    }

    private long marketNow() {
        return runtime.sandbox().marketTimeMillis();
    }

    private static long at(int hour, int minute) {
        return SessionCalendar.istMillis(SESSION, LocalTime.of(hour, minute));
    }

    /**
     * From 09:25 a fault every 12 market minutes (or as soon as the scanner recovered from the last one), the seven
     * kinds in turn, until 15:00: the square-off at 15:10 and the last candles then run clean.
     */
    private void driveFaults() throws Exception {
        Fault[] cycle = Fault.values();
        long next = at(9, 25);
        int i = 0;
        while (true) {
            long due = next;
            await("market time " + SessionCalendar.ist(due).toLocalTime(), Duration.ofMinutes(5), () -> marketNow() >= due);
            if (marketNow() >= at(15, 0)) {
                return;
            }
            Fault f = cycle[i++ % cycle.length];
            double seconds = f == Fault.STALL_LONG ? 1.6 * BUCKET / 1000.0 / speed + 2 : f.seconds; // longer than a candle
            long recovered = inject(f, seconds);
            injected.add(new Injected(f, due, seconds, recovered));
            next = Math.max(due + 12 * 60_000L, marketNow());
        }
    }

    /**
     * Injects one fault, waits for the scanner to be healthy again, and returns how long that took after the fault
     * ended. A drop or a long stall of a live stream must be noticed (a status that is not LIVE) before the clock for
     * the recovery starts to count ticks, so that a tick still in flight does not pass for a reconnect.
     */
    private long inject(Fault f, double seconds) throws Exception {
        FeedStatus before = runtime.supervisor().status();
        boolean streaming = before.state() == FeedState.LIVE && "stream".equals(before.activeFeed());
        int seen = statuses.size();
        long endNanos;
        if (f == Fault.EXPIRE_TOKEN) {
            long[] window = {System.nanoTime(), Long.MAX_VALUE};
            expiredWindows.add(window);
            exchange.fault("expire_token", 0);
            exchange.fault("drop", 0); // the stream learns of it at its next connect
            if (!awaitSafe("TOKEN_EXPIRED", EXPIRY_SHOWN_BOUND, () -> runtime.supervisor().status().state() == FeedState.TOKEN_EXPIRED)) {
                failures.add(mode + ": expire_token at " + SessionCalendar.ist(marketNow()).toLocalTime() + ": no TOKEN_EXPIRED within "
                        + EXPIRY_SHOWN_BOUND.toSeconds() + " s; the status is " + runtime.supervisor().status());
            } else if (!runtime.supervisor().status().message().contains("./scanner login")) {
                failures.add(mode + ": TOKEN_EXPIRED without the one thing to do: " + runtime.supervisor().status().message());
            }
            // a fresh login through the exchange's login routes, as ./scanner login does, then Reconnect
            String requestToken = exchange.approveLogin();
            runtime.rest().generateSession(requestToken, runtime.sandbox().apiSecret());
            runtime.reconnect();
            endNanos = System.nanoTime();
            window[1] = endNanos;
        } else {
            exchange.fault(f.wire, seconds);
            endNanos = System.nanoTime() + (long) (seconds * 1e9);
            if (streaming && (f == Fault.DROP || f == Fault.STALL_LONG)) {
                if (!awaitSafe(f + " noticed", Duration.ofSeconds(20), () -> statuses.subList(seen, statuses.size()).stream()
                        .anyMatch(x -> x.state() != FeedState.LIVE))) {
                    failures.add(mode + ": " + f + " at " + SessionCalendar.ist(marketNow()).toLocalTime() + " went unnoticed for 20 s");
                }
            }
            long end = endNanos;
            await(f + " over", Duration.ofSeconds(60), () -> System.nanoTime() >= end);
        }
        long t0 = ticks();
        boolean ok = awaitSafe(f + " recovered", RECONNECT_BOUND, () -> healthy() && ticks() > t0);
        long recoveredMillis = (System.nanoTime() - endNanos) / 1_000_000L;
        if (!ok) {
            // keep going: the rest of the session still says whether data and orders come out right
            failures.add(mode + ": " + f + " at " + SessionCalendar.ist(marketNow()).toLocalTime() + ": not healthy within "
                    + RECONNECT_BOUND.toSeconds() + " s after it ended; status " + runtime.supervisor().status());
            await(f + " recovered at all", Duration.ofSeconds(120), () -> healthy() && ticks() > t0);
            recoveredMillis = (System.nanoTime() - endNanos) / 1_000_000L;
        }
        return recoveredMillis;
    }

    private boolean healthy() {
        FeedState s = runtime.supervisor().status().state();
        return s == FeedState.LIVE || s == FeedState.POLLING;
    }

    private long ticks() {
        return runtime.engine().snapshot().stats().ticks();
    }

    /** After 15:30 on the exchange: the last candle closed, every repair landed. */
    private void awaitSessionEnd() throws Exception {
        await("the session's end", Duration.ofMinutes(5), () -> marketNow() >= at(15, 31));
        long last = at(15, 25);
        if (!awaitSafe("the 15:25 candles", Duration.ofSeconds(90), () -> INSTRUMENTS.stream()
                .allMatch(in -> runtime.engine().snapshot().view(in.token()).recentCandles().stream().anyMatch(c -> c.startMillis() == last)))) {
            failures.add(mode + ": not every instrument showed its 15:25 candle within 90 s of 15:31");
        }
        // what a trader sees: no candle awaiting repair (the status line's count); every candle is then checked
        if (!awaitSafe("every repair landed", Duration.ofSeconds(150), () -> runtime.engine().snapshot().awaitingRepair() == 0)) {
            failures.add(mode + ": repairs still pending 150 s after the session: " + runtime.engine().snapshot().awaitingRepair()
                    + " candles; last error: " + runtime.repairer().lastError());
        }
        pendingGapsAtEnd = runtime.repairer().pendingGaps();
    }

    private void check() throws Exception {
        long open = SessionCalendar.sessionOpenMillis(SESSION);
        long close = at(15, 25);
        ScannerConfig.Strategy strategy = config.strategy();
        // the engine's series starts with its warm-up: as many trading days back as strategy.warmup.days (no holidays here)
        LocalDate first = SESSION;
        SessionCalendar calendar = SessionCalendar.withoutHolidays();
        for (int d = 0; d < strategy.warmupDays(); d++) {
            first = calendar.previousTradingDay(first);
        }
        long windowStart = SessionCalendar.sessionOpenMillis(first);
        Map<Long, List<ExchangeHttp.HistoryCandle>> histories = new HashMap<>();
        for (Instrument in : INSTRUMENTS) {
            List<ExchangeHttp.HistoryCandle> history = exchange.fiveMinuteHistory(in.token(), windowStart, close + BUCKET - 1000);
            histories.put(in.token(), history);
            Map<Long, ExchangeHttp.HistoryCandle> byStart = new HashMap<>();
            history.forEach(h -> byStart.put(h.startMillis(), h));
            Map<Long, Candle> held = new HashMap<>();
            for (Candle c : runtime.engine().snapshot().view(in.token()).recentCandles()) {
                held.put(c.startMillis(), c);
            }
            for (long t = open; t <= close; t += BUCKET) {
                candlesChecked++;
                ExchangeHttp.HistoryCandle h = byStart.get(t);
                Candle c = held.get(t);
                Candle shown = candles.get(in.token() + ":" + t);
                String where = mode + " " + in.symbol() + " " + SessionCalendar.ist(t).toLocalTime();
                if (h == null) {
                    candlesWrong++;
                    failures.add(where + ": the exchange has no candle for this bucket");
                } else if (c == null) {
                    candlesWrong++;
                    failures.add(where + ": missing in the scanner (exchange " + h + ")" + (shown == null ? "" : ", shown " + shown));
                } else if (!same(c, h)) {
                    candlesWrong++;
                    failures.add(where + ": the scanner holds " + ohlcv(c) + " " + c.quality() + ", exchange " + ohlcv(h));
                } else if (c.quality() == CandleQuality.GAPPED || c.quality() == CandleQuality.PARTIAL) {
                    candlesWrong++; // values happen to match, but the scanner still says they are not to be trusted
                    failures.add(where + ": still " + c.quality());
                } else if (shown != null && !same(shown, h)) {
                    candlesWrong++;
                    failures.add(where + ": last shown (and journaled) as " + ohlcv(shown) + " " + shown.quality() + ", exchange " + ohlcv(h));
                }
                if (c != null && c.quality() == CandleQuality.HISTORICAL) {
                    candlesFromWarmUp++; // the day's first candles closed while the warm-up ran: it loaded them from history
                }
                if (c != null && c.quality() == CandleQuality.REPAIRED) {
                    repairedCandles++;
                }
            }
        }
        checkSignals(histories, strategy);
        checkOrders();
        checkStatuses();
        if (!uncaught.isEmpty()) {
            failures.add(mode + ": uncaught exceptions: " + uncaught);
        }
        if (runtime.engine().failedItems() != 0) {
            failures.add(mode + ": the engine failed on " + runtime.engine().failedItems() + " items");
        }
        longestRepairMillis = longestRepairNanos.get() / 1_000_000L;
    }

    private void checkSignals(Map<Long, List<ExchangeHttp.HistoryCandle>> histories, ScannerConfig.Strategy strategy) {
        Set<String> keys = ConcurrentHashMap.newKeySet();
        for (Signal s : signals) {
            String where = mode + " signal " + s.symbol() + " " + s.side() + " " + SessionCalendar.ist(s.candleStartMillis()).toLocalTime();
            if (!keys.add(s.key())) {
                failures.add(where + ": raised twice");
            }
            if (s.intrabar()) {
                continue;
            }
            signalsChecked++;
            List<Candle> series = new ArrayList<>();
            for (ExchangeHttp.HistoryCandle h : histories.get(s.token())) {
                if (h.startMillis() <= s.candleStartMillis()) {
                    series.add(new Candle(s.token(), h.startMillis(), h.open(), h.high(), h.low(), h.close(), h.volume(), 1,
                            CandleQuality.COMPLETE));
                }
            }
            Ta4jReference.Values v = Ta4jReference.at(series, strategy.emaFast(), strategy.emaSlow(), strategy.rsiPeriod());
            if (!close(s.emaFast(), v.emaFast()) || !close(s.emaSlow(), v.emaSlow()) || !close(s.rsi(), v.rsi())) {
                signalsWrong++;
                failures.add(String.format(Locale.ROOT, "%s: EMA %.6f/%.6f RSI %.6f, ta4j on the exchange's history gives %.6f/%.6f RSI %.6f",
                        where, s.emaFast(), s.emaSlow(), s.rsi(), v.emaFast(), v.emaSlow(), v.rsi()));
            }
        }
    }

    private void checkOrders() throws Exception {
        List<ExchangeHttp.BookOrder> book = exchange.orders();
        ordersOnBook = book.size();
        Map<String, List<String>> byTag = new TreeMap<>();
        for (ExchangeHttp.BookOrder o : book) {
            if (o.tag().isEmpty()) {
                failures.add(mode + ": an order without our tag on the book (the exchange's own square-off at 15:25?): " + o);
            } else {
                byTag.computeIfAbsent(o.tag(), t -> new ArrayList<>()).add(o.orderId());
            }
        }
        byTag.forEach((tag, ids) -> {
            if (ids.size() > 1) {
                failures.add(mode + ": order tag " + tag + " sent " + ids.size() + " times: " + ids);
            }
        });
        long entries = byTag.keySet().stream().filter(t -> OrderTags.parse(t).map(p -> p.role().name().equals("ENTRY")).orElse(false)).count();
        if (entries == 0) {
            failures.add(mode + ": auto-trading placed no entry order all day (signals: " + signals.size() + ")");
        }
        Map<String, Long> positions = exchange.netPositions();
        positions.forEach((symbol, qty) -> {
            if (qty != 0) {
                failures.add(mode + ": " + symbol + " still holds " + qty + " after the square-off");
            }
        });
        String block = runtime.trading().view().entryBlock();
        if (block == null || !block.contains("squared off")) {
            failures.add(mode + ": the executor does not say it squared off: '" + block + "'");
        }
    }

    /**
     * Every status change makes sense: the mode never changes; a stream mode never shows POLLING and the poll mode
     * never LIVE; never ERROR; TOKEN_EXPIRED only while a token was dead on purpose (and saying what to do); the day does not end in ERROR or
     * TOKEN_EXPIRED.
     */
    private void checkStatuses() {
        List<FeedStatus> list = List.copyOf(statuses);
        for (int i = 0; i < list.size(); i++) {
            FeedStatus s = list.get(i);
            long nanos = statusNanos.get(i);
            String where = mode + " status #" + i + " " + s.state() + " '" + s.message() + "'";
            if (s.mode() != mode) {
                failures.add(where + ": mode " + s.mode());
            }
            if (s.state() == FeedState.ERROR) {
                failures.add(where + ": ERROR");
            }
            if (mode == DataMode.STREAM && (s.state() == FeedState.POLLING || "poll".equals(s.activeFeed()))) {
                failures.add(where + ": polling in stream mode");
            }
            if (mode == DataMode.POLL && (s.state() == FeedState.LIVE || "stream".equals(s.activeFeed()))) {
                failures.add(where + ": streaming in poll mode");
            }
            if (s.state() == FeedState.TOKEN_EXPIRED && expiredWindows.stream().noneMatch(w -> nanos >= w[0] && nanos <= w[1])) {
                failures.add(where + ": TOKEN_EXPIRED while the token was good");
            }
        }
        finalStatus = runtime.supervisor().status();
        if (finalStatus.state() == FeedState.ERROR || finalStatus.state() == FeedState.TOKEN_EXPIRED) {
            failures.add(mode + ": the day ends " + finalStatus.state() + ": " + finalStatus.message());
        }
    }

    /** The figures of this session, for target/reliability/figures.jsonl. */
    Map<String, Object> figures() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("mode", mode.name().toLowerCase(Locale.ROOT));
        m.put("speed", speed);
        Map<String, Integer> perKind = new TreeMap<>();
        injected.forEach(x -> perKind.merge(x.fault().kind(), 1, Integer::sum));
        m.put("faults", injected.size());
        m.put("faults_per_kind", perKind);
        m.put("candles_checked", candlesChecked);
        m.put("candles_wrong", candlesWrong);
        m.put("candles_repaired", repairedCandles);
        m.put("candles_from_warm_up", candlesFromWarmUp);
        m.put("signals_checked", signalsChecked);
        m.put("signals_wrong", signalsWrong);
        m.put("orders_on_book", ordersOnBook);
        m.put("longest_reconnect_ms", injected.stream().mapToLong(Injected::recoveredMillis).max().orElse(0));
        Map<String, Long> longestPerKind = new TreeMap<>();
        injected.forEach(x -> longestPerKind.merge(x.fault().kind(), x.recoveredMillis(), Math::max));
        m.put("longest_reconnect_ms_per_kind", longestPerKind);
        m.put("longest_repair_ms", longestRepairMillis);
        m.put("wall_seconds", wallMillis / 1000.0);
        m.put("final_status", finalStatus == null ? "" : finalStatus.state().name());
        m.put("repairer_pending_gaps_at_end", pendingGapsAtEnd);
        m.put("failures", failures.size());
        return m;
    }

    private static boolean same(Candle c, ExchangeHttp.HistoryCandle h) {
        return c.open() == h.open() && c.high() == h.high() && c.low() == h.low() && c.close() == h.close() && c.volume() == h.volume();
    }

    private static List<Long> ohlcv(Candle c) {
        return List.of(c.open(), c.high(), c.low(), c.close(), c.volume());
    }

    private static List<Long> ohlcv(ExchangeHttp.HistoryCandle h) {
        return List.of(h.open(), h.high(), h.low(), h.close(), h.volume());
    }

    private static boolean close(double a, double b) {
        return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));
    }

    private static void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        if (!awaitSafe(what, timeout, condition)) {
            throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for: " + what);
        }
    }

    /** Waits for the condition; false when it did not come within the timeout. */
    private static boolean awaitSafe(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            TimeUnit.MILLISECONDS.sleep(20);
        }
        return true;
    }
}
