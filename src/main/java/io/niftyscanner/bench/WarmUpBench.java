package io.niftyscanner.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.niftyscanner.engine.Engine;
import io.niftyscanner.engine.EngineCore;
import io.niftyscanner.engine.EngineListener;
import io.niftyscanner.engine.IndicatorSets;
import io.niftyscanner.engine.StrategyParams;
import io.niftyscanner.feed.CandleCache;
import io.niftyscanner.feed.MarketClock;
import io.niftyscanner.feed.WarmUp;
import io.niftyscanner.journal.Journal;
import io.niftyscanner.kite.KiteHttp;
import io.niftyscanner.kite.KiteRestClient;
import io.niftyscanner.kite.KiteSession;
import io.niftyscanner.market.Candle;
import io.niftyscanner.market.Instrument;
import io.niftyscanner.market.SessionCalendar;
import io.niftyscanner.sandbox.Nifty50Universe;
import io.niftyscanner.sandbox.SandboxExchange;
import io.niftyscanner.sandbox.SandboxOptions;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The warm-up against the sandbox exchange (issue 12, item 5): the NIFTY 50's 49 instruments at 11:00 on a session day,
 * first with an empty candle cache ({@code warmup-cold}: one historical request per instrument at Kite's 3 a second),
 * then again with the cache the first run filled ({@code warmup-cached}). Reports the whole warm-up's time and when
 * instruments became ready (their candles in the engine), from the start of the warm-up; the sandbox's own start (its
 * simulation of the morning up to 11:00) is not timed.
 */
public final class WarmUpBench {
    static final LocalDate DAY = LocalDate.of(2026, 11, 25);
    private static final String MARKET = "sandbox:bench";

    private WarmUpBench() {}

    public static List<ObjectNode> run(PrintStream progress) throws IOException {
        Path dir = Files.createTempDirectory("nifty-bench-warmup");
        SandboxOptions options = SandboxOptions.defaults().withSeed(42).withSpeed(1).withStart(DAY, LocalTime.of(11, 0));
        List<ObjectNode> rows = new ArrayList<>();
        try (SandboxExchange exchange = SandboxExchange.start(options); Journal journal = Journal.open(dir.resolve("journal.db"))) {
            // the sandbox simulates its session up to 11:00 when it starts (seconds of CPU on a busy machine); Kite has
            // its market ready, so the clock starts once the sandbox's has caught up
            exchange.pump();
            List<Instrument> instruments = Nifty50Universe.instruments();
            KiteRestClient rest = new KiteRestClient(KiteHttp.shared(), exchange.restUrl(),
                    new KiteSession(exchange.apiKey(), exchange.accessToken()));
            CandleCache cache = new CandleCache() {
                @Override
                public List<Candle> candles(long token, long fromMillis, long toMillis) {
                    return journal.candles(MARKET, token, fromMillis, toMillis);
                }

                @Override
                public void save(List<Candle> candles) {
                    journal.saveCandles(MARKET, candles);
                }
            };
            for (String scenario : List.of("warmup-cold", "warmup-cached")) {
                progress.printf(Locale.ROOT, "%s: %d instruments from the sandbox's historical route%s%n", scenario,
                        instruments.size(), scenario.endsWith("cached") ? " and the cache the cold run filled" : " (empty cache)");
                long before = historicalRequests(exchange);
                rows.add(once(scenario, instruments, rest, cache, exchange, before));
            }
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(Collections.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        return rows;
    }

    private static ObjectNode once(String scenario, List<Instrument> instruments, KiteRestClient rest, CandleCache cache,
                                   SandboxExchange exchange, long requestsBefore) {
        StrategyParams params = StrategyParams.defaults();
        SessionCalendar calendar = SessionCalendar.withoutHolidays();
        Engine engine = new Engine(new EngineCore(instruments, params, EngineListener.NONE, calendar, IndicatorSets.incremental(params)));
        engine.start();
        try {
            WarmUp warmUp = new WarmUp(rest, cache, calendar, 5); // strategy.warmup.days as shipped
            List<Long> readyNanos = Collections.synchronizedList(new ArrayList<>());
            long start = System.nanoTime();
            WarmUp.Result r = warmUp.run(instruments, exchange.marketTimeMillis(), engine,
                    (done, total, symbol) -> readyNanos.add(System.nanoTime() - start), MarketClock.system());
            List<Long> ready = new ArrayList<>(readyNanos);
            Collections.sort(ready);
            ObjectNode n = E2eBench.JSON.createObjectNode();
            n.put("type", "bench");
            n.put("scenario", scenario);
            n.putNull("ticks_per_s");
            n.putNull("p50_us");
            n.putNull("p99_us");
            n.putNull("max_us");
            n.putNull("cpu_pct");
            n.put("rss_mb", Math.round(ProcessMetrics.status("VmRSS:")));
            n.putNull("peer_ticks_per_s");
            n.putNull("ratio");
            n.put("seconds", r.millis() / 1000.0);
            n.put("instruments", r.instruments());
            n.put("historical_requests", historicalRequests(exchange) - requestsBefore);
            n.put("candles_fetched", r.fetchedFromKite());
            n.put("candles_cached", r.fromCache());
            n.put("failed", r.failed());
            n.put("first_ready_ms", ready.isEmpty() ? null : ready.get(0) / 1_000_000);
            n.put("median_ready_ms", ready.isEmpty() ? null : ready.get(ready.size() / 2) / 1_000_000);
            n.put("last_ready_ms", ready.isEmpty() ? null : ready.get(ready.size() - 1) / 1_000_000);
            n.put("rate_limited", ((Number) exchange.statsJson().get("rate_limited")).longValue());
            return n;
        } finally {
            engine.close();
        }
    }

    @SuppressWarnings("unchecked")
    private static long historicalRequests(SandboxExchange exchange) {
        Map<String, Long> byRoute = (Map<String, Long>) exchange.statsJson().get("requests");
        return byRoute.getOrDefault("GET /instruments/historical", 0L);
    }
}
