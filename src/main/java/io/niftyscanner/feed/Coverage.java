package io.niftyscanner.feed;

import io.niftyscanner.engine.Engine;
import io.niftyscanner.engine.EngineCommand;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How far the market data that reached the engine is complete, in market time, and the outages in it. An outage (a
 * dropped or silent socket, a burst of malformed frames, ticks the engine's queue refused, a mode switch, the market
 * clock jumping) starts at the last instant the data is known complete and ends at the first tick accepted after it.
 * While it lasts, the stretch so far is marked in the engine and queued for repair every beat, so candles that close
 * meanwhile are never complete and buckets without a single tick are known to be missing, not empty.
 *
 * <p>While no outage is known, the engine's market time advances only as far as data vouches for it (ticks, and
 * heartbeats that arrive in order behind them): a socket that goes silent cannot close candles as complete before the
 * watchdog notices it. Thread-safe; {@link #accepted} is on the per-tick path and costs a volatile read and a CAS.
 */
final class Coverage {
    private static final Logger LOG = LoggerFactory.getLogger(Coverage.class);
    static final long NONE = Long.MIN_VALUE;
    /**
     * A stream sends a frame (ticks, or a heartbeat when idle) at least once a second. After a silence longer than this
     * (a stalled socket the watchdog has not caught yet, or a process that stood still) the first tick tells which: if
     * its exchange time moved on by more than this as well, the ticks of the silent stretch were lost and it is
     * treated as missed (repaired from the exchange's history); if not, they were only held up and nothing is missing.
     * Heartbeats carry no time, so one that ends a silence vouches for nothing until the stream has been heard again
     * for this long.
     */
    static final long MAX_SILENCE_NANOS = TimeUnit.MILLISECONDS.toNanos(1500);
    private static final long MAX_SILENCE_MILLIS = TimeUnit.NANOSECONDS.toMillis(MAX_SILENCE_NANOS);

    private final Engine engine;
    private final MarketClock clock;
    private final GapRepairer repairer;
    private final AtomicLong completeUntil = new AtomicLong(NONE);
    private volatile long lastEvidenceNanos;
    /** When a heartbeat ended a silence (0: none since the last tick): heartbeats vouch for nothing for a while. */
    private volatile long heardAgainNanos;
    /** Whether the active feed is the stream (set every beat): polls come far apart by design and are not judged by silence. */
    private volatile boolean streaming;
    private final Object lock = new Object();
    private volatile boolean outage;
    // guarded by lock
    private long outageFrom = NONE;
    private final Set<String> reasons = new LinkedHashSet<>();

    Coverage(Engine engine, MarketClock clock, GapRepairer repairer) {
        this.engine = engine;
        this.clock = clock;
        this.repairer = repairer;
    }

    /** A tick with this exchange time is about to reach the engine: an outage in progress ends here. */
    void accepted(long exchangeMillis) {
        long nanos = clock.nanos();
        long silence = nanos - lastEvidenceNanos;
        lastEvidenceNanos = nanos;
        if (streaming && !outage && (silence > MAX_SILENCE_NANOS || heardAgainNanos != 0)) {
            long complete = completeUntil.get();
            if (complete != NONE && exchangeMillis - complete > MAX_SILENCE_MILLIS) {
                lost("the stream was silent and its ticks resumed " + (exchangeMillis - complete) + " ms of market time later");
            }
        }
        if (heardAgainNanos != 0) {
            heardAgainNanos = 0;
        }
        if (outage) {
            end(exchangeMillis);
        }
        completeUntil.accumulateAndGet(exchangeMillis, Math::max);
    }

    /** A heartbeat arrived in order behind every tick sent before it: data is complete up to the market clock's now. */
    void alive() {
        long marketNow = clock.now(); // read first: a clock that jumps between the two reads must not be vouched for
        long nanos = clock.nanos();
        long silence = nanos - lastEvidenceNanos;
        lastEvidenceNanos = nanos;
        if (silence > MAX_SILENCE_NANOS) {
            heardAgainNanos = nanos; // it may have waited in a buffer, or ended a stall whose ticks are lost
            return;
        }
        long heardAgain = heardAgainNanos;
        if (heardAgain != 0) {
            if (nanos - heardAgain < MAX_SILENCE_NANOS) {
                return;
            }
            heardAgainNanos = 0; // heard steadily since, without a tick: the stream is alive and idle
        }
        if (!outage && completeUntil.get() != NONE) {
            completeUntil.accumulateAndGet(marketNow, Math::max);
        }
    }

    /** Data from the last complete instant on may be missing. */
    void lost(String reason) {
        lost(completeUntil.get(), reason);
    }

    /** Data from {@code fromMillis} on may be missing (NONE: nothing was delivered yet, so nothing can be missing). */
    void lost(long fromMillis, String reason) {
        long from;
        synchronized (lock) {
            if (outage) {
                reasons.add(reason);
                if (fromMillis == NONE || fromMillis >= outageFrom) {
                    return;
                }
                outageFrom = fromMillis;
            } else {
                if (fromMillis == NONE) {
                    return;
                }
                reasons.add(reason);
                outage = true;
                outageFrom = fromMillis;
            }
            from = outageFrom;
        }
        LOG.info("market data missed from {} on ({})", Instant.ofEpochMilli(from), reason);
        engine.command(new EngineCommand.MarkGap(from, Math.max(from, clock.now())));
    }

    /**
     * Once a second: an outage in progress is marked and queued for repair up to now, and market time moves on (with
     * an outage or while polling to the market clock's now, while streaming only as far as the data vouches for).
     */
    void beat(boolean streaming) {
        this.streaming = streaming;
        if (outage) {
            long from;
            String why;
            synchronized (lock) {
                if (!outage) {
                    return;
                }
                from = outageFrom;
                why = String.join(", ", reasons);
            }
            repairer.gap(from, Math.max(from, clock.now()), why);
            engine.submitMarketTime(clock.now());
        } else if (!streaming) {
            if (clock.knowsExchangeTime()) {
                engine.submitMarketTime(clock.now());
            }
        } else if (completeUntil.get() != NONE) {
            engine.submitMarketTime(completeUntil.get());
        }
    }

    boolean inOutage() {
        return outage;
    }

    /** The market time up to which data is known complete, or {@link #NONE}. */
    long completeUntil() {
        return completeUntil.get();
    }

    private void end(long exchangeMillis) {
        long from;
        String why;
        synchronized (lock) {
            if (!outage) {
                return;
            }
            outage = false;
            from = outageFrom;
            why = String.join(", ", reasons);
            reasons.clear();
        }
        long to = Math.max(from, Math.max(exchangeMillis, clock.now()));
        LOG.info("market data flows again at {} after {}", Instant.ofEpochMilli(exchangeMillis), why);
        repairer.gap(from, to, why);
    }
}
