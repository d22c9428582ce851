package io.niftyscanner.bench;

import io.niftyscanner.config.DataMode;
import io.niftyscanner.engine.Engine;
import io.niftyscanner.engine.EngineCore;
import io.niftyscanner.engine.EngineListener;
import io.niftyscanner.engine.IndicatorSets;
import io.niftyscanner.engine.IndicatorValues;
import io.niftyscanner.engine.StrategyParams;
import io.niftyscanner.feed.FeedSupervisor;
import io.niftyscanner.feed.GapLog;
import io.niftyscanner.feed.GapRepairer;
import io.niftyscanner.feed.HybridSchedule;
import io.niftyscanner.feed.MarketClock;
import io.niftyscanner.feed.MarketFeed;
import io.niftyscanner.feed.StreamingFeed;
import io.niftyscanner.kite.KiteHttp;
import io.niftyscanner.kite.KiteRestClient;
import io.niftyscanner.kite.KiteSession;
import io.niftyscanner.kite.KiteTicker;
import io.niftyscanner.market.Candle;
import io.niftyscanner.market.Instrument;
import io.niftyscanner.market.SessionCalendar;
import io.niftyscanner.market.Signal;
import io.niftyscanner.market.Tick;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * The measured side of an end-to-end benchmark, in its own JVM (started by {@link E2eBench} with the app's JVM
 * options): the app's own path from the socket to signals, wired as {@code ScannerRuntime} wires it: the KiteTicker
 * client and its decoder, the streaming feed (one socket per 3,000 instruments), the feed supervisor's sink, the engine
 * queue and the engine thread with the default strategy, indicators primed with history as the warm-up primes them.
 * It waits for the first tick, lets the stream run for the warm-up, measures for the given time and prints one JSON
 * line: ticks per second, latencies from frame receipt to the engine and to signals, its own CPU time and memory.
 *
 * <p>Arguments: {@code ws=URL instruments=N start=EPOCH_MILLIS history=CANDLES warmup=SECONDS measure=SECONDS}.
 */
public final class E2eConsumer {
    private static final long MAX_LATENCY_NANOS = TimeUnit.SECONDS.toNanos(60);

