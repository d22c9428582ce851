package io.niftyscanner.orders;

import io.niftyscanner.market.Instrument;
import io.niftyscanner.market.Side;
import java.util.ArrayList;
import java.util.List;

/** One signal's trade: its entry, stop, target and exit orders and the position they made. Executor thread only. */
final class Trade {
    final String signalKey;
    final String entryTag;
    final Instrument instrument;
    final Side side;
    final long stopPaise;
    final long targetPaise;
    final List<TrackedOrder> orders = new ArrayList<>();
    /** The signed position this trade's fills made. */
    long net;
    /** Why it is being closed (square-off, stop trading, breaker, watched target, failed stop), or null. */
    String closingReason;
    /** The target could not rest at the exchange: it is watched instead. */
    boolean watchTarget;
    /** The venue closed the position without us (the broker's square-off, or by hand). */
    boolean closedOutside;

    Trade(String signalKey, String entryTag, Instrument instrument, Side side, long stopPaise, long targetPaise, boolean watchTarget) {
        this.signalKey = signalKey;
        this.entryTag = entryTag;
        this.instrument = instrument;
        this.side = side;
        this.stopPaise = stopPaise;
        this.targetPaise = targetPaise;
        this.watchTarget = watchTarget;
    }

    TrackedOrder entry() {
        for (TrackedOrder o : orders) {
            if (o.role == Role.ENTRY) {
                return o;
            }
        }
        return null;
    }

    /** The working order of the role (the newest), or null. */
    TrackedOrder working(Role role) {
        for (int i = orders.size() - 1; i >= 0; i--) {
            TrackedOrder o = orders.get(i);
            if (o.role == role && o.working()) {
                return o;
            }
        }
        return null;
    }

    boolean ever(Role role) {
        return orders.stream().anyMatch(o -> o.role == role);
    }

    /** The next attempt number for a role (0 for the first order of that role). */
    int nextAttempt(Role role) {
        return (int) orders.stream().filter(o -> o.role == role).count();
    }

    boolean anyWorking() {
        return orders.stream().anyMatch(TrackedOrder::working);
    }

    /** Nothing working and no position: the trade is over. */
    boolean done() {
        return net == 0 && !anyWorking();
    }

    boolean entryWorking() {
        TrackedOrder e = entry();
        return e != null && e.working();
    }
}
