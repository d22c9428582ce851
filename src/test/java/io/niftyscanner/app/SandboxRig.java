package io.niftyscanner.app;

import io.niftyscanner.config.ConfigLoader;
import io.niftyscanner.config.DataMode;
import io.niftyscanner.config.InstrumentTokensFile;
import io.niftyscanner.config.ScannerConfig;
import io.niftyscanner.feed.FeedState;
import io.niftyscanner.feed.FeedStatus;
import io.niftyscanner.market.Candle;
import io.niftyscanner.market.Instrument;
import io.niftyscanner.market.Signal;
import io.niftyscanner.sandbox.SandboxOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * A scanner runtime on an embedded sandbox exchange, for tests: free ports, a handful of instruments, a fast market,
 * a journal in a temporary folder, and a recording of every event.
 */
final class SandboxRig implements AutoCloseable {
    static final LocalDate SESSION = LocalDate.of(2026, 11, 23);
    static final List<Instrument> INSTRUMENTS = List.of(Instrument.nseEquity("RELIANCE", 738561), Instrument.nseEquity("INFY", 408065),
            Instrument.nseEquity("TCS", 2953217), Instrument.nseEquity("HDFCBANK", 341249), Instrument.nseEquity("SBIN", 779521));

    final ScannerRuntime runtime;
    private volatile ScannerRuntime runtimeRef;
    final List<FeedStatus> statuses = new CopyOnWriteArrayList<>();
    /** The market clock's time at each status change, in step with {@link #statuses}. */
    final List<Long> statusMarketTimes = new CopyOnWriteArrayList<>();
    final List<Signal> signals = new CopyOnWriteArrayList<>();
    final List<Candle> candles = new CopyOnWriteArrayList<>();
    final List<Candle> repaired = new CopyOnWriteArrayList<>();
    /** Every status published, changed or not (the supervisor publishes one a second): a count that proves time passed. */
    final AtomicLong published = new AtomicLong();

    SandboxRig(Path dir, DataMode mode, double speed, LocalTime start, Map<String, String> extra) throws Exception {
        this(dir, mode, SandboxOptions.defaults().withSpeed(speed).withSeed(7).withStart(SESSION, start), extra, false);
    }

    SandboxRig(Path dir, DataMode mode, SandboxOptions sandbox, Map<String, String> extra, boolean warmUp) throws Exception {
        this(dir, mode, sandbox, extra, warmUp, null);
    }

    /** @param clock the scanner's market clock (null = the system's): tests that move time move it with the sandbox's */
    SandboxRig(Path dir, DataMode mode, SandboxOptions sandbox, Map<String, String> extra, boolean warmUp,
               io.niftyscanner.feed.MarketClock clock) throws Exception {
        Path tokens = dir.resolve("instrument_tokens.json");
        InstrumentTokensFile.save(tokens, INSTRUMENTS, OffsetDateTime.parse("2026-11-23T08:30:00+05:30"));
        Map<String, String> overrides = new HashMap<>();
        overrides.put("instruments.file", tokens.toString());
        overrides.put("journal.path", dir.resolve("journal.db").toString());
        overrides.put("poll.interval.seconds", "1");
        overrides.put("feed.watchdog.seconds", "2");
        overrides.put("holidays", "");
        overrides.put("alerts.sound", "false"); // tests do not beep or pop up on a developer's desktop
        overrides.put("alerts.notification", "false");
        overrides.putAll(extra);
        ScannerConfig config = ConfigLoader.load(dir, Map.of(), overrides);
        runtime = ScannerRuntime.start(config, new ScannerRuntime.Options(mode, 0, warmUp, sandbox).withClock(clock), new ScannerRuntime.Events() {
            @Override
            public void onStatus(FeedStatus status, boolean changed) {
                published.incrementAndGet();
                if (changed) {
                    statusMarketTimes.add(marketNow());
                    statuses.add(status);
                }
            }

            @Override
            public void onSignal(Signal signal) {
                signals.add(signal);
            }

            @Override
            public void onCandle(Instrument instrument, Candle candle) {
                candles.add(candle);
            }

            @Override
            public void onCandleRepaired(Instrument instrument, Candle before, Candle after) {
                repaired.add(after);
            }
        });
        runtimeRef = runtime;
    }

    private long marketNow() {
        ScannerRuntime rt = runtimeRef;
        return rt == null ? 0 : rt.clock().now();
    }

    FeedStatus status() {
        return runtime.supervisor().status();
    }

    boolean sawState(FeedState state) {
        return statuses.stream().anyMatch(s -> s.state() == state);
    }

    List<FeedState> states() {
        List<FeedState> out = new ArrayList<>();
        for (FeedStatus s : statuses) {
            if (out.isEmpty() || out.get(out.size() - 1) != s.state()) {
                out.add(s.state());
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    long requests(String route) {
        Map<String, Long> byRoute = (Map<String, Long>) runtime.sandbox().statsJson().get("requests");
        return byRoute.getOrDefault(route, 0L);
    }

    static void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for: " + what);
            }
            Thread.sleep(20);
        }
    }

    /**
     * Checks every closed candle the scanner keeps for the instrument against the sandbox's historical candles for the
     * same stretch: same buckets (none missing, none extra) and the same open, high, low, close and volume. Returns the
     * number of candles compared.
     */
    int assertSeriesEqualsExchange(Instrument in, long fromMillis) {
        List<Candle> series = new ArrayList<>();
        for (Candle c : runtime.engine().snapshot().view(in.token()).recentCandles()) {
            if (c.startMillis() >= fromMillis) {
                series.add(c);
            }
        }
        org.assertj.core.api.Assertions.assertThat(series).as(in.symbol() + ": candles since " + java.time.Instant.ofEpochMilli(fromMillis))
                .isNotEmpty();
        long last = series.get(series.size() - 1).startMillis();
        List<Candle> exchange = runtime.rest().historical(in.token(), "5minute", java.time.Instant.ofEpochMilli(fromMillis),
                java.time.Instant.ofEpochMilli(last));
        org.assertj.core.api.Assertions.assertThat(series.stream().map(SandboxRig::ohlcv).toList())
                .as(in.symbol() + ": every candle equals the exchange's, none missing")
                .isEqualTo(exchange.stream().map(SandboxRig::ohlcv).toList());
        org.assertj.core.api.Assertions.assertThat(series).as(in.symbol() + ": nothing left marked")
                .noneMatch(c -> c.quality() == io.niftyscanner.market.CandleQuality.GAPPED
                        || c.quality() == io.niftyscanner.market.CandleQuality.PARTIAL);
        return series.size();
    }

    static List<Long> ohlcv(Candle c) {
        return List.of(c.startMillis(), c.open(), c.high(), c.low(), c.close(), c.volume());
    }

    @Override
    public void close() {
        runtime.close();
    }
}