    private E2eConsumer() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> a = E2eBench.keyValues(args);
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true, StandardCharsets.UTF_8);
        out.println(E2eBench.JSON.writeValueAsString(run(a.get("ws"), Integer.parseInt(a.get("instruments")),
                Long.parseLong(a.get("start")), Integer.parseInt(a.get("history")), Double.parseDouble(a.get("warmup")),
                Double.parseDouble(a.get("measure")))));
        System.exit(0);
    }

    static Map<String, Object> run(String wsUrl, int count, long start, int historyCandles, double warmupSeconds,
                                   double measureSeconds) throws Exception {
        List<Instrument> instruments = PricePath.instruments(count);
        PricePath path = new PricePath(count);
        StrategyParams params = StrategyParams.defaults();
        Recorder recorder = new Recorder();
        Engine engine = new Engine(new EngineCore(instruments, params, recorder, null, IndicatorSets.incremental(params)));
        engine.observeTicks(recorder);
        engine.start();
        for (Instrument in : instruments) {
            List<Candle> history = path.history(in, start, historyCandles);
            engine.execute(core -> core.loadHistory(in.token(), history));
        }
        if (!engine.awaitQueued(120_000)) {
            throw new IllegalStateException("the engine did not load the history within 120 s");
        }
        MarketClock clock = MarketClock.system();
        KiteSession session = new KiteSession("bench", "bench");
        // nothing listens there: a gap would show as a failed repair (and as "gaps" in the result), never as data
        KiteRestClient rest = new KiteRestClient(KiteHttp.shared(), "http://127.0.0.1:9", session);
        GapRepairer repairer = new GapRepairer(rest, instruments, engine, GapLog.NONE, clock, params.candleGraceMillis() + 1000);
        KiteTicker.Options options = KiteTicker.Options.defaults(wsUrl, session);
        FeedSupervisor supervisor = new FeedSupervisor(
                (kind, sink, reporter) -> new StreamingFeed(options, instruments, clock, sink, reporter),
                engine, clock, SessionCalendar.withoutHolidays(), new HybridSchedule(List.of()), repairer, DataMode.STREAM,
                (status, changed) -> {});
        supervisor.start(null, instruments);

        long waitUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (recorder.firstTickNanos == 0) {
            if (System.nanoTime() > waitUntil) {
                throw new IllegalStateException("no tick reached the engine within 120 s");
            }
            Thread.sleep(5);
        }
        sleepSeconds(warmupSeconds);
        ProcessMetrics before = ProcessMetrics.now();
        recorder.measuring = true;
        int queuePeak = 0;
        long end = before.wallNanos() + Math.round(measureSeconds * 1e9);
        while (System.nanoTime() < end) {
            queuePeak = Math.max(queuePeak, engine.queueSize());
            Thread.sleep(10);
        }
        recorder.measuring = false;
        ProcessMetrics after = ProcessMetrics.now();
        if (!engine.awaitQueued(60_000)) {
            throw new IllegalStateException("the engine did not catch up within 60 s of the measurement's end");
        }
        long ticks = recorder.measuredTicks;
        double seconds = (after.wallNanos() - before.wallNanos()) / 1e9;
        Map<String, Object> result = new java.util.LinkedHashMap<>();
        result.put("ticks", ticks);
        result.put("seconds", seconds);
        result.put("ticks_per_s", ticks / seconds);
        E2eBench.putLatencies(result, "", recorder.tickLatency);
        E2eBench.putLatencies(result, "signal_", recorder.signalLatency);
        result.put("signals", recorder.signalLatency.getTotalCount());
        result.put("signals_on_market_time", recorder.clockSignals);
        result.put("candles", recorder.measuredCandles);
        result.put("cpu_pct", 100.0 * (after.cpuNanos() - before.cpuNanos()) / (after.wallNanos() - before.wallNanos()));
        result.put("rss_mb", after.rssMb());
        result.put("rss_peak_mb", after.peakRssMb());
        result.put("heap_used_mb", after.heapUsedMb());
        result.put("gc_count", after.gcCount() - before.gcCount());
        result.put("gc_ms", after.gcMillis() - before.gcMillis());
        result.put("dropped_items", engine.droppedItems());
        result.put("gaps", repairer.gaps());
        result.put("queue_peak", queuePeak);
        supervisor.close();
        repairer.close();
        engine.close();
        return result;
    }

    private static void sleepSeconds(double seconds) throws InterruptedException {
        Thread.sleep(Math.round(seconds * 1000));
    }

    /** On the engine thread: per-tick latency, signal latency, counts. Written only by the engine thread. */
    private static final class Recorder implements EngineListener, Engine.TickObserver {
        final Histogram tickLatency = new Histogram(MAX_LATENCY_NANOS, 3);
        final Histogram signalLatency = new Histogram(MAX_LATENCY_NANOS, 3);
        volatile boolean measuring;
        volatile long firstTickNanos;
        volatile long measuredTicks;
        long measuredCandles;
        long clockSignals;
        private long signalNanos;
        private int pendingSignals;

        @Override
        public void onCandleClosed(Candle candle, IndicatorValues values) {
            if (measuring) {
                measuredCandles++;
            }
        }

        @Override
        public void onSignal(Signal signal) {
            signalNanos = System.nanoTime();
            pendingSignals++;
        }

        @Override
        public void afterTick(Tick tick) {
            long now = System.nanoTime();
            if (firstTickNanos == 0) {
                firstTickNanos = now;
            }
            if (measuring) {
                measuredTicks++;
                tickLatency.recordValue(Math.min(MAX_LATENCY_NANOS, Math.max(0, now - tick.receivedNanos())));
                if (pendingSignals > 0) {
                    signalLatency.recordValue(Math.min(MAX_LATENCY_NANOS, Math.max(0, signalNanos - tick.receivedNanos())));
                }
            }
            pendingSignals = 0;
        }

        @Override
        public void afterMarketTime(long epochMillis) {
            if (measuring) {
                clockSignals += pendingSignals;
            }
            pendingSignals = 0;
        }
    }
}
