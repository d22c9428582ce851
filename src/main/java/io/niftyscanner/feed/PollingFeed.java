package io.niftyscanner.feed;

import io.niftyscanner.kite.KiteException;
import io.niftyscanner.kite.KiteRestClient;
import io.niftyscanner.kite.Quote;
import io.niftyscanner.kite.TokenException;
import io.niftyscanner.market.Instrument;
import io.niftyscanner.market.SessionCalendar;
import io.niftyscanner.market.Tick;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls Kite's {@code /quote} route every interval: one request per 500 instruments (one for the NIFTY 50), each
 * quote turned into a tick. Cycles run on one thread and never overlap. Outside market hours cycles are skipped;
 * a single-instrument probe finds out when the exchange's session runs again (also a simulated one at night).
 * Polled candles are samples, so every polled stretch is reported as a gap, to be repaired from Kite's candles.
 */
public final class PollingFeed implements MarketFeed {
    private static final Logger LOG = LoggerFactory.getLogger(PollingFeed.class);
    static final long PROBE_MILLIS = 15_000;
    static final long MAX_BACKOFF_MILLIS = 60_000;

    private final KiteRestClient rest;
    private final List<Instrument> instruments;
    private final List<String> keys;
    private final Map<String, Instrument> byKey = new HashMap<>();
    private final long intervalMillis;
    private final SessionCalendar calendar;
    private final MarketClock clock;
    private final FeedSink sink;
    private final FeedReporter reporter;
    private final ScheduledExecutorService thread;
    private final Map<Long, Long> lastQuoteTime = new HashMap<>();
    private volatile boolean stopped;
    private long coveredUntil;
    private long lastProbeTimestamp;
    private int failures;

    public PollingFeed(KiteRestClient rest, List<Instrument> instruments, long intervalMillis, SessionCalendar calendar,
                       MarketClock clock, FeedSink sink, FeedReporter reporter) {
        if (intervalMillis < 1000) {
            throw new IllegalArgumentException("poll interval must be at least 1 s, not " + intervalMillis + " ms");
        }
        this.rest = rest;
        this.instruments = List.copyOf(instruments);
        this.keys = this.instruments.stream().map(Instrument::quoteKey).toList();
        this.instruments.forEach(i -> byKey.put(i.quoteKey(), i));
        this.intervalMillis = intervalMillis;
        this.calendar = calendar;
        this.clock = clock;
        this.sink = sink;
        this.reporter = reporter;
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "poll-feed");
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public String kind() {
        return POLL;
    }

    @Override
    public void start(long resumeFromMillis) {
        coveredUntil = resumeFromMillis;
        thread.execute(this::cycle);
    }

    @Override
    public void reconnect() {
        thread.execute(this::cycle);
    }

    @Override
    public void close() {
        stopped = true;
        thread.shutdownNow();
        try {
            thread.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void cycle() {
        if (stopped) {
            return;
        }
        long startedNanos = clock.nanos();
        try {
            if (!calendar.inSession(clock.now()) && !exchangeIsLive()) {
                schedule(Math.min(intervalMillis, PROBE_MILLIS));
                return;
            }
            int delivered = pollAll();
            failures = 0;
            long cycleMillis = (clock.nanos() - startedNanos) / 1_000_000L;
            long delay = Math.max(0, intervalMillis - cycleMillis);
            reporter.pollCycle(cycleMillis, clock.wallMillis() + delay, delivered);
            schedule(delay);
        } catch (TokenException e) {
            stopped = true;
            reporter.tokenExpired(POLL, e.getMessage());
        } catch (KiteException | IllegalStateException e) {
            if (stopped) {
                return; // closing: an interrupted wait is not a failure
            }
            failures++;
            long backoff = Math.min(MAX_BACKOFF_MILLIS, Math.max(intervalMillis, 1000L << Math.min(6, failures)));
            LOG.warn("polling cycle failed ({} in a row): {}", failures, e.getMessage());
            reporter.failed(POLL, "Polling failed: " + e.getMessage(), backoff);
            schedule(backoff);
        } catch (RuntimeException | Error e) {
            failures++;
            LOG.error("polling cycle failed unexpectedly", e);
            reporter.failed(POLL, "Polling failed: " + e, MAX_BACKOFF_MILLIS);
            schedule(MAX_BACKOFF_MILLIS);
        }
    }

    /**
     * Outside the hours the market clock knows, asks the exchange itself: its quote timestamp tells whether a session
     * is running (a stale timestamp from the last session does not move between two probes).
     */
    private boolean exchangeIsLive() {
        Map<String, Quote> probe = rest.quote(List.of(keys.get(0)));
        Quote q = probe.get(keys.get(0));
        long ts = q == null ? 0 : q.timestampMillis();
        boolean moved = lastProbeTimestamp != 0 && ts != lastProbeTimestamp;
        lastProbeTimestamp = ts;
        if (ts > 0 && calendar.inSession(ts) && (moved || calendar.inSession(clock.wallMillis()))) {
            return true; // the cycle's quotes move the market clock, through the supervisor's checks
        }
        long nextOpen = calendar.nextOpen(Instant.ofEpochMilli(clock.wallMillis())).toEpochMilli();
        reporter.marketClosed(POLL, nextOpen);
        return false;
    }

    private int pollAll() {
        long receivedNanos = clock.nanos();
        Map<String, Quote> quotes = rest.quote(keys);
        int delivered = 0;
        long newest = 0;
        for (Map.Entry<String, Quote> e : quotes.entrySet()) {
            Instrument in = byKey.get(e.getKey());
            Quote q = e.getValue();
            if (in == null || q.lastPrice() <= 0) {
                continue;
            }
            long ts = q.timestampMillis() > 0 ? q.timestampMillis() : clock.now();
            Long previous = lastQuoteTime.put(in.token(), ts);
            if (previous != null && previous == ts) {
                continue;
            }
            sink.onTick(new Tick(in.token(), ts, q.lastPrice(), q.volume(), q.lastQuantity(), receivedNanos));
            newest = Math.max(newest, ts);
            delivered++;
        }
        if (newest > 0) {
            if (calendar.inRegularSession(newest)) {
                long from = coveredUntil > 0 ? coveredUntil : newest;
                reporter.gap(from, newest, "polling samples");
                coveredUntil = newest;
            }
        }
        sink.onAlive();
        return delivered;
    }

    private void schedule(long delayMillis) {
        if (!stopped) {
            thread.schedule(this::cycle, delayMillis, TimeUnit.MILLISECONDS);
        }
    }
}
