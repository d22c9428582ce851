package io.niftyscanner.feed;

import io.niftyscanner.market.SessionCalendar;
import io.niftyscanner.market.Tick;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Checks the values a feed delivers before they can move the market clock or reach the engine (design.md 2: market
 * time is the exchange's, so one wrong timestamp must not become it). A tick is refused when its price is not
 * positive, or when it is stamped on an earlier date than the market clock's session. A tick stamped more than
 * {@code maxAheadMillis} ahead of the market clock is not believed alone: it is held until ticks of
 * {@code min(3, instruments)} instruments agree on that time (within the same tolerance), which is what the end of an
 * outage looks like (at speed 60 a sandbox moves minutes in a second); then the clock follows and the held ticks are
 * released. A lone far-future timestamp never finds agreement and is refused once the instrument's next believable tick
 * contradicts it, or after {@link #HOLD_NANOS}. The first exchange time starts the clock (there is nothing to compare
 * it with).
 * Every refusal is counted. Thread-safe (feeds call it from their threads).
 */
final class TickGate {
    static final long HOLD_NANOS = TimeUnit.SECONDS.toNanos(2);
    private static final int MAX_HELD = 1024;

    /** What to do with a tick. */
    enum Verdict {
        /** Deliver it. */
        ACCEPT,
        /** Ticks agreed on a new market time: deliver {@link #takeReleased()} (held ones, then this one). */
        RELEASE,
        /** Drop it (counted), or it is held for now. */
        REFUSE
    }

    private final MarketClock clock;
    private final long maxAheadMillis;
    private final int quorum;
    private final AtomicLong nonPositivePrice = new AtomicLong();
    private final AtomicLong ahead = new AtomicLong();
    private final AtomicLong earlierDate = new AtomicLong();

    private volatile boolean holding;
    // guarded by this
    private final List<Tick> held = new ArrayList<>();
    private final Set<Long> heldTokens = new HashSet<>();
    private final Set<Long> heldFrames = new HashSet<>();
    private long heldAnchor;
    private long heldSinceNanos;
    private List<Tick> released = List.of();

    TickGate(MarketClock clock, long maxAheadMillis, int instruments) {
        this.clock = clock;
        this.maxAheadMillis = maxAheadMillis;
        this.quorum = Math.max(1, Math.min(3, instruments));
    }

    Verdict check(Tick tick) {
        if (tick.lastPrice() <= 0) {
            count(nonPositivePrice, "ticks with a price of zero or below");
            return Verdict.REFUSE;
        }
        long t = tick.exchangeTimeMillis();
        if (t <= 0) {
            return Verdict.ACCEPT; // no exchange time (LTP packets): it cannot move the clock, the engine ignores it
        }
        if (!clock.knowsExchangeTime()) {
            return Verdict.ACCEPT; // the first exchange time starts the market clock: there is nothing to compare it with
        }
        {
            long now = clock.now();
            if (t <= now + maxAheadMillis) {
                if (SessionCalendar.istEpochDay(t) < SessionCalendar.istEpochDay(now)) {
                    count(earlierDate, "ticks stamped on an earlier date than the session's");
                    return Verdict.REFUSE;
                }
                if (holding) {
                    contradict(tick.token());
                }
                return Verdict.ACCEPT;
            }
        }
        return hold(tick);
    }

    private synchronized Verdict hold(Tick tick) {
        long nowNanos = clock.nanos();
        long t = tick.exchangeTimeMillis();
        boolean stale = !held.isEmpty() && nowNanos - heldSinceNanos > HOLD_NANOS;
        boolean disagrees = !held.isEmpty() && Math.abs(t - heldAnchor) > maxAheadMillis;
        if (stale || disagrees || held.size() >= MAX_HELD) {
            refuseHeld();
        }
        if (held.isEmpty()) {
            heldAnchor = t;
            heldSinceNanos = nowNanos;
        }
        held.add(tick);
        holding = true;
        heldTokens.add(tick.token());
        heldFrames.add(tick.receivedNanos());
        boolean agreed = heldTokens.size() >= quorum && (quorum > 1 || heldFrames.size() > 1);
        if (!agreed) {
            return Verdict.REFUSE;
        }
        released = new ArrayList<>(held);
        held.clear();
        heldTokens.clear();
        heldFrames.clear();
        holding = false;
        return Verdict.RELEASE;
    }

    /** A believable tick of an instrument whose far-ahead tick is held: that one was wrong. */
    private synchronized void contradict(long token) {
        if (heldTokens.contains(token)) {
            refuseHeld();
        }
    }

    /** The ticks to deliver after {@link Verdict#RELEASE}, oldest first (the checked tick last). */
    synchronized List<Tick> takeReleased() {
        List<Tick> out = released;
        released = List.of();
        return out;
    }

    private void refuseHeld() {
        for (int i = 0; i < held.size(); i++) {
            count(ahead, "ticks stamped too far ahead of the market clock");
        }
        held.clear();
        heldTokens.clear();
        heldFrames.clear();
        holding = false;
    }

    private static void count(AtomicLong counter, String what) {
        long n = counter.incrementAndGet();
        if (Long.bitCount(n) == 1) {
            org.slf4j.LoggerFactory.getLogger(TickGate.class).warn("refused {} {} so far", n, what);
        }
    }

    /** Ticks refused so far, by reason. */
    RefusedTicks refused() {
        synchronized (this) {
            if (!held.isEmpty() && clock.nanos() - heldSinceNanos > HOLD_NANOS) {
                refuseHeld();
            }
        }
        return new RefusedTicks(nonPositivePrice.get(), ahead.get(), earlierDate.get());
    }
}
