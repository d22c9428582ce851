package io.niftyscanner.bench;

import io.niftyscanner.market.Instrument;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * The peer's side of {@code e2e-max}, in its own JVM with the same options as ours: javakiteconnect's KiteTicker (one
 * socket per 3,000 instruments) against the same sender, counting the ticks it hands to its listener (its bare
 * ingest: parsing into its Tick objects, nothing after). Prints one JSON line like {@link E2eConsumer}.
 *
 * <p>Arguments: {@code ws=URL instruments=N lib=DIR warmup=SECONDS measure=SECONDS}.
 */
public final class PeerIngest {
    private PeerIngest() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> a = E2eBench.keyValues(args);
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true, StandardCharsets.UTF_8);
        out.println(E2eBench.JSON.writeValueAsString(run(a.get("ws"), Integer.parseInt(a.get("instruments")),
                Path.of(a.get("lib")), Double.parseDouble(a.get("warmup")), Double.parseDouble(a.get("measure")))));
        System.exit(0);
    }

    static Map<String, Object> run(String wsUrl, int count, Path lib, double warmupSeconds, double measureSeconds) throws Exception {
        PeerClient peer = PeerClient.load(lib);
        LongAdder ticks = new LongAdder();
        List<Long> tokens = PricePath.instruments(count).stream().map(Instrument::token).toList();
        List<Object> tickers = new ArrayList<>();
        for (int from = 0; from < tokens.size(); from += 3000) {
            tickers.add(peer.connect(wsUrl, tokens.subList(from, Math.min(tokens.size(), from + 3000)), ticks::add));
        }
        long waitUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (ticks.sum() == 0) {
            if (System.nanoTime() > waitUntil) {
                throw new IllegalStateException("the peer received no tick within 120 s");
            }
            Thread.sleep(5);
        }
        Thread.sleep(Math.round(warmupSeconds * 1000));
        ProcessMetrics before = ProcessMetrics.now();
        long startTicks = ticks.sum();
        Thread.sleep(Math.round(measureSeconds * 1000));
        long measured = ticks.sum() - startTicks;
        ProcessMetrics after = ProcessMetrics.now();
        double seconds = (after.wallNanos() - before.wallNanos()) / 1e9;
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("ticks", measured);
        result.put("seconds", seconds);
        result.put("ticks_per_s", measured / seconds);
        result.put("cpu_pct", 100.0 * (after.cpuNanos() - before.cpuNanos()) / (after.wallNanos() - before.wallNanos()));
        result.put("rss_mb", after.rssMb());
        result.put("gc_count", after.gcCount() - before.gcCount());
        for (Object t : tickers) {
            peer.disconnect(t);
        }
        return result;
    }
}
